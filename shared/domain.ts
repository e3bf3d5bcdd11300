import type { LetterFieldKey, LetterFields, LetterSection } from './letter-fields';

/** What `status()` reports: the archive the engine has open and the engine itself. */
export interface EngineStatus {
  dataDir: string;
  databaseFile: string;
  schemaVersion: number;
  letterCount: number;
  engineVersion: string;
  engineStartedAt: string;
  pid: number;
  /** Letters the search index is still (re)indexing in the background (0 when it is current). */
  searchBacklog?: number;
}

export type CommitmentStatus = '待落实' | '推进中' | '已落实' | '未落实';
export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['待落实', '推进中', '已落实', '未落实'];

export interface LetterSummary {
  id: number;
  fileName: string;
  title: string | null;
  issuer: string | null;
  session: string | null;
  proposalNumber: string | null;
  category: string | null;
  date: string | null;
  topic: string | null;
  tags: string[];
}

export interface FollowUp {
  id: number;
  date: string;
  author: string;
  note: string;
}

export interface Commitment {
  id: number;
  letterId: number;
  text: string;
  start: number | null;
  end: number | null;
  dueDate: string | null;
  department: string | null;
  status: CommitmentStatus;
  detected: boolean;
  confirmed: boolean;
  followUps: FollowUp[];
  /** The letter it comes from, for the ledger (listCommitments fills it; a letter's own list leaves it out). */
  letter?: {
    title: string | null;
    session: string | null;
    proposalNumber: string | null;
    proposalTitle: string | null;
    category: string | null;
    issuer: string | null;
  };
}

export type LetterCorrections = Partial<{ [K in LetterFieldKey]: LetterFields[K] }>;

export interface LetterDetail extends LetterSummary {
  text: string;
  parsed: LetterFields;
  corrections: LetterCorrections;
  sections: LetterSection[];
  warnings: string[];
  commitments: Commitment[];
  sha256: string;
  importedAt: string;
  /** The topic the rules computed (null until classified); `topic` is the user's when assigned. */
  topicAuto: string | null;
  /** Whether the user assigned the topic by hand (it then survives re-parsing and rule changes). */
  topicAssigned: boolean;
  /** The letter's top keywords; null until extracted (in the background, once the word segmenter is loaded). */
  keywords: string[] | null;
}

export interface LetterPage {
  total: number;
  items: LetterSummary[];
}

export type ImportOutcome = 'imported' | 'duplicate' | 'failed';

export interface ImportFileReport {
  file: string;
  outcome: ImportOutcome;
  letterId: number | null;
  reason: string | null;
}

export interface ImportJob {
  jobId: string;
}

export interface ImportProgress {
  jobId: string;
  found: number;
  done: number;
  imported: number;
  duplicates: number;
  failed: number;
  currentFile: string | null;
  etaSeconds: number | null;
  finished: boolean;
  cancelled: boolean;
}

export interface ImportLogEntry {
  jobId: string;
  startedAt: string;
  finishedAt: string | null;
  /** interrupted: the engine stopped (crash, power cut) before the job ended; what was done is kept. */
  state: 'running' | 'finished' | 'cancelled' | 'interrupted';
  imported: number;
  duplicates: number;
  failed: number;
  files: ImportFileReport[];
}

export type FacetName = 'department' | 'session' | 'year' | 'category' | 'topic' | 'tag' | 'kind';

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchHit extends LetterSummary {
  snippet: string;
  highlights: Array<[number, number]>;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetCount[]>;
  hint: string | null;
  elapsedMs: number;
}

export type BrowseDimension = 'session' | 'department' | 'topic' | 'category' | 'tag';

export interface BrowseNode {
  key: string;
  label: string;
  count: number;
  children?: BrowseNode[];
}

export interface TagInfo {
  name: string;
  color: string | null;
  count: number;
}

export type ExportFormat = 'docx' | 'xlsx' | 'csv' | 'json' | 'originals' | 'zip';

export interface ExportJob {
  jobId: string;
}

/** What the export dialog asks the host for: a format's file, the originals' folder, the ledger or a backup. */
export type ExportDestinationKind = ExportFormat | 'ledger' | 'backup';

/** Where the host says an export goes (chooseExportDestination). */
export interface ExportDestination {
  /** The file to write, or for `originals` the folder to copy into: what `destination` takes. */
  path: string;
  /** The system's save dialog already asked the user to replace this existing file. */
  overwriteConfirmed: boolean;
  /** Where the finished file can be downloaded (web host); null when it is saved where the user chose. */
  downloadUrl: string | null;
}

export interface ExportProgress {
  jobId: string;
  done: number;
  total: number;
  finished: boolean;
  cancelled: boolean;
  outputPath: string | null;
  error: string | null;
}

export interface TopicRule {
  topic: string;
  keywords: string[];
}

/** Settings kept by the host (electron-store in the app, conf under the web host and CLI). */
export interface Settings {
  customDictionary: string[];
  topicRules: TopicRule[];
  recentFolders: string[];
  /** 跟进人: the name follow-ups are signed with; '' until the user gives one (then 本人 is used). */
  followUpAuthor: string;
}

export type EngineState = 'starting' | 'ready' | 'restarting' | 'failed';

export interface EngineStateEvent {
  state: EngineState;
  message: string;
  restarts: number;
}

/** A letter's original file as the archive keeps it (content-addressed) and the name it was imported under. */
export interface OriginalFileInfo {
  /** The archive's copy, named by its sha256, inside the archive's originals folder. */
  path: string;
  fileName: string;
  /** Where it was imported from (may no longer exist). */
  sourcePath: string | null;
  format: string;
  /** The text encoding detected for text originals (gb18030, utf-8, …), else null. */
  encoding: string | null;
  byteSize: number;
  sha256: string;
}

/** What the host (the app or the web host) can do with files, so the UI shows only what works. */
export interface HostCapabilities {
  /** 'system': the host opens the original with the system's program; 'browser': it gives an address. */
  openOriginal: 'system' | 'browser';
  /** The host can show a file in the system's file manager (在文件夹中显示). */
  showInFolder: boolean;
  /**
   * Where exports and backups go: 'native' — the user picks the place in the system's save/folder
   * dialog (chooseExportDestination); 'download' — the host writes into the archive's exports folder
   * and gives a download link.
   */
  exportDestination: 'native' | 'download';
}
