import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  EngineStateEvent,
  EngineStatus,
  ImportLogEntry,
  ImportProgress,
  LetterDetail,
  LetterPage,
} from '../../../shared/domain';
import type { EventMessage } from '../../../shared/protocol';
import { EngineSupervisor } from '../../common/engine-supervisor';
import { sourceEngineSpawner } from '../../common/test-engine';
import { DATABASE_FILE_NAME } from '../store/database';
import { originalPath, sha256Of } from '../store/originals';
import { temporaryFolder } from '../test-support';
import { writeTextLetters } from './import-test-support';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('an engine killed in the middle of an import', () => {
  it('restarts with every stored letter whole, and the same import brings in only the rest', async () => {
    const folder = temporaryFolder();
    const dataDir = join(folder.path, 'archive');
    const source = join(folder.path, 'letters');
    const total = 400;
    writeTextLetters(source, total, 23);
    const events: EventMessage[] = [];
    const supervisor = new EngineSupervisor(sourceEngineSpawner(dataDir), {
      onEvent: (message) => events.push(message),
      restartDelayMs: 50,
    });
    cleanups.push(folder.remove, () => supervisor.stop());
    supervisor.start();
    const progress = () =>
      events.filter((m) => m.event === 'import-progress').map((m) => m.payload as ImportProgress);

    const before = (await supervisor.call('status', {})) as EngineStatus;
    await supervisor.call('importPaths', { paths: [source] });
    await until(() => progress().some((p) => p.done >= 40), 'import progress');
    process.kill(before.pid, 'SIGKILL');
    await until(
      () =>
        events.some(
          (m) =>
            m.event === 'engine-state' &&
            (m.payload as EngineStateEvent).state === 'ready' &&
            (m.payload as EngineStateEvent).restarts === 1,
        ),
      'engine restart',
    );

    const after = (await supervisor.call('status', {})) as EngineStatus;
    expect(after.pid).not.toBe(before.pid);
    const stored = after.letterCount;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(total);

    const [log] = (await supervisor.call('listImports', {})) as ImportLogEntry[];
    expect(log!.state).toBe('interrupted');
    expect(log!.imported).toBe(stored);

    const page = (await supervisor.call('listLetters', { limit: 1000 })) as LetterPage;
    for (const item of page.items) {
      const letter = (await supervisor.call('getLetter', { id: item.id })) as LetterDetail;
      expect(letter.text.length).toBeGreaterThan(1000);
      expect(sha256Of(readFileSync(originalPath(dataDir, letter.sha256)))).toBe(letter.sha256);
    }
    const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    events.length = 0;
    await supervisor.call('importPaths', { paths: [source] });
    await until(() => progress().some((p) => p.finished), 'second import');
    const [again] = (await supervisor.call('listImports', {})) as ImportLogEntry[];
    expect(again).toMatchObject({
      state: 'finished',
      imported: total - stored,
      duplicates: stored,
      failed: 0,
    });
    expect(((await supervisor.call('status', {})) as EngineStatus).letterCount).toBe(total);
    expect(existsSync(dataDir)).toBe(true);
  }, 120_000);
});
