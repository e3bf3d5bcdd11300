import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { OriginalFileInfo } from '../../shared/domain';
import { handleCall } from './ipc';
import { answerOriginalMethod, readableFileName, type OriginalFilesDeps } from './original-files';

vi.mock('electron', () => ({}));

const appFrame = { url: 'app://huihan/index.html' };
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** An archive with one original stored under its sha256, as the engine keeps it. */
function archiveWithOriginal(bytes: Buffer, sourcePath: string | null = null) {
  const root = mkdtempSync(join(tmpdir(), 'huihan-originals-test-'));
  folders.push(root);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = join(root, 'archive', 'originals', sha256.slice(0, 2), sha256);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  const info: OriginalFileInfo = {
    path,
    fileName: '018_组织部答复.docx',
    sourcePath,
    format: 'docx',
    encoding: null,
    byteSize: bytes.length,
    sha256,
  };
  const shell = { openPath: vi.fn(async (_path: string) => ''), showItemInFolder: vi.fn() };
  const engine = { call: vi.fn(async () => info) };
  const deps: OriginalFilesDeps = { engine, shell, tempDir: join(root, 'temp') };
  return { root, info, shell, engine, deps };
}

describe('opening originals in the app', () => {
  it('says the app opens originals itself and can show folders', async () => {
    const { deps } = archiveWithOriginal(Buffer.from('x'));
    expect(await answerOriginalMethod(deps, 'hostCapabilities', {})).toEqual({
      openOriginal: 'system',
      showInFolder: true,
      exportDestination: 'native',
    });
  });

  it('opens a read-only copy under the readable name, with the same bytes, through shell.openPath', async () => {
    const bytes = Buffer.from('PK\u0003\u0004 答复函原件');
    const { deps, shell, engine, info } = archiveWithOriginal(bytes);
    expect(await answerOriginalMethod(deps, 'openOriginal', { id: 7, download: false })).toEqual({
      url: null,
    });
    expect(engine.call).toHaveBeenCalledWith('originalFile', { id: 7 });
    const opened = shell.openPath.mock.calls[0]?.[0] ?? '';
    expect(opened.endsWith('018_组织部答复.docx')).toBe(true);
    expect(readFileSync(opened)).toEqual(bytes);
    expect(statSync(opened).mode & 0o222).toBe(0);
    // Opening twice replaces the read-only copy instead of failing.
    await answerOriginalMethod(deps, 'openOriginal', { id: 7, download: false });
    expect(shell.openPath).toHaveBeenCalledTimes(2);
    expect(readFileSync(info.path)).toEqual(bytes);
  });

  it('reports in Chinese when the system cannot open the file', async () => {
    const { deps, shell } = archiveWithOriginal(Buffer.from('x'));
    shell.openPath.mockResolvedValueOnce('No application is associated');
    await expect(answerOriginalMethod(deps, 'openOriginal', { id: 1, download: false })).rejects.toThrow(
      /无法打开「018_组织部答复\.docx」/u,
    );
  });

  it('reports a missing archive copy instead of opening nothing', async () => {
    const { deps, info, shell } = archiveWithOriginal(Buffer.from('x'));
    rmSync(info.path);
    await expect(answerOriginalMethod(deps, 'openOriginal', { id: 1, download: false })).rejects.toThrow(
      /找不到/u,
    );
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('shows the imported file where it still is unchanged, else the archive copy', async () => {
    const bytes = Buffer.from('原件内容');
    const { deps, shell, root, info } = archiveWithOriginal(bytes);
    const source = join(root, '来源', '答复.docx');
    mkdirSync(join(root, '来源'));
    writeFileSync(source, bytes);
    info.sourcePath = source;
    await answerOriginalMethod(deps, 'showOriginalInFolder', { id: 1 });
    expect(shell.showItemInFolder).toHaveBeenLastCalledWith(source);

    writeFileSync(source, '已被改动');
    await answerOriginalMethod(deps, 'showOriginalInFolder', { id: 1 });
    expect(shell.showItemInFolder).toHaveBeenLastCalledWith(info.path);
  });

  it('is reached through the IPC call channel, with the id validated', async () => {
    const { deps, shell } = archiveWithOriginal(Buffer.from('x'));
    const settings = { get: vi.fn(() => DEFAULT_SETTINGS), update: vi.fn() };
    const ipc = { settings, engine: deps.engine, log: vi.fn(), originals: { shell, tempDir: deps.tempDir } };
    expect(await handleCall(ipc, appFrame, 'openOriginal', { id: 3 })).toEqual({
      ok: true,
      result: { url: null },
    });
    expect(await handleCall(ipc, appFrame, 'showOriginalInFolder', { id: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('keeps names safe for every system', () => {
    expect(readableFileName('a/b\\c:d*?.docx')).toBe('c_d__.docx');
    expect(readableFileName('..')).toBe('原件');
    expect(readableFileName('回函 一.pdf')).toBe('回函 一.pdf');
  });
});
