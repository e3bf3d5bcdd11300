/**
 * The parsed fields of a reply letter, under the corpus's keys exactly
 * (see ../shared/corpus/README.md). `null` / `[]` where the letter does not state it.
 */
export type LetterKind = '提案' | '建议' | '议案' | '其他';

export interface LetterFields {
  kind: string | null;
  title: string | null;
  issuer: string | null;
  co_issuers: string[];
  doc_number: string | null;
  session: string | null;
  proposal_number: string | null;
  category: string | null;
  handling_role: string | null;
  proposers: string[];
  proposal_title: string | null;
  date: string | null;
  contact: string | null;
  phone: string | null;
  cc: string[];
  next_steps_heading: string | null;
  commitments: string[];
}

export type LetterFieldKey = keyof LetterFields;

export const LETTER_FIELD_KEYS = [
  'kind',
  'title',
  'issuer',
  'co_issuers',
  'doc_number',
  'session',
  'proposal_number',
  'category',
  'handling_role',
  'proposers',
  'proposal_title',
  'date',
  'contact',
  'phone',
  'cc',
  'next_steps_heading',
  'commitments',
] as const satisfies readonly LetterFieldKey[];

/** The fields whose value is a list of strings; all others are a string or null. */
export const LIST_FIELD_KEYS = [
  'co_issuers',
  'proposers',
  'cc',
  'commitments',
] as const satisfies readonly LetterFieldKey[];

/** What a user reads for each field, in the metadata card and in exports. */
export const LETTER_FIELD_LABELS: Record<LetterFieldKey, string> = {
  kind: '类型',
  title: '标题',
  issuer: '承办单位',
  co_issuers: '会办单位',
  doc_number: '文号',
  session: '届次',
  proposal_number: '提案号',
  category: '办复类别',
  handling_role: '办理角色',
  proposers: '提案人',
  proposal_title: '提案/建议标题',
  date: '答复日期',
  contact: '联系人',
  phone: '联系电话',
  cc: '抄送',
  next_steps_heading: '下一步标题',
  commitments: '承诺事项',
};

/** A part of the letter's text, with offsets into it. */
export interface LetterSection {
  heading: string;
  start: number;
  end: number;
}
