/**
 * Injected by the web host before the app: defines window.huihan over HTTP + server-sent events,
 * so the renderer cannot tell it is not inside Electron.
 */
import { ApiError, type ApiErrorData } from '../../../shared/api-error';
import type { ArchiveApi, EventName } from '../../../shared/api';
import { WEB_CALL_PATH, WEB_EVENTS_PATH } from '../../../shared/channels';
import { createArchiveClient, type ApiTransport } from '../../../shared/client';
import { UPLOAD_PATH, type HostFiles } from '../../../shared/host-files';

type CallReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

const transport: ApiTransport = {
  async call(method, args) {
    let response: Response;
    try {
      response = await fetch(WEB_CALL_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ method, args }),
      });
    } catch {
      throw new ApiError('engine_unavailable', '无法连接回函档案服务，请确认它仍在运行。');
    }
    if (!response.ok) throw new ApiError('forbidden', await response.text());
    const reply = (await response.json()) as CallReply;
    if (reply.ok) return reply.result;
    throw ApiError.from(reply.error);
  },
  subscribe(listener) {
    const source = new EventSource(WEB_EVENTS_PATH);
    source.onmessage = (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as { event: EventName; payload: unknown };
      listener(data.event, data.payload);
    };
    return () => source.close();
  },
};

const huihan: ArchiveApi = createArchiveClient(transport);
Object.defineProperty(window, 'huihan', { value: huihan, writable: false, enumerable: true });

type UploadReply =
  { ok: true; result: { folder: string; file: string } } | { ok: false; error: ApiErrorData };

const newBatch = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Uploads one file into the archive's incoming folder; says where it was kept. */
async function upload(file: File, batch: string): Promise<{ folder: string; file: string }> {
  const name = file.webkitRelativePath || file.name;
  const query = new URLSearchParams({ batch, name });
  const response = await fetch(`${UPLOAD_PATH}?${query.toString()}`, {
    method: 'POST',
    credentials: 'same-origin',
    body: file,
  });
  const reply = (await response.json()) as UploadReply;
  if (!reply.ok) throw ApiError.from(reply.error);
  return reply.result;
}

const hostFiles: HostFiles = {
  async toImportPaths(files) {
    const batch = newBatch();
    const folders = new Set<string>();
    for (const file of files) folders.add((await upload(file, batch)).folder);
    return [...folders];
  },
  async toLocalFile(file) {
    return (await upload(file, newBatch())).file;
  },
};
Object.defineProperty(window, 'huihanFiles', { value: hostFiles, writable: false, enumerable: true });
