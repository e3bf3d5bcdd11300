import type { FacetCount, FacetName } from '../../../shared/domain';
import type { LetterMeta } from './letter-meta';

const NAMES: FacetName[] = ['department', 'session', 'year', 'category', 'topic', 'tag', 'kind'];

/**
 * Facet values are interned to small integers once per letter, so counting a result of 100,000 letters
 * is array increments, not string-keyed map updates.
 */
const codes: Record<FacetName, Map<string, number>> = Object.fromEntries(
  NAMES.map((name) => [name, new Map<string, number>()]),
) as Record<FacetName, Map<string, number>>;
const values = Object.fromEntries(NAMES.map((name) => [name, [] as string[]])) as Record<FacetName, string[]>;
const cache = new WeakMap<LetterMeta, number[][]>();

function codeOf(name: FacetName, value: string | number | null): number[] {
  if (value === null || value === '') return [];
  const key = String(value);
  let code = codes[name].get(key);
  if (code === undefined) {
    code = values[name].length;
    values[name].push(key);
    codes[name].set(key, code);
  }
  return [code];
}

function codesOf(meta: LetterMeta): number[][] {
  let found = cache.get(meta);
  if (!found) {
    found = [
      codeOf('department', meta.issuer),
      codeOf('session', meta.session),
      codeOf('year', meta.year),
      codeOf('category', meta.category),
      codeOf('topic', meta.topic),
      meta.tags.flatMap((tag) => codeOf('tag', tag)),
      codeOf('kind', meta.kind),
    ];
    cache.set(meta, found);
  }
  return found;
}

/** Counts per value of each facet over the whole result, most frequent first (at most `top` each). */
export function facetCounts(metas: Iterable<LetterMeta>, top = 100): Record<FacetName, FacetCount[]> {
  const counts: number[][] = NAMES.map(() => []);
  for (const meta of metas) {
    const letterCodes = codesOf(meta);
    for (let facet = 0; facet < NAMES.length; facet += 1) {
      const counter = counts[facet] as number[];
      for (const code of letterCodes[facet] as number[]) counter[code] = (counter[code] ?? 0) + 1;
    }
  }
  return Object.fromEntries(
    NAMES.map((name, facet) => {
      const list: FacetCount[] = [];
      (counts[facet] as number[]).forEach((count, code) => {
        if (count > 0) list.push({ value: values[name][code] as string, count });
      });
      list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      return [name, list.slice(0, top)];
    }),
  ) as Record<FacetName, FacetCount[]>;
}
