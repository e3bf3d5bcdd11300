import type { Database } from 'better-sqlite3';
import { sortableProposalKey } from '../records/effective-fields';
import { categoryNormalized, proposalNumberKey } from '../letter/derived';
import { foldText } from '../letter/normalize';
import type { LetterMeta } from './letter-meta';
import type { FilterField } from './query-parser';
import { commitmentStatusCondition } from '../commitments/status-filter';

export type MetaPredicate = (meta: LetterMeta) => boolean;

/** Doc numbers compare with brackets, widths and spaces folded: 组函〔2024〕12号 ≡ 组函[2024]12号. */
export function foldDocNumber(text: string): string {
  return foldText(text)
    .replace(/[〔【［(（]/gu, '[')
    .replace(/[〕】］)）]/gu, ']')
    .replace(/\s+/gu, '')
    .toUpperCase();
}

const contains = (value: string | null, part: string): boolean =>
  value !== null && foldText(value).includes(foldText(part));

/**
 * Letters with a commitment in this status (逾期: due before today and not 已落实), by the same
 * condition the ledger uses. An unknown status selects nothing (the query parser hints at it).
 */
function lettersWithStatus(db: Database, status: string, today: string): Set<number> {
  let condition: { where: string; params: unknown[] };
  try {
    condition = commitmentStatusCondition(status, today);
  } catch {
    return new Set();
  }
  const ids = db
    .prepare(`SELECT DISTINCT letter_id FROM commitments WHERE ${condition.where}`)
    .pluck()
    .all(...condition.params) as number[];
  return new Set(ids);
}

/** The stored proposal key a 号: filter looks for (018 ≡ 18). */
export function proposalKeyOf(value: string): string | null {
  return sortableProposalKey(proposalNumberKey(value));
}

/** The facets whose value alone decides some filters (see facetFilter). */
export type ValueFacet = 'year' | 'category' | 'session' | 'topic' | 'kind';

/**
 * For a filter that tests one facet value of a letter, the facet and the same test on the value (as
 * facets.ts stores it): search then tests each distinct value once and scans a typed column, instead
 * of calling a predicate on every letter. Null for the other filters. Agrees with filterPredicate.
 */
export function facetFilter(
  field: FilterField,
  value: string,
): { facet: ValueFacet; test: (stored: string) => boolean } | null {
  switch (field) {
    case 'year': {
      const wanted = String(Number(value));
      return { facet: 'year', test: (stored) => stored === wanted };
    }
    case 'category': {
      const wanted = categoryNormalized(value) ?? foldText(value).toUpperCase();
      return { facet: 'category', test: (stored) => stored === wanted };
    }
    case 'session':
    case 'topic':
    case 'kind':
      return { facet: field, test: (stored) => contains(stored, value) };
    default:
      return null;
  }
}

/** A filter clause as a test on a letter's meta; numbers are exact fields, never free text. */
export function filterPredicate(
  db: Database,
  field: FilterField,
  value: string,
  today: string,
): MetaPredicate {
  switch (field) {
    case 'number': {
      const key = proposalKeyOf(value);
      return (meta) => meta.proposalKey === key;
    }
    case 'department':
      return (meta) => contains(meta.issuer, value) || meta.coIssuers.some((name) => contains(name, value));
    case 'session':
      return (meta) => contains(meta.session, value);
    case 'category': {
      const wanted = categoryNormalized(value) ?? foldText(value).toUpperCase();
      return (meta) => meta.category === wanted;
    }
    case 'year':
      return (meta) => meta.year === Number(value);
    case 'topic':
      return (meta) => contains(meta.topic, value);
    case 'tag':
      return (meta) => meta.tags.includes(value);
    case 'proposer':
      return (meta) => meta.proposers.some((name) => contains(name, value));
    case 'docNumber': {
      const wanted = foldDocNumber(value);
      return (meta) => meta.docNumber !== null && foldDocNumber(meta.docNumber).includes(wanted);
    }
    case 'kind':
      return (meta) => contains(meta.kind, value);
    case 'status': {
      const ids = lettersWithStatus(db, value, today);
      return (meta) => ids.has(meta.id);
    }
  }
}
