import type { LetterFields, LetterSection } from '../../../shared/letter-fields';

/** One promised measure found in the next-steps part, with offsets into the input text. */
export interface CommitmentItem {
  text: string;
  start: number;
  end: number;
  /** ISO date implied by the wording (年底前, 力争1年内, 2025年6月前…), or null. */
  dueDate: string | null;
}

export interface SessionParts {
  body: '政协' | '人大' | null;
  level: string | null;
  term: number | null;
  meeting: number | null;
  sortKey: string;
}

export interface DerivedFields {
  year: number | null;
  /** Proposal number for browsing: 018 ≡ 18; codes such as DH123 stay as written. */
  proposalNumberKey: string | null;
  sessionParts: SessionParts | null;
  categoryNormalized: 'A' | 'B' | 'C' | 'D' | null;
}

export type ParsedLetter = LetterFields & {
  sections: LetterSection[];
  /** What could not be read, in Chinese, for the user. */
  warnings: string[];
  commitmentItems: CommitmentItem[];
  derived: DerivedFields;
};

/** A line (or a paragraph of a flattened page) of the input, with offsets into it. */
export interface Line {
  /** Offset of the first non-blank character in the input. */
  start: number;
  /** Offset just after the last non-blank character. */
  end: number;
  /** The exact input text of the line, trimmed. */
  text: string;
  /** The same text with full-width punctuation, digits and letters folded to ASCII (same length). */
  norm: string;
}
