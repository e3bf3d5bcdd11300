import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createArchiveClient } from '../../shared/client';
import { createIpcTransport } from './transport';

/**
 * The page gets exactly two things:
 * - window.huihan: the typed ArchiveApi (calls reject with { name: 'ApiError', code, message });
 * - window.huihanFiles.pathForFile(file): the path of a drag-and-dropped File, for importPaths.
 */
contextBridge.exposeInMainWorld('huihan', createArchiveClient(createIpcTransport(ipcRenderer)));
contextBridge.exposeInMainWorld('huihanFiles', {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
