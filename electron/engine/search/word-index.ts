import FlexSearch, { type Document, type Id } from 'flexsearch';
import { splitJsonArray } from './word-store';

/**
 * The ranked word index: jieba words of title (+ proposal title) and body in a FlexSearch Document,
 * fed pre-tokenised (words joined by spaces, split back by `encode`): FlexSearch's own encoder would
 * cut numbers into groups of three and cannot segment Chinese. It ranks; it never decides membership
 * (that is the n-gram postings' job), so a word jieba cut differently only loses rank, never a letter.
 */
export interface WordDocument {
  [key: string]: string | number;
  id: number;
  title: string;
  body: string;
}

const splitWords = (text: string): string[] => (text === '' ? [] : text.split(' '));

function newDocument(): Document<WordDocument> {
  return new FlexSearch.Document<WordDocument>({
    tokenize: 'strict',
    resolution: 9,
    document: {
      id: 'id',
      index: [
        { field: 'title', encode: splitWords },
        { field: 'body', encode: splitWords },
      ],
    },
  });
}

/** Weights of the fields when ranking: the title (and proposal title) weighs more than the body. */
const FIELD_WEIGHT: Record<string, number> = { title: 3, body: 1 };

export class WordIndex {
  private document = newDocument();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(id: number, titleWords: string[], bodyWords: string[]): void {
    if (this.document.contain(id)) this.document.remove(id);
    else this.count += 1;
    this.document.add({ id, title: titleWords.join(' '), body: bodyWords.join(' ') });
  }

  remove(id: number): void {
    if (!this.document.contain(id)) return;
    this.document.remove(id);
    this.count -= 1;
  }

  /**
   * A relevance score per letter for these query words: each field's result order (FlexSearch ranks
   * by where the word stands), weighed by field, summed over the words.
   */
  scores(words: string[], limit = 2000): Map<number, number> {
    const scores = new Map<number, number>();
    for (const word of new Set(words)) {
      const results = this.document.search(word, { limit });
      for (const fieldResult of results) {
        const weight = FIELD_WEIGHT[String(fieldResult.field)] ?? 1;
        const ids = fieldResult.result as Id[];
        ids.forEach((id: Id, rank: number) => {
          const key = Number(id);
          scores.set(key, (scores.get(key) ?? 0) + weight * (1 - rank / (ids.length + 1)));
        });
      }
    }
    return scores;
  }

  /**
   * Serialised parts (key → data), as FlexSearch exports them, its word maps cut into slices of about
   * 256 KB so that loading them is done in small steps (see importPart).
   */
  async exportParts(): Promise<Array<[string, string]>> {
    const parts: Array<[string, string]> = [];
    await this.document.export((key: string, data: string) => {
      if (key.endsWith('.map')) for (const slice of splitJsonArray(data)) parts.push([key, slice]);
      else parts.push([key, data]);
    });
    return parts;
  }

  /** Starts an import: an empty index of `count` letters, filled by importPart. */
  beginImport(count: number): void {
    this.document = newDocument();
    this.count = count;
  }

  importPart(key: string, data: string): void {
    this.document.import(key, data);
  }

  importParts(parts: Array<[string, string]>, count: number): void {
    this.beginImport(count);
    for (const [key, data] of parts) this.importPart(key, data);
  }
}
