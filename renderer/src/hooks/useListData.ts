import { useEffect, useState } from 'react';
import type { BrowseDimension, BrowseNode, ImportLogEntry, LetterPage } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';
import type { ListSort } from '../list-source';
import { PAGE_SIZE } from './usePagedRows';
import type { NavigationId } from '../navigation';

export type ListData =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'nodes'; nodes: BrowseNode[] }
  /** A browse list's first page; `node` (none: all letters) and `sort` say which list it is. */
  | { kind: 'letters'; page: LetterPage; node?: string; sort: ListSort }
  | { kind: 'imports'; entries: ImportLogEntry[] }
  | { kind: 'none' };

const DIMENSIONS: Partial<Record<NavigationId, BrowseDimension>> = {
  sessions: 'session',
  departments: 'department',
  topics: 'topic',
  categories: 'category',
  tags: 'tag',
};

async function load(nav: NavigationId, path: BrowseNode[], sort: ListSort): Promise<ListData> {
  const huihan = getHuihan();
  if (!huihan) return { kind: 'none' };
  if (nav === 'imports') return { kind: 'imports', entries: await huihan.listImports({ limit: 50 }) };
  if (nav === 'search')
    return { kind: 'letters', sort, page: await huihan.listLetters({ sort, limit: PAGE_SIZE }) };
  const dimension = DIMENSIONS[nav];
  if (!dimension) return { kind: 'none' };
  const last = path.at(-1);
  if (!last) return { kind: 'nodes', nodes: await huihan.browse({ by: dimension }) };
  if (last.children) return { kind: 'nodes', nodes: last.children };
  return {
    kind: 'letters',
    node: last.key,
    sort,
    page: await huihan.listLetters({ node: last.key, sort, limit: PAGE_SIZE }),
  };
}

/** What the list pane shows for a navigation entry and the groups opened in it; reloads on `version`. */
export function useListData(
  nav: NavigationId,
  path: BrowseNode[],
  version: number,
  sort: ListSort = 'session',
): ListData {
  const [data, setData] = useState<ListData>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    load(nav, path, sort).then(
      (value) => {
        if (current) setData(value);
      },
      (reason: unknown) => {
        if (current) setData({ kind: 'error', message: errorMessage(reason) });
      },
    );
    return () => {
      current = false;
    };
  }, [nav, path, version, sort]);
  return data;
}
