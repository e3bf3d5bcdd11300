import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createArchiveClient } from '../../shared/client';
import type { HostFiles } from '../../shared/host-files';
import { createIpcTransport } from './transport';

/**
 * The page gets exactly two things:
 * - window.huihan: the typed ArchiveApi (calls reject with { name: 'ApiError', code, message });
 * - window.huihanFiles.toImportPaths(files): the paths on disk of dropped or chosen Files, for importPaths.
 */
contextBridge.exposeInMainWorld('huihan', createArchiveClient(createIpcTransport(ipcRenderer)));
const hostFiles: HostFiles = {
  toImportPaths: (files) =>
    Promise.resolve(files.map((file) => webUtils.getPathForFile(file)).filter((path) => path !== '')),
  toLocalFile: (file) => Promise.resolve(webUtils.getPathForFile(file)),
};
contextBridge.exposeInMainWorld('huihanFiles', hostFiles);
