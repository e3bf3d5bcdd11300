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
}

export type EngineState = 'starting' | 'ready' | 'restarting' | 'failed';

export interface EngineStateEvent {
  state: EngineState;
  message: string;
  restarts: number;
}
