import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { ParsedMethodArgs } from '../../shared/api-schemas';
import type { ExportDestination, ExportDestinationKind } from '../../shared/domain';
import { EXPORT_EXTENSIONS, EXPORT_FILTER_NAMES, withExportExtension } from '../../shared/export-kinds';
import { sanitizeFileName } from '../engine/export/file-names';

export interface ExportDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window the dialog belongs to (modal to it), if any. */
  window: () => BrowserWindow | null;
  /** Where the dialog opens first (the user's Documents folder). */
  defaultFolder: () => string;
  exists?: (path: string) => boolean;
}

const SAVE_TITLES: Record<ExportDestinationKind, string> = {
  docx: '导出 Word 汇编',
  xlsx: '导出 Excel 汇总表',
  csv: '导出 CSV',
  json: '导出 JSON',
  originals: '选择保存原件的文件夹',
  zip: '导出原件压缩包',
  ledger: '导出督办台账',
  backup: '备份档案',
};

function saveOptions(deps: ExportDialogDeps, kind: ExportDestinationKind, name: string): SaveDialogOptions {
  return {
    title: SAVE_TITLES[kind],
    defaultPath: join(deps.defaultFolder(), name),
    buttonLabel: '保存',
    filters: [
      { name: EXPORT_FILTER_NAMES[kind], extensions: [EXPORT_EXTENSIONS[kind].slice(1)] },
      { name: '所有文件', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

function folderOptions(deps: ExportDialogDeps): OpenDialogOptions {
  return {
    title: SAVE_TITLES.originals,
    defaultPath: deps.defaultFolder(),
    buttonLabel: '导出到此文件夹',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
}

/**
 * Asks where an export goes with the system's dialog: a save dialog for a file (which itself asks
 * before replacing an existing one), a folder dialog for originals. Null when the user cancels.
 */
export async function chooseExportDestination(
  deps: ExportDialogDeps,
  { kind, suggestedName }: ParsedMethodArgs<'chooseExportDestination'>,
): Promise<ExportDestination | null> {
  const exists = deps.exists ?? existsSync;
  const parent = deps.window();
  if (kind === 'originals') {
    const options = folderOptions(deps);
    const chosen = parent
      ? await deps.dialog.showOpenDialog(parent, options)
      : await deps.dialog.showOpenDialog(options);
    const folder = chosen.filePaths[0];
    if (chosen.canceled || !folder) return null;
    return { path: folder, overwriteConfirmed: false, downloadUrl: null };
  }
  const name = sanitizeFileName(withExportExtension(suggestedName.trim(), kind), '导出');
  const options = saveOptions(deps, kind, name);
  const chosen = parent
    ? await deps.dialog.showSaveDialog(parent, options)
    : await deps.dialog.showSaveDialog(options);
  if (chosen.canceled || !chosen.filePath) return null;
  const path = withExportExtension(chosen.filePath, kind);
  // The dialog asked about replacing only the name it returned; an extension added here was not asked about.
  return { path, overwriteConfirmed: path === chosen.filePath && exists(path), downloadUrl: null };
}
