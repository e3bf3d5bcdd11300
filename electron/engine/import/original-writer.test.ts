import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { originalPath, originalsDir, sha256Of } from '../store/originals';
import { OriginalWriter } from './original-writer';

/** Every file under the originals folder, relative to it. */
function storedFiles(archiveDir: string): string[] {
  return readdirSync(originalsDir(archiveDir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(originalsDir(archiveDir).length + 1))
    .sort();
}

describe('OriginalWriter: originals stored whole, named by their content', () => {
  let archiveDir: string;
  beforeEach(() => {
    archiveDir = mkdtempSync(join(tmpdir(), 'huihan-originals-'));
  });
  afterEach(() => rmSync(archiveDir, { recursive: true, force: true }));

  it('stores many originals at once byte for byte, leaving no temporary file behind', async () => {
    const writer = new OriginalWriter(archiveDir);
    const files = Array.from({ length: 40 }, (_, index) =>
      Buffer.from(`第${index}号提案的答复函`.repeat(50 + index)),
    );
    await Promise.all(files.map((bytes) => writer.save(sha256Of(bytes), bytes)));
    for (const bytes of files) expect(readFileSync(originalPath(archiveDir, sha256Of(bytes)))).toEqual(bytes);
    expect(storedFiles(archiveDir)).toHaveLength(40);
    expect(storedFiles(archiveDir).every((name) => !name.endsWith('.tmp'))).toBe(true);
  });

  it('stores the same content arriving twice at the same moment once', async () => {
    const writer = new OriginalWriter(archiveDir);
    const bytes = Buffer.from('关于对市政协五届四次会议第018号提案的答复'.repeat(200));
    const sha = sha256Of(bytes);
    await Promise.all([
      writer.save(sha, bytes),
      writer.save(sha, bytes),
      writer.save(sha, new Uint8Array(bytes)),
    ]);
    expect(storedFiles(archiveDir)).toEqual([join(sha.slice(0, 2), sha)]);
    expect(readFileSync(originalPath(archiveDir, sha))).toEqual(bytes);
  });

  it('keeps an original already stored (an import interrupted before its letter was saved)', async () => {
    const bytes = Buffer.from('答复函原件'.repeat(100));
    const sha = sha256Of(bytes);
    await new OriginalWriter(archiveDir).save(sha, bytes);
    const before = statSync(originalPath(archiveDir, sha));
    await new OriginalWriter(archiveDir).save(sha, bytes);
    const after = statSync(originalPath(archiveDir, sha));
    expect(after.ino).toBe(before.ino);
    expect(storedFiles(archiveDir)).toHaveLength(1);
  });

  it('rejects when the original cannot be put in place, leaving no temporary file behind', async () => {
    const bytes = Buffer.from('无法保存的答复函'.repeat(100));
    const sha = sha256Of(bytes);
    // Where the original belongs there is a folder with something in it: the rename must fail.
    mkdirSync(originalPath(archiveDir, sha), { recursive: true });
    writeFileSync(join(originalPath(archiveDir, sha), 'occupant'), 'x');
    await expect(new OriginalWriter(archiveDir).save(sha, bytes)).rejects.toThrow();
    expect(storedFiles(archiveDir)).toEqual([join(sha.slice(0, 2), sha, 'occupant')]);
  });
});
