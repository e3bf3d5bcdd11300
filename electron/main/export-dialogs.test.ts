import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { chooseExportDestination, type ExportDialogDeps } from './export-dialogs';
import { handleCall } from './ipc';

vi.mock('electron', () => ({}));

const window = { id: 1 } as unknown as BrowserWindow;

function fakeDialog(answer: { canceled: boolean; filePath?: string; filePaths?: string[] }) {
  const showSaveDialog = vi.fn(
    async (..._args: [BrowserWindow, SaveDialogOptions] | [SaveDialogOptions]) => ({
      canceled: answer.canceled,
      filePath: answer.filePath ?? '',
    }),
  );
  const showOpenDialog = vi.fn(
    async (..._args: [BrowserWindow, OpenDialogOptions] | [OpenDialogOptions]) => ({
      canceled: answer.canceled,
      filePaths: answer.filePaths ?? [],
    }),
  );
  return { showSaveDialog, showOpenDialog };
}

function deps(dialog: ReturnType<typeof fakeDialog>, existing: string[] = []): ExportDialogDeps {
  return {
    dialog: dialog as unknown as ExportDialogDeps['dialog'],
    window: () => window,
    defaultFolder: () => '/home/秘书/文档',
    exists: (path) => existing.includes(path),
  };
}

describe('chooseExportDestination (the system dialog)', () => {
  it('asks with a save dialog, modal to the window, for the format’s file type and a clean suggested name', async () => {
    const dialog = fakeDialog({ canceled: false, filePath: '/home/秘书/文档/汇编.docx' });
    const chosen = await chooseExportDestination(deps(dialog), { kind: 'docx', suggestedName: '答复/汇编' });
    expect(chosen).toEqual({
      path: '/home/秘书/文档/汇编.docx',
      overwriteConfirmed: false,
      downloadUrl: null,
    });
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as [BrowserWindow, SaveDialogOptions];
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      title: '导出 Word 汇编',
      defaultPath: '/home/秘书/文档/答复_汇编.docx',
      filters: [
        { name: 'Word 文档', extensions: ['docx'] },
        { name: '所有文件', extensions: ['*'] },
      ],
    });
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('counts the dialog’s own question as the user agreeing to replace an existing file', async () => {
    const dialog = fakeDialog({ canceled: false, filePath: '/out/台账.xlsx' });
    expect(
      await chooseExportDestination(deps(dialog, ['/out/台账.xlsx']), {
        kind: 'ledger',
        suggestedName: '台账',
      }),
    ).toEqual({
      path: '/out/台账.xlsx',
      overwriteConfirmed: true,
      downloadUrl: null,
    });
  });

  it('adds a missing extension, and then does not take the replacement as agreed', async () => {
    const dialog = fakeDialog({ canceled: false, filePath: '/out/备份' });
    expect(
      await chooseExportDestination(deps(dialog, ['/out/备份', '/out/备份.huihan']), {
        kind: 'backup',
        suggestedName: '备份',
      }),
    ).toEqual({ path: '/out/备份.huihan', overwriteConfirmed: false, downloadUrl: null });
  });

  it('asks for a folder for originals', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/out/原件'] });
    expect(await chooseExportDestination(deps(dialog), { kind: 'originals', suggestedName: '原件' })).toEqual(
      {
        path: '/out/原件',
        overwriteConfirmed: false,
        downloadUrl: null,
      },
    );
    const [, options] = dialog.showOpenDialog.mock.calls[0] as [BrowserWindow, OpenDialogOptions];
    expect(options.properties).toContain('openDirectory');
    expect(options.title).toBe('选择保存原件的文件夹');
  });

  it('answers null when the user cancels either dialog', async () => {
    expect(
      await chooseExportDestination(deps(fakeDialog({ canceled: true })), {
        kind: 'csv',
        suggestedName: 'a',
      }),
    ).toBeNull();
    expect(
      await chooseExportDestination(deps(fakeDialog({ canceled: true })), {
        kind: 'originals',
        suggestedName: 'a',
      }),
    ).toBeNull();
  });

  it('is answered by the main process through IPC, never by the engine', async () => {
    const choose = vi.fn(async () => ({ path: '/out/a.csv', overwriteConfirmed: false, downloadUrl: null }));
    const engine = { call: vi.fn(async () => null) };
    const settings = { get: () => DEFAULT_SETTINGS, update: () => DEFAULT_SETTINGS };
    const answer = await handleCall(
      { settings, engine, log: vi.fn(), chooseExportDestination: choose },
      { url: 'app://huihan/index.html' },
      'chooseExportDestination',
      { kind: 'csv', suggestedName: 'a' },
    );
    expect(answer).toEqual({
      ok: true,
      result: { path: '/out/a.csv', overwriteConfirmed: false, downloadUrl: null },
    });
    expect(choose).toHaveBeenCalledWith({ kind: 'csv', suggestedName: 'a' });
    expect(engine.call).not.toHaveBeenCalled();
    const refused = await handleCall(
      { settings, engine, log: vi.fn(), chooseExportDestination: choose },
      { url: 'app://huihan/index.html' },
      'chooseExportDestination',
      { kind: 'exe', suggestedName: 'a' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
  });
});
