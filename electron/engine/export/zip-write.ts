import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { ExportCancelled } from './safe-output';

export type ZipSource = { name: string; file: string } | { name: string; bytes: Buffer };

/**
 * Streams `entries` into a new zip at `file` (UTF-8 names), reading each source file only when its
 * turn comes. `onEntry` is called as each entry is finished. Abort stops it: the caller removes the file.
 */
export function writeZip(
  file: string,
  entries: readonly ZipSource[],
  options: { signal?: AbortSignal; onEntry?: (done: number) => void; compress?: boolean } = {},
): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const zip = new yazl.ZipFile();
    const output = createWriteStream(file);
    const opened: Readable[] = [];
    let done = 0;
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const stream of opened) stream.destroy();
      (zip.outputStream as Readable).unpipe(output);
      output.destroy();
      output.once('close', () => reject(error));
    };
    const onAbort = (): void => fail(new ExportCancelled());
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finished = (): void => {
      done += 1;
      options.onEntry?.(done);
    };
    const compress = options.compress ?? true;
    for (const entry of entries) {
      if ('bytes' in entry) {
        zip.addReadStreamLazy(entry.name, { compress, size: entry.bytes.length }, (callback) => {
          const stream = Readable.from([entry.bytes]);
          stream.once('end', finished);
          callback(null, stream);
        });
      } else {
        zip.addReadStreamLazy(entry.name, { compress }, (callback) => {
          const stream = createReadStream(entry.file);
          opened.push(stream);
          stream.once('error', fail);
          stream.once('end', finished);
          callback(null, stream);
        });
      }
    }
    zip.on('error', fail);
    output.on('error', fail);
    output.on('close', () => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      resolvePromise();
    });
    (zip.outputStream as Readable).pipe(output);
    zip.end();
  });
}
