/**
 * The search box's query language, parsed without ever throwing:
 *   人才 公寓        words, all required (AND)
 *   "人才公寓"        a phrase (also “人才公寓”), found verbatim
 *   -试点            letters without it (also -"短语", -部门:…)
 *   交通 OR 教育      either (also 或, |)
 *   号:018 部门:组织部 届次:五届四次 类别:A 年:2024 主题:人才 标签:重点 提案人:乐芳均 文号:… 状态:逾期 类型:提案
 * Whatever cannot be understood is dropped with a Chinese hint saying why.
 */

export type FilterField =
  | 'number'
  | 'department'
  | 'session'
  | 'category'
  | 'year'
  | 'topic'
  | 'tag'
  | 'proposer'
  | 'docNumber'
  | 'status'
  | 'kind';

export const FILTER_KEYS: Record<string, FilterField> = {
  号: 'number',
  部门: 'department',
  届次: 'session',
  类别: 'category',
  年: 'year',
  主题: 'topic',
  标签: 'tag',
  提案人: 'proposer',
  文号: 'docNumber',
  状态: 'status',
  类型: 'kind',
};

const FILTER_LABELS: Record<FilterField, string> = Object.fromEntries(
  Object.entries(FILTER_KEYS).map(([label, field]) => [field, label]),
) as Record<FilterField, string>;

export const STATUS_VALUES = ['待落实', '推进中', '已落实', '未落实', '逾期'] as const;

export type Clause =
  { kind: 'text'; text: string; phrase: boolean } | { kind: 'filter'; field: FilterField; value: string };

export interface ParsedQuery {
  /** Every group must match; a group matches when one of its clauses does. */
  groups: Clause[][];
  /** No clause here may match. */
  excluded: Clause[];
  /** Why parts of the query were ignored, in Chinese; empty when all was understood. */
  hints: string[];
}

interface Token {
  clause: Clause | null;
  negated: boolean;
  isOr: boolean;
}

const SPACE = /[\s\u3000]/u;
const OPEN_QUOTES: Record<string, string> = { '"': '"', '“': '”', '”': '”', '＂': '＂', '「': '」' };
const OR_WORDS = new Set(['OR', '或', '|', '｜']);

