/**
 * The names of the ArchiveApi's methods, apart from their schemas so that the preload and the web
 * bridge can build window.huihan without bundling zod. api-schemas.ts has one schema per name.
 */
export const METHOD_NAMES = [
  'status',
  'importPaths',
  'cancelImport',
  'listImports',
  'listLetters',
  'getLetter',
  'updateLetter',
  'deleteLetters',
  'reparseAll',
  'search',
  'suggest',
  'browse',
  'listTags',
  'tagLetters',
  'untagLetters',
  'setTagColor',
  'listCommitments',
  'addCommitment',
  'updateCommitment',
  'setCommitmentStatus',
  'addFollowUp',
  'exportLedger',
  'exportLetters',
  'cancelExport',
  'backupArchive',
  'restoreArchive',
  'getSettings',
  'updateSettings',
  'setLetterTopic',
  'listTopics',
  'resultIds',
  'originalFile',
  'hostCapabilities',
  'openOriginal',
  'showOriginalInFolder',
  'chooseExportDestination',
  'applySettings',
  'segmentText',
  'archiveLocation',
  'chooseFolder',
  'moveArchive',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

const KNOWN: ReadonlySet<string> = new Set(METHOD_NAMES);

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && KNOWN.has(value);
}
