import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../huihan';

export const PAGE_SIZE = 100;

export interface Page<T> {
  total: number;
  items: T[];
}

export interface PagedRows<T> {
  total: number;
  /** The row at `index`, or undefined while its page is loading. */
  rowAt: (index: number) => T | undefined;
  /** Loads the pages covering rows start..end (exclusive) that are not loaded or loading yet. */
  ensure: (start: number, end: number) => void;
  error: string | null;
}

interface Loaded<T> {
  first: Page<T>;
  pages: ReadonlyMap<number, T[]>;
  total: number;
  error: string | null;
}

const fresh = <T>(first: Page<T>): Loaded<T> => ({
  first,
  pages: new Map([[0, first.items.slice(0, PAGE_SIZE)]]),
  total: first.total,
  error: null,
});

/**
 * The rows of a long list, fetched a page at a time as they come into view. `first` is page 0 as the
 * list's first answer gave it: a new `first` (new query, sort, node or edit) starts the list afresh.
 */
export function usePagedRows<T>(
  first: Page<T>,
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
): PagedRows<T> {
  const [state, setState] = useState<Loaded<T>>(() => fresh(first));
  const loading = useRef({ first, pages: new Set<number>() });
  const current = state.first === first ? state : fresh(first);

  const ensure = useCallback(
    (start: number, end: number) => {
      if (loading.current.first !== first) loading.current = { first, pages: new Set() };
      const busy = loading.current.pages;
      const from = Math.floor(start / PAGE_SIZE);
      const to = Math.floor(Math.max(start, end - 1) / PAGE_SIZE);
      for (let page = from; page <= to; page += 1) {
        if (current.pages.has(page) || busy.has(page) || page * PAGE_SIZE >= current.total) continue;
        busy.add(page);
        fetchPage(page * PAGE_SIZE, PAGE_SIZE).then(
          (result) => {
            busy.delete(page);
            setState((previous) => {
              const base = previous.first === first ? previous : fresh(first);
              const pages = new Map(base.pages);
              pages.set(page, result.items);
              return { ...base, pages, total: result.total };
            });
          },
          (reason: unknown) => {
            busy.delete(page);
            setState((previous) => ({
              ...(previous.first === first ? previous : fresh(first)),
              error: errorMessage(reason),
            }));
          },
        );
      }
    },
    [first, current, fetchPage],
  );

  const rowAt = (index: number): T | undefined =>
    current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return { total: current.total, rowAt, ensure, error: current.error };
}
