import { useState } from 'react';
import type { ListSort, SearchSort } from '../list-source';

export interface SortOrders {
  search: SearchSort;
  list: ListSort;
  setSearch: (sort: SearchSort) => void;
  setList: (sort: ListSort) => void;
}

/** The order of search results (相关度 / 日期 / 提案号) and of browse lists, kept while the user moves around. */
export function useSortOrders(): SortOrders {
  const [search, setSearch] = useState<SearchSort>('relevance');
  const [list, setList] = useState<ListSort>('session');
  return { search, list, setSearch, setList };
}
