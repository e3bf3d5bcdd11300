import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../shared/api-error';

/** Largest file the web host accepts for import, as the importer itself refuses bigger ones. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const BATCH = /^[A-Za-z0-9-]{6,64}$/u;

/** Control characters and the characters Windows forbids in file names. */
function removeUnsafeCharacters(name: string): string {
  return [...name].filter((char) => char.charCodeAt(0) >= 0x20 && !'<>:"|?*'.includes(char)).join('');
}

/**
 * Where an uploaded file goes: incoming/<batch>/<its relative path>, each path part cleaned of
 * anything that could leave the folder (.., drive letters, control characters), or null if nothing remains.
 */
export function uploadTarget(incomingDir: string, batch: string, relativeName: string): string | null {
  if (!BATCH.test(batch)) return null;
  const parts = relativeName
    .split(/[\\/]+/u)
    .map((part) => removeUnsafeCharacters(part).trim())
    .filter((part) => part !== '' && part !== '.' && part !== '..');
  if (parts.length === 0) return null;
  const folder = resolve(incomingDir, batch);
  const target = resolve(folder, ...parts);
  return target.startsWith(folder + sep) ? target : null;
}

export function batchFolder(incomingDir: string, batch: string): string {
  return join(resolve(incomingDir), batch);
}

/** Streams a request body to `target` (through a temporary file), refusing more than MAX_UPLOAD_BYTES. */
export async function saveUpload(request: IncomingMessage, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.uploading`;
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_UPLOAD_BYTES)
      request.destroy(new ApiError('invalid_arguments', '文件过大（超过 100 MB），未上传。'));
  });
  try {
    await pipeline(request, createWriteStream(temporary));
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof ApiError) throw error;
    throw new ApiError('internal', '文件上传中断，请重试。');
  }
  await rename(temporary, target);
}
