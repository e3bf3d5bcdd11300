import type { TopicRule } from '../../../shared/domain';
import { OTHER_TOPIC } from './default-rules';

/** The parts of a letter a topic is read from, most telling first. */
export interface TopicInput {
  proposalTitle: string | null;
  title: string | null;
  /** The whole letter text. */
  body: string;
}

export interface TopicScore {
  topic: string;
  score: number;
}

/** A keyword hit in the proposal title weighs this much; the proposal title names the subject. */
const PROPOSAL_TITLE_WEIGHT = 6;
/** The letter's title often repeats the proposal title, or names the subject on its own. */
const TITLE_WEIGHT = 3;
/** The body's hits saturate below one proposal-title hit: a long letter cannot outvote its subject. */
const BODY_CEILING = 5;
const BODY_HALF = 4;
/** Each keyword counts at most this often in the body, so one repeated word does not decide. */
const BODY_REPEAT_CAP = 3;
/** Below this, nothing matched well: the letter is 其他. */
const MIN_SCORE = 1.5;

interface CompiledKeyword {
  word: string;
  topics: number[];
}

/** A trie node over the keywords' UTF-16 code units: where a keyword ends, the keyword. */
interface TrieNode {
  next: Map<number, TrieNode>;
  keyword: CompiledKeyword | null;
}

/** Rules compiled once: the topics in order, and every keyword (with the topics naming it) in a trie. */
export interface CompiledRules {
  topics: string[];
  keywords: CompiledKeyword[];
  root: TrieNode;
}

/**
 * Words of the genre read as one piece and counted for no topic, so that a keyword inside them does
 * not count: 市政协 is not 市政 (城乡建设).
 */
const NEUTRAL_PHRASES = ['政协', '市政协', '县政协', '区政协', '州政协', '省政协', '市政府', '市政务'];

export function compileRules(rules: readonly TopicRule[]): CompiledRules {
  const topics: string[] = [];
  const byWord = new Map<string, Set<number>>(NEUTRAL_PHRASES.map((phrase) => [phrase, new Set<number>()]));
  for (const rule of rules) {
    const name = rule.topic.trim();
    if (!name) continue;
    let index = topics.indexOf(name);
    if (index < 0) {
      index = topics.length;
      topics.push(name);
    }
    for (const raw of rule.keywords) {
      const word = normalizeForTopics(raw.trim());
      if (!word) continue;
      const set = byWord.get(word) ?? new Set<number>();
      set.add(index);
      byWord.set(word, set);
    }
  }
  const keywords = [...byWord.entries()].map(([word, set]) => ({ word, topics: [...set] }));
  const root: TrieNode = { next: new Map(), keyword: null };
  for (const keyword of keywords) {
    let node = root;
    // By UTF-16 code unit, as the text is read (charCodeAt allocates nothing, unlike charAt).
    for (let index = 0; index < keyword.word.length; index += 1) {
      const char = keyword.word.charCodeAt(index);
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map(), keyword: null };
        node.next.set(char, child);
      }
      node = child;
    }
    node.keyword = keyword;
  }
  return { topics, keywords, root };
}

/** Full-width letters and digits to ASCII, lower case: keywords and texts compare alike. */
export function normalizeForTopics(text: string): string {
  // Only letters and digits matter (keywords are words); full-width punctuation, common in letters, stays.
  if (!/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5AA-Z]/u.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu, (char) =>
      String.fromCharCode(char.charCodeAt(0) - 0xfee0),
    )
    .toLowerCase();
}

/**
 * How often each keyword occurs in the text, read left to right taking the longest keyword that
 * starts at each place: a keyword inside a longer one found there is not counted again
 * (环境卫生 does not also count 卫生). One pass over the text, whatever the number of keywords.
 */
export function keywordCounts(text: string, compiled: CompiledRules): Map<CompiledKeyword, number> {
  const normalized = normalizeForTopics(text);
  const counts = new Map<CompiledKeyword, number>();
  let at = 0;
  while (at < normalized.length) {
    let node: TrieNode | undefined = compiled.root;
    let found: CompiledKeyword | null = null;
    let end = at;
    for (let next = at; next < normalized.length; next += 1) {
      node = node.next.get(normalized.charCodeAt(next));
      if (!node) break;
      if (node.keyword) {
        found = node.keyword;
        end = next + 1;
      }
    }
    if (found) {
      counts.set(found, (counts.get(found) ?? 0) + 1);
      at = end;
    } else {
      at += 1;
    }
  }
  return counts;
}

function addHits(
  scores: number[],
  counts: Map<CompiledKeyword, number>,
  weight: number,
  cap = Number.POSITIVE_INFINITY,
): void {
  for (const [keyword, count] of counts) {
    for (const topic of keyword.topics) scores[topic] = (scores[topic] ?? 0) + weight * Math.min(count, cap);
  }
}

/** Every topic's score for a letter, best first (zero scores left out). */
export function scoreTopics(input: TopicInput, compiled: CompiledRules): TopicScore[] {
  const heading = compiled.topics.map(() => 0);
  if (input.proposalTitle)
    addHits(heading, keywordCounts(input.proposalTitle, compiled), PROPOSAL_TITLE_WEIGHT);
  if (input.title) addHits(heading, keywordCounts(input.title, compiled), TITLE_WEIGHT);
  const body = compiled.topics.map(() => 0);
  addHits(body, keywordCounts(input.body, compiled), 1, BODY_REPEAT_CAP);
  return compiled.topics
    .map((topic, index) => {
      const hits = body[index] ?? 0;
      return { topic, score: (heading[index] ?? 0) + (BODY_CEILING * hits) / (hits + BODY_HALF) };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** The letter's topic: the best-scoring one, or 其他 when none scores well enough. */
export function classifyTopic(input: TopicInput, compiled: CompiledRules): string {
  const [best] = scoreTopics(input, compiled);
  return best && best.score >= MIN_SCORE ? best.topic : OTHER_TOPIC;
}
