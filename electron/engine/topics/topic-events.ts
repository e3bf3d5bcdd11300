import type { Database } from 'better-sqlite3';

/** Called with the letters whose effective topic changed (search refreshes what it holds of them). */
export type TopicsChangedListener = (ids: number[]) => void;

const listeners = new WeakMap<Database, Set<TopicsChangedListener>>();

/** Subscribes to topic changes made outside a request (rule changes, background classification). */
export function onTopicsChanged(db: Database, listener: TopicsChangedListener): () => void {
  const set = listeners.get(db) ?? new Set<TopicsChangedListener>();
  set.add(listener);
  listeners.set(db, set);
  return () => set.delete(listener);
}

export function notifyTopicsChanged(db: Database, ids: number[]): void {
  if (ids.length === 0) return;
  for (const listener of listeners.get(db) ?? []) listener(ids);
}
