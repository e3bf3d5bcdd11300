import { appendFile, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One line for the main process log. */
export type Log = (line: string) => void;

/**
 * The main process log: every line goes to stderr and, when a file is given, is appended to it
 * (the file write is best effort: a full disk must never take the app down).
 */
export function createLog(file?: string): Log {
  if (file) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch {
      // The console still gets every line.
    }
  }
  return (line: string) => {
    const stamped = `${new Date().toISOString()} ${line}`;
    console.error(stamped);
    if (file) appendFile(file, `${stamped}\n`, () => undefined);
  };
}
