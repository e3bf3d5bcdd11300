/** The navigation pane's entries, in the order a secretary uses them. */
export type NavigationId =
  | 'search'
  | 'sessions'
  | 'departments'
  | 'topics'
  | 'categories'
  | 'tags'
  | 'commitments'
  | 'imports'
  | 'settings';

export interface NavigationEntry {
  id: NavigationId;
  label: string;
  /** What the list pane says while the archive has no letters for this view. */
  emptyHint: string;
}

export const SEARCH_ENTRY: NavigationEntry = {
  id: 'search',
  label: '搜索',
  emptyHint: '在上方搜索框中输入词语、提案号或单位名称，即可查找回函。',
};

export const NAVIGATION: readonly NavigationEntry[] = [
  SEARCH_ENTRY,
  {
    id: 'sessions',
    label: '按届次 / 提案号',
    emptyHint: '导入回函后，这里按届次和提案号列出每件提案的全部答复。',
  },
  { id: 'departments', label: '按承办单位', emptyHint: '导入回函后，这里按承办单位列出回函及数量。' },
  { id: 'topics', label: '按主题', emptyHint: '导入回函后，这里按主题（人才、教育、交通……）归类。' },
  { id: 'categories', label: '按类别', emptyHint: '导入回函后，这里按办复类别 A / B / C / D 归类。' },
  { id: 'tags', label: '标签', emptyHint: '给回函加上标签后，可在这里按标签查看。' },
  { id: 'commitments', label: '承诺台账', emptyHint: '导入回函后，答复中的承诺事项会列在这里，便于回头看。' },
  { id: 'imports', label: '导入记录', emptyHint: '每次导入的结果（成功、重复、失败及原因）会记录在这里。' },
  { id: 'settings', label: '设置', emptyHint: '档案位置、自定义词典、主题规则和跟进人署名。' },
];
