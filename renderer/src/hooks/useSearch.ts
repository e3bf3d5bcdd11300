import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';
import type { SearchSort } from '../list-source';
import { PAGE_SIZE } from './usePagedRows';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'done'; query: string; sort: SearchSort; result: SearchResult }
  | { kind: 'error'; query: string; message: string };

/**
 * Searches as the user types (after a short pause), keeping only the answer to the latest query: the
 * first page of hits, the total and the facets (the list fetches further pages as it scrolls).
 * The pause is short (10 ms): an input method commits whole words, and the answer to an older query
 * is dropped anyway; bench/ui-bench.ts measures typing → results against the 100 ms target.
 */
export function useSearch(
  query: string,
  version: number,
  sort: SearchSort = 'relevance',
  delayMs = 10,
): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  useEffect(() => {
    const trimmed = query.trim();
    let current = true;
    const timer = setTimeout(() => {
      if (trimmed === '') {
        setState({ kind: 'idle' });
        return;
      }
      getHuihan()
        ?.search({ query: trimmed, sort, limit: PAGE_SIZE })
        .then(
          (result) => {
            if (current) setState({ kind: 'done', query: trimmed, sort, result });
          },
          (reason: unknown) => {
            if (current) setState({ kind: 'error', query: trimmed, message: errorMessage(reason) });
          },
        );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, version, sort, delayMs]);
  return state;
}
