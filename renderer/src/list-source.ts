import type { LetterSummary, SearchHit } from '../../shared/domain';
import type { Page } from './hooks/usePagedRows';
import { getHuihan } from './huihan';

export type SearchSort = 'relevance' | 'date' | 'number';
export type ListSort = 'session' | 'number' | 'date' | 'imported';

/** Where a list's letters come from: a query's results, or a browse list (all letters, or one group's). */
export type ListSource =
  { kind: 'search'; query: string; sort: SearchSort } | { kind: 'letters'; node?: string; sort: ListSort };

export type ListRow = LetterSummary & Partial<Pick<SearchHit, 'snippet' | 'highlights'>>;

export const SEARCH_SORTS: ReadonlyArray<{ value: SearchSort; label: string }> = [
  { value: 'relevance', label: '相关度' },
  { value: 'date', label: '日期' },
  { value: 'number', label: '提案号' },
];

export const LIST_SORTS: ReadonlyArray<{ value: ListSort; label: string }> = [
  { value: 'session', label: '届次' },
  { value: 'number', label: '提案号' },
  { value: 'date', label: '日期' },
  { value: 'imported', label: '导入时间' },
];

/** One page of a list's rows. */
export async function fetchRows(source: ListSource, offset: number, limit: number): Promise<Page<ListRow>> {
  const huihan = getHuihan();
  if (!huihan) return { total: 0, items: [] };
  if (source.kind === 'search') {
    const result = await huihan.search({ query: source.query, sort: source.sort, offset, limit });
    return { total: result.total, items: result.hits };
  }
  return huihan.listLetters({ node: source.node, sort: source.sort, offset, limit });
}

/** Every id of a list, in its order, loaded or not (Ctrl+A, Shift-click over rows not loaded yet). */
export async function fetchAllIds(source: ListSource): Promise<number[]> {
  const huihan = getHuihan();
  if (!huihan) return [];
  const { ids } = await huihan.resultIds(
    source.kind === 'search'
      ? { query: source.query, sort: source.sort }
      : { node: source.node, sort: source.sort },
  );
  return ids;
}

export const sourceKey = (source: ListSource): string => JSON.stringify(source);
