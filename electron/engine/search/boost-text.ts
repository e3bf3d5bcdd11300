import type { LetterMeta } from './letter-meta';

/** Where a term found in a letter's short fields lifts it in relevance. */
export const BOOST = { title: 10, proposalTitle: 8, name: 3 } as const;

/**
 * The letters' short fields (title, proposal title, proposers and issuer), each field of every letter
 * joined into one string, so that finding a term in all of them is a few indexOf scans instead of a
 * loop over every letter.
 */
export class BoostText {
  private readonly fields: Array<{ text: string; starts: Int32Array; ids: Uint32Array; weight: number }>;

  constructor(metas: Iterable<LetterMeta>) {
    const list = [...metas];
    const field = (value: (meta: LetterMeta) => string, weight: number) => {
      const starts = new Int32Array(list.length);
      const ids = new Uint32Array(list.length);
      const parts: string[] = [];
      let at = 0;
      list.forEach((meta, index) => {
        const part = value(meta);
        starts[index] = at;
        ids[index] = meta.id;
        parts.push(part);
        at += part.length + 1;
      });
      return { text: parts.join('\u0000'), starts, ids, weight };
    };
    this.fields = [
      field((meta) => meta.titleKey, BOOST.title),
      field((meta) => meta.proposalTitleKey, BOOST.proposalTitle),
      // Names are matched as stored (not normalised), as before; \u0001 keeps two names apart.
      field((meta) => [...meta.proposers, meta.issuer ?? ''].join('\u0001'), BOOST.name),
    ];
  }

  /** Letter id → boost for one normalised term (absent: no boost). */
  boosts(needle: string): Map<number, number> {
    const out = new Map<number, number>();
    if (needle === '') return out;
    for (const { text, starts, ids, weight } of this.fields) {
      let last = -1;
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
        const index = owner(starts, at);
        if (index === last) continue;
        last = index;
        const id = ids[index] as number;
        out.set(id, (out.get(id) ?? 0) + weight);
      }
    }
    return out;
  }
}

/** The index of the last start ≤ at. */
function owner(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
