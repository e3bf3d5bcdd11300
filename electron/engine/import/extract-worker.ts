/**
 * A worker thread that turns file bytes into letter text (docx, pdf, … are CPU-heavy), so an import
 * uses every core and a reader that crashes on one odd file takes down only that file.
 */
import { parentPort } from 'node:worker_threads';
import { extractText } from '../ingest/extract-text';
import { IngestError } from '../ingest/types';
import type { ExtractReply, ExtractRequest } from './extract-messages';

const port = parentPort;
if (!port) throw new Error('extract-worker must run as a worker thread');

port.on('message', (request: ExtractRequest) => {
  extractText(request.name, Buffer.from(request.bytes)).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ExtractReply),
    (error: unknown) => {
      const reply: ExtractReply =
        error instanceof IngestError
          ? { id: request.id, ok: false, failure: error.failure, reason: error.reason }
          : {
              id: request.id,
              ok: false,
              failure: 'corrupt',
              reason: `无法读取该文件：${error instanceof Error ? error.message : String(error)}`,
            };
      port.postMessage(reply);
    },
  );
});
