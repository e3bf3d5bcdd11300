import type { LetterCorrections } from '../../../shared/domain';
import { LETTER_FIELD_KEYS, type LetterFields } from '../../../shared/letter-fields';
import { deriveFields } from '../letter/derived';

/** The fields as the user sees them: the parsed value unless the user corrected it. */
export function effectiveFields(parsed: LetterFields, corrections: LetterCorrections): LetterFields {
  const merged = { ...parsed };
  for (const key of LETTER_FIELD_KEYS) {
    if (Object.hasOwn(corrections, key)) {
      (merged as Record<string, unknown>)[key] = corrections[key];
    }
  }
  return merged;
}

/** The letters table's browsing columns, computed from the effective fields. */
export interface BrowseColumns {
  title: string | null;
  kind: string | null;
  issuer: string | null;
  session: string | null;
  session_key: string | null;
  proposal_number: string | null;
  proposal_key: string | null;
  category: string | null;
  letter_date: string | null;
  year: number | null;
}

export function browseColumns(fields: LetterFields): BrowseColumns {
  const derived = deriveFields(fields);
  return {
    title: fields.title,
    kind: fields.kind,
    issuer: fields.issuer,
    session: fields.session,
    session_key: derived.sessionParts?.sortKey ?? null,
    proposal_number: fields.proposal_number,
    proposal_key: sortableProposalKey(derived.proposalNumberKey),
    category: derived.categoryNormalized,
    letter_date: fields.date,
    year: derived.year,
  };
}

/** 018 ≡ 18 for grouping, and numbers sort as numbers (9 before 10) with codes after them. */
export function sortableProposalKey(key: string | null): string | null {
  if (key === null) return null;
  return /^\d+$/u.test(key) ? key.padStart(12, '0') : `~${key}`;
}
