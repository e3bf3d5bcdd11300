import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { temporaryFolder } from '../test-support';
import { DATABASE_FILE_NAME, openArchiveDatabase } from './database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

const folders: Array<{ remove: () => void }> = [];
afterEach(() => {
  while (folders.length) folders.pop()!.remove();
});

it('moves the texts of an archive made before version 5 into letter_texts, and compacts the file', () => {
  const created = temporaryFolder('huihan-text-migration');
  folders.push(created);
  const before = openArchiveDatabase(
    created.path,
    MIGRATIONS.filter((step) => step.version < 5),
  );
  expect(before.schemaVersion).toBe(4);
  const insert = before.db.prepare(
    "INSERT INTO letters (sha256, file_name, byte_size, text, imported_at) VALUES (?, ?, 1, ?, '2024-01-01')",
  );
  const texts = Array.from({ length: 300 }, (_, index) =>
    `关于第${index}号提案的答复：人才公寓。`.repeat(300),
  );
  before.db.transaction(() =>
    texts.forEach((text, index) => insert.run(`sha${index}`, `${index}.txt`, text)),
  )();
  before.db.pragma('wal_checkpoint(TRUNCATE)');
  before.db.close();
  const sizeBefore = statSync(join(created.path, DATABASE_FILE_NAME)).size;

  const after = openArchiveDatabase(created.path);
  expect(after.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  const columns = after.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('letters');
  expect(columns).not.toContain('text');
  const moved = after.db
    .prepare('SELECT l.sha256, t.text FROM letters l JOIN letter_texts t ON t.letter_id = l.id ORDER BY l.id')
    .all() as Array<{ sha256: string; text: string }>;
  expect(moved.map((row) => row.text)).toEqual(texts);
  expect(moved.map((row) => row.sha256)).toEqual(texts.map((_, index) => `sha${index}`));
  // Deleting a letter deletes its text.
  after.db.prepare("DELETE FROM letters WHERE sha256 = 'sha0'").run();
  expect(after.db.prepare('SELECT COUNT(*) FROM letter_texts').pluck().get()).toBe(299);
  after.db.pragma('wal_checkpoint(TRUNCATE)');
  after.db.close();
  // VACUUM after the move: the file did not keep the old pages of the texts beside the new ones.
  expect(statSync(join(created.path, DATABASE_FILE_NAME)).size).toBeLessThan(sizeBefore * 1.2);
});
