import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'done'; query: string; result: SearchResult }
  | { kind: 'error'; query: string; message: string };

/** Searches as the user types (after a short pause), keeping only the answer to the latest query. */
export function useSearch(query: string, version: number, delayMs = 120): SearchState {
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
        ?.search({ query: trimmed, limit: 200 })
        .then(
          (result) => {
            if (current) setState({ kind: 'done', query: trimmed, result });
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
  }, [query, version, delayMs]);
  return state;
}
