import { z } from 'zod';
import { CUSTOM_TERMS_MAX_COUNT, customTermProblem } from './custom-dictionary';
import { FOLLOW_UP_AUTHOR_MAX } from './settings';
import { COMMITMENT_STATUSES } from './domain';
import { LETTER_FIELD_KEYS } from './letter-fields';
import { METHOD_NAMES, isMethodName, type MethodName } from './methods';

/**
 * One zod schema per ArchiveApi method, for its single argument object.
 * Every host validates with these where a call enters it (main process, web host, engine).
 */
const id = z.number().int().positive();
const ids = z.array(id).min(1).max(100_000);
const text = (max: number) => z.string().max(max);
const path = z.string().min(1).max(4096);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期格式应为 YYYY-MM-DD');
const commitmentStatus = z.enum(COMMITMENT_STATUSES as [string, ...string[]]);
const tagName = z.string().trim().min(1).max(40);
const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(50),
};
const selection = z.union([z.object({ ids }).strict(), z.object({ query: text(2000) }).strict()]);
const fieldValue = z.union([z.string().max(20_000), z.array(z.string().max(20_000)).max(500), z.null()]);
const empty = z.object({}).strict();
const customTerms = z
  .array(
    z.string().superRefine((term, context) => {
      const problem = customTermProblem(term);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  )
  .max(CUSTOM_TERMS_MAX_COUNT);
const topicRules = z
  .array(z.object({ topic: text(50).min(1), keywords: z.array(text(50).min(1)).max(500) }).strict())
  .max(200);

export const apiArgSchemas = {
  status: empty,

  importPaths: z.object({ paths: z.array(path).min(1).max(10_000) }).strict(),
  cancelImport: z.object({ jobId: text(100) }).strict(),
  listImports: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),

  listLetters: z
    .object({
      sort: z.enum(['session', 'number', 'date', 'imported']).default('session'),
      /** A BrowseNode key from browse(): only the letters under that node. */
      node: text(500).optional(),
      ...page,
    })
    .strict(),
  getLetter: z.object({ id }).strict(),
  updateLetter: z
    .object({
      id,
      corrections: z.partialRecord(z.enum(LETTER_FIELD_KEYS), fieldValue).default({}),
      /** Fields whose correction is dropped, so the parsed value shows again. */
      revert: z.array(z.enum(LETTER_FIELD_KEYS)).max(LETTER_FIELD_KEYS.length).optional(),
    })
    .strict(),
  deleteLetters: z.object({ ids }).strict(),
  /** The user assigns a letter's topic; null = back to the computed one. */
  setLetterTopic: z.object({ id, topic: z.string().trim().min(1).max(50).nullable() }).strict(),
  /** The topics a letter can be assigned: the rules' topics, 其他, and any assigned by hand. */
  listTopics: empty,
  reparseAll: empty,

  search: z
    .object({
      query: text(2000),
      sort: z.enum(['relevance', 'date', 'number']).default('relevance'),
      ...page,
    })
    .strict(),
  suggest: z
    .object({
      field: z.enum(['department', 'session', 'topic', 'tag', 'proposer']),
      prefix: text(100),
      limit: z.number().int().min(1).max(50).default(10),
    })
    .strict(),
  browse: z.object({ by: z.enum(['session', 'department', 'topic', 'category', 'tag']) }).strict(),

  listTags: empty,
  tagLetters: z.object({ ids, tags: z.array(tagName).min(1).max(50) }).strict(),
  untagLetters: z.object({ ids, tags: z.array(tagName).min(1).max(50) }).strict(),
  setTagColor: z
    .object({
      tag: tagName,
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/u)
        .nullable(),
    })
    .strict(),

  listCommitments: z
    .object({
      status: commitmentStatus.optional(),
      department: text(200).optional(),
      session: text(200).optional(),
      topic: text(100).optional(),
      overdue: z.boolean().optional(),
      dueWithinDays: z.number().int().min(0).max(3650).optional(),
      detected: z.boolean().optional(),
      ...page,
    })
    .strict(),
  addCommitment: z
    .object({
      letterId: id,
      text: text(5000).min(1),
      start: z.number().int().min(0).nullable(),
      end: z.number().int().min(0).nullable(),
      dueDate: isoDate.nullable(),
    })
    .strict(),
  updateCommitment: z
    .object({
      id,
      text: text(5000).min(1).optional(),
      dueDate: isoDate.nullable().optional(),
      department: text(200).nullable().optional(),
      confirmed: z.boolean().optional(),
      rejected: z.boolean().optional(),
    })
    .strict(),
  setCommitmentStatus: z.object({ ids, status: commitmentStatus }).strict(),
  addFollowUp: z
    .object({ commitmentId: id, note: text(5000).min(1), author: text(100), date: isoDate.optional() })
    .strict(),
  /** The ledger (督办台账) as xlsx: every commitment the filters select (listCommitments' filters, no paging). */
  exportLedger: z
    .object({
      destination: path,
      overwrite: z.boolean().default(false),
      status: commitmentStatus.optional(),
      department: text(200).optional(),
      session: text(200).optional(),
      topic: text(100).optional(),
      overdue: z.boolean().optional(),
      dueWithinDays: z.number().int().min(0).max(3650).optional(),
      detected: z.boolean().optional(),
    })
    .strict(),

  exportLetters: z
    .object({
      selection,
      format: z.enum(['docx', 'xlsx', 'csv', 'json', 'originals', 'zip']),
      destination: path,
      title: text(200).optional(),
      order: z.enum(['session', 'date', 'selection']).default('session'),
      overwrite: z.boolean().default(false),
    })
    .strict(),
  cancelExport: z.object({ jobId: text(100) }).strict(),
  backupArchive: z.object({ destination: path }).strict(),
  restoreArchive: z.object({ source: path }).strict(),

  getSettings: empty,
  updateSettings: z
    .object({
      customDictionary: customTerms.optional(),
      topicRules: topicRules.optional(),
      recentFolders: z.array(path).max(20).optional(),
      /** 跟进人: who signs follow-ups; empty until the user gives a name. */
      followUpAuthor: text(FOLLOW_UP_AUTHOR_MAX).trim().optional(),
    })
    .strict(),

  /** Every id of a search's results or of a browse list (Ctrl+A, Shift-click over rows not loaded yet). */
  resultIds: z.union([
    z
      .object({ query: text(2000), sort: z.enum(['relevance', 'date', 'number']).default('relevance') })
      .strict(),
    z
      .object({
        node: text(500).optional(),
        sort: z.enum(['session', 'number', 'date', 'imported']).default('session'),
      })
      .strict(),
  ]),
  /** Where the engine keeps a letter's original file, and the name it was imported under. */
  originalFile: z.object({ id }).strict(),
  /** What this host can do beyond the archive (open files with the system's programs, show folders). */
  hostCapabilities: empty,
  /** Opens the original with the system's program (app), or gives the address serving it (web host). */
  openOriginal: z.object({ id, download: z.boolean().default(false) }).strict(),
  /** Shows the original in the system's file manager (app only). */
  showOriginalInFolder: z.object({ id }).strict(),
  /** Where an export, the ledger or a backup goes: the system's dialog (app) or the exports folder (web host). */
  chooseExportDestination: z
    .object({
      kind: z.enum(['docx', 'xlsx', 'csv', 'json', 'originals', 'zip', 'ledger', 'backup']),
      suggestedName: text(200).min(1),
    })
    .strict(),
  /** The host gives the engine the settings it needs (after every engine start and settings change). */
  applySettings: z.object({ customDictionary: customTerms, topicRules }).strict(),
  /** How the word segmenter cuts a sentence with the current dictionary (设置 › 自定义词典 › 试分词). */
  segmentText: z.object({ text: text(500).min(1) }).strict(),
  /** The archive folder, its size, and how this host lets the user choose another (设置 › 档案位置). */
  archiveLocation: empty,
  /** The system's folder dialog (app only). */
  chooseFolder: z.object({ title: text(100).optional() }).strict(),
  /** Moves the whole archive to an empty folder: copy, verify, reopen there, then remove the old copy. */
  moveArchive: z.object({ target: path, keepPrevious: z.boolean().default(false) }).strict(),
} as const satisfies Record<MethodName, z.ZodType>;

export type MethodArgs<M extends MethodName> = z.input<(typeof apiArgSchemas)[M]>;
export type ParsedMethodArgs<M extends MethodName> = z.output<(typeof apiArgSchemas)[M]>;

export type { MethodName };
export { METHOD_NAMES, isMethodName };
