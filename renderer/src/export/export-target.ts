import type { ExportSelection } from '../components/ExportDialog';

export interface ExportTargetInput {
  /** The letters chosen in the list, in the order they were chosen. */
  chosen: ReadonlySet<number>;
  /** The search box's query while the search view shows its results, else ''. */
  query: string;
  /** How many letters the search found (all of them, not one page). */
  searchTotal: number | null;
}

export type ExportTarget = { selection: ExportSelection; description: string } | { reason: string };

/**
 * What 导出 (the action bar, Ctrl+E, the menu) exports: the chosen letters; with none chosen, every
 * result of the current search (all of them, not only the page shown).
 */
export function exportTarget({ chosen, query, searchTotal }: ExportTargetInput): ExportTarget {
  if (chosen.size > 0) return { selection: { ids: [...chosen] }, description: `已选 ${chosen.size} 封回函` };
  const trimmed = query.trim();
  if (trimmed !== '' && searchTotal !== null) {
    if (searchTotal === 0) return { reason: `搜索「${trimmed}」没有结果，没有可导出的回函。` };
    return {
      selection: { query: trimmed },
      description: `搜索「${trimmed}」的全部 ${searchTotal} 封结果`,
    };
  }
  return { reason: '没有可导出的回函：请先在列表中选择回函，或搜索后导出全部结果。' };
}
