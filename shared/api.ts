import type { MethodArgs, MethodName } from './api-schemas';
import type {
  BrowseNode,
  Commitment,
  EngineStateEvent,
  EngineStatus,
  ExportDestination,
  ExportJob,
  ExportProgress,
  FollowUp,
  HostCapabilities,
  ImportJob,
  ImportLogEntry,
  ImportProgress,
  LetterDetail,
  LetterPage,
  OriginalFileInfo,
  SearchResult,
  Settings,
  TagInfo,
  TopicRule,
} from './domain';
import type {
  AppliedSettings,
  ArchiveLocation,
  ArchiveMoveProgress,
  ArchiveMoveResult,
} from './archive-location';

/** What each ArchiveApi method resolves to. */
export interface MethodResults {
  status: EngineStatus;
  importPaths: ImportJob;
  cancelImport: { cancelled: boolean };
  listImports: ImportLogEntry[];
  listLetters: LetterPage;
  getLetter: LetterDetail;
  updateLetter: LetterDetail;
  deleteLetters: { deleted: number };
  setLetterTopic: LetterDetail;
  listTopics: string[];
  reparseAll: { reparsed: number };
  search: SearchResult;
  suggest: string[];
  browse: BrowseNode[];
  listTags: TagInfo[];
  tagLetters: { changed: number };
  untagLetters: { changed: number };
  setTagColor: TagInfo;
  listCommitments: {
    total: number;
    items: Commitment[];
    /** Over all the filtered commitments, not one page: 已落实 count and rate, overdue count. */
    summary?: { total: number; done: number; doneRate: number; overdue: number };
  };
  addCommitment: Commitment;
  updateCommitment: Commitment;
  setCommitmentStatus: { changed: number };
  addFollowUp: FollowUp;
  exportLedger: { path: string; rows: number };
  exportLetters: ExportJob;
  cancelExport: { cancelled: boolean };
  backupArchive: { path: string; bytes: number };
  /** settings: the backup's custom dictionary and topic rules, for the host to keep (null: none saved). */
  restoreArchive: {
    letterCount: number;
    settings: { customDictionary: string[]; topicRules: TopicRule[] } | null;
  };
  getSettings: Settings;
  updateSettings: Settings;
  resultIds: { ids: number[] };
  originalFile: OriginalFileInfo;
  hostCapabilities: HostCapabilities;
  /** url: where the original is served (web host); null when the host opened it itself. */
  openOriginal: { url: string | null };
  showOriginalInFolder: { shown: boolean };
  /** null: the user closed the dialog without choosing. */
  chooseExportDestination: ExportDestination | null;
  applySettings: AppliedSettings;
  segmentText: { words: string[] };
  archiveLocation: ArchiveLocation;
  /** null when the user cancelled the dialog. */
  chooseFolder: { path: string | null };
  moveArchive: ArchiveMoveResult;
}

/** A menu item (文件 › 导入… / 导出… / 设置…) the UI carries out. */
export interface MenuCommandEvent {
  command: 'import' | 'export' | 'settings';
}

/** Events pushed from the engine (or the host) to the UI. */
export interface EventPayloads {
  'engine-state': EngineStateEvent;
  'import-progress': ImportProgress;
  'export-progress': ExportProgress;
  'menu-command': MenuCommandEvent;
  'archive-move-progress': ArchiveMoveProgress;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = [
  'engine-state',
  'import-progress',
  'export-progress',
  'menu-command',
  'archive-move-progress',
];

type Method<M extends MethodName> =
  Record<string, never> extends MethodArgs<M>
    ? (args?: MethodArgs<M>) => Promise<MethodResults[M]>
    : (args: MethodArgs<M>) => Promise<MethodResults[M]>;

/**
 * The whole contract between the UI and the archive: `window.huihan` in the renderer,
 * whichever host (Electron or the web host) provides it.
 */
export type ArchiveApi = { [M in MethodName]: Method<M> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** Methods the host answers itself (settings live in the host); every other goes to the engine. */
export const HOST_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'getSettings',
  'updateSettings',
  'hostCapabilities',
  'openOriginal',
  'showOriginalInFolder',
  'chooseExportDestination',
  'archiveLocation',
  'chooseFolder',
  'moveArchive',
]);

/** What a user calls each capability, for messages such as "not yet available". */
export const METHOD_LABELS: Record<MethodName, string> = {
  status: '归档状态',
  importPaths: '导入',
  cancelImport: '取消导入',
  listImports: '导入记录',
  listLetters: '回函列表',
  getLetter: '查看回函',
  updateLetter: '修改回函',
  deleteLetters: '删除回函',
  setLetterTopic: '调整主题',
  listTopics: '主题列表',
  reparseAll: '重新解析',
  search: '搜索',
  suggest: '输入提示',
  browse: '分类浏览',
  listTags: '标签',
  tagLetters: '加标签',
  untagLetters: '移除标签',
  setTagColor: '标签颜色',
  listCommitments: '承诺台账',
  addCommitment: '标记承诺',
  updateCommitment: '修改承诺',
  setCommitmentStatus: '承诺状态',
  addFollowUp: '跟进记录',
  exportLedger: '导出台账',
  exportLetters: '导出',
  cancelExport: '取消导出',
  backupArchive: '备份',
  restoreArchive: '恢复',
  getSettings: '设置',
  updateSettings: '修改设置',
  resultIds: '全选',
  originalFile: '原件',
  hostCapabilities: '程序功能',
  openOriginal: '打开原件',
  showOriginalInFolder: '在文件夹中显示',
  chooseExportDestination: '选择保存位置',
  applySettings: '应用设置',
  segmentText: '试分词',
  archiveLocation: '档案位置',
  chooseFolder: '选择文件夹',
  moveArchive: '移动档案',
};