/** Splits the query into raw tokens, honouring quotes; records an unclosed quote. */
function scan(query: string, hints: string[]): Array<{ raw: string; quoted: boolean; prefix: string }> {
  const out: Array<{ raw: string; quoted: boolean; prefix: string }> = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] as string;
    if (SPACE.test(char)) {
      i += 1;
      continue;
    }
    // A token: an optional prefix (-, key:) and then either a quoted string or a bare word.
    let j = i;
    while (j < query.length && !SPACE.test(query[j] as string) && !((query[j] as string) in OPEN_QUOTES))
      j += 1;
    const prefix = query.slice(i, j);
    const quote = query[j];
    const prefixAllowsQuote = prefix === '' || prefix === '-' || /[:：]$/u.test(prefix);
    if (quote !== undefined && quote in OPEN_QUOTES && prefixAllowsQuote) {
      const close = OPEN_QUOTES[quote] as string;
      const end = query.indexOf(close, j + 1);
      if (end === -1) {
        hints.push('引号没有配对：已按到结尾的短语搜索。');
        out.push({ prefix, raw: query.slice(j + 1), quoted: true });
        break;
      }
      out.push({ prefix, raw: query.slice(j + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    // A bare word runs to the next space (quotes inside it are plain characters).
    let k = j;
    while (k < query.length && !SPACE.test(query[k] as string)) k += 1;
    out.push({ prefix: '', raw: query.slice(i, k), quoted: false });
    i = k;
  }
  return out;
}

function filterOf(key: string, value: string, hints: string[]): Clause | null {
  const field = FILTER_KEYS[key] as FilterField;
  const trimmed = value.trim();
  if (trimmed === '') {
    hints.push(`「${key}:」后面缺少内容，例如 ${example(field)}。`);
    return null;
  }
  if (field === 'year' && !/^\d{4}$/u.test(normalizeDigits(trimmed))) {
    hints.push(`「年:${trimmed}」不是四位年份，例如 年:2024。`);
    return null;
  }
  if (field === 'status' && !(STATUS_VALUES as readonly string[]).includes(trimmed)) {
    hints.push(`「状态:${trimmed}」无法识别，可用：${STATUS_VALUES.join('、')}。`);
    return null;
  }
  return { kind: 'filter', field, value: field === 'year' ? normalizeDigits(trimmed) : trimmed };
}

function example(field: FilterField): string {
  const examples: Record<FilterField, string> = {
    number: '号:018',
    department: '部门:组织部',
    session: '届次:五届四次',
    category: '类别:A',
    year: '年:2024',
    topic: '主题:人才',
    tag: '标签:重点',
    proposer: '提案人:乐芳均',
    docNumber: '文号:组函〔2024〕12号',
    status: '状态:逾期',
    kind: '类型:提案',
  };
  return examples[field];
}

export function normalizeDigits(text: string): string {
  return text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** One raw token → a clause (or an OR marker), with its hints. */
function toToken(part: { raw: string; quoted: boolean; prefix: string }, hints: string[]): Token | null {
  let { prefix } = part;
  let raw = part.raw;
  let negated = false;
  if (!part.quoted) {
    if (OR_WORDS.has(raw)) return { clause: null, negated: false, isOr: true };
    if (raw.startsWith('-') || raw.startsWith('－')) {
      negated = true;
      raw = raw.slice(1);
      if (raw === '') {
        hints.push('单独的「-」已忽略：要排除某词，请紧接着写，例如 -试点。');
        return null;
      }
    }
  } else if (prefix.startsWith('-') || prefix.startsWith('－')) {
    negated = true;
    prefix = prefix.slice(1);
  }
  // key:value (also with a full-width colon); the value may be quoted.
  const keyed = part.quoted ? /^(.+?)[:：]$/u.exec(prefix) : /^([^:：]+)[:：](.*)$/su.exec(raw);
  if (keyed && (keyed[1] as string) in FILTER_KEYS) {
    const value = part.quoted ? raw : (keyed[2] as string);
    const clause = filterOf(keyed[1] as string, value, hints);
    return clause ? { clause, negated, isOr: false } : null;
  }
  const text = part.quoted ? `${prefix}${raw}` : raw;
  if (text.trim() === '') {
    if (part.quoted) hints.push('空的引号已忽略。');
    return null;
  }
  return { clause: { kind: 'text', text, phrase: part.quoted }, negated, isOr: false };
}

export function parseQuery(query: string): ParsedQuery {
  const hints: string[] = [];
  const tokens = scan(query, hints)
    .map((part) => toToken(part, hints))
    .filter((token): token is Token => token !== null);
  const groups: Clause[][] = [];
  const excluded: Clause[] = [];
  let pendingOr = false;
  let previousWasPositive = false;
  tokens.forEach((token, index) => {
    if (token.isOr) {
      const next = tokens[index + 1];
      if (!previousWasPositive || !next || next.isOr || next.negated) {
        hints.push('「OR」两边都需要有搜索词，例如 交通 OR 教育；已忽略。');
        return;
      }
      pendingOr = true;
      return;
    }
    const clause = token.clause as Clause;
    if (token.negated) {
      excluded.push(clause);
      previousWasPositive = false;
      return;
    }
    const last = groups[groups.length - 1];
    if (pendingOr && last) last.push(clause);
    else groups.push([clause]);
    pendingOr = false;
    previousWasPositive = true;
  });
  if (groups.length === 0 && excluded.length > 0) {
    hints.push('只有排除条件时，将在全部回函中排除。');
  }
  return { groups, excluded, hints: dedupe(hints) };
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

export function filterLabel(field: FilterField): string {
  return FILTER_LABELS[field];
}
