import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../test-support';
import { DATABASE_FILE_NAME, openArchiveDatabase } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

const folders: Array<{ remove: () => void }> = [];
function folder(): string {
  const created = temporaryFolder();
  folders.push(created);
  return created.path;
}
afterEach(() => {
  while (folders.length) folders.pop()!.remove();
});

describe('openArchiveDatabase', () => {
  it('creates the folder and database in WAL mode at the latest schema version', () => {
    const dir = folder();
    const opened = openArchiveDatabase(dir);
    expect(existsSync(join(dir, DATABASE_FILE_NAME))).toBe(true);
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const tables = opened.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['schema_version', 'letters']));
    opened.db.close();
  });

  it('applies only the new migrations when reopened by a newer program', () => {
    const dir = folder();
    openArchiveDatabase(dir).db.close();
    const added: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'tags',
      up: (db) => db.exec('CREATE TABLE tags (name TEXT PRIMARY KEY)'),
    };
    const reopened = openArchiveDatabase(dir, [...MIGRATIONS, added]);
    expect(reopened.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    const versions = reopened.db.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all();
    expect(versions).toEqual([...MIGRATIONS.map((m) => m.version), LATEST_SCHEMA_VERSION + 1]);
    reopened.db.close();
  });

  it('rolls a failing migration back whole and keeps the archive at its old version', () => {
    const dir = folder();
    openArchiveDatabase(dir).db.close();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk full');
      },
    };
    expect(() => openArchiveDatabase(dir, [...MIGRATIONS, broken])).toThrow('disk full');
    const again = openArchiveDatabase(dir);
    expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const tables = again.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
    expect(tables).toEqual([]);
    again.db.close();
  });

  it('refuses an archive written by a newer program, in Chinese', () => {
    const dir = folder();
    const future: Migration = { version: 99, description: 'future', up: () => undefined };
    openArchiveDatabase(dir, [...MIGRATIONS, future]).db.close();
    expect(() => openArchiveDatabase(dir)).toThrow(/较新版本.*请升级程序/u);
  });
});
