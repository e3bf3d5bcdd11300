import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApiError, toApiErrorData } from '../../shared/api-error';
import { HOST_METHODS } from '../../shared/api';
import type { MethodName, ParsedMethodArgs } from '../../shared/api-schemas';
import { WEB_CALL_PATH, WEB_EVENTS_PATH } from '../../shared/channels';
import type { ExportDestination, Settings } from '../../shared/domain';
import { validateCall } from '../../shared/protocol';
import { EngineSupervisor, type SpawnEngine } from '../common/engine-supervisor';
import { ArchiveHome } from '../common/archive-home';
import type { SettingsStore } from '../common/settings-file';
import { EventStream } from './event-stream';
import { batchFolder, saveUpload, uploadTarget } from './uploads';
import { UPLOAD_PATH } from '../../shared/host-files';
import { isLoopbackHost, isOwnOrigin, requestToken, tokenCookieName, tokensMatch } from './request-guards';
import { CONTENT_SECURITY_POLICY } from '../common/content-policy';
import { readStatic } from './static-files';
import { WEB_ORIGINAL_METHODS, answerWebOriginalMethod, originalIdOf, serveOriginal } from './original-route';
import { DOWNLOAD_PATH, sendDownload, webExportDestination } from './export-downloads';

export interface WebHostOptions {
  rendererDir: string;
  /** Where files uploaded for import are kept (the archive's incoming folder). */
  incomingDir: string;
  /** Where exports, the ledger and backups are written for download (the archive's exports folder). */
  exportsDir?: string;
  spawnEngine: SpawnEngine;
  settings: SettingsStore;
  /**
   * The archive folder and its settings (settings screen, moving the archive). When given, it answers
   * the settings methods instead of `settings`, and uploads (and exports, when `exportsDir` is given) go
   * to the incoming/ and exports/ folders of the archive where it is now.
   */
  home?: ArchiveHome;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  supervisor: EngineSupervisor;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serves the built renderer and the ArchiveApi over HTTP on 127.0.0.1 only, behind a per-run token,
 * with the engine in a child process: the same UI and engine as the app, in a plain browser.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => undefined);
  const events = new EventStream();
  const supervisor = new EngineSupervisor(options.spawnEngine, {
    onEvent: (message) => events.publish(message),
    log,
    onReady: () => options.home?.engineReady(),
  });
  options.home?.attach(supervisor, (message) => events.publish(message));
  supervisor.start();
  const incomingDir = (): string =>
    options.home ? join(options.home.dataDir, 'incoming') : options.incomingDir;
  const exportsDir = (): string | undefined =>
    options.home && options.exportsDir ? join(options.home.dataDir, 'exports') : options.exportsDir;

  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`web host: ${toApiErrorData(error).message}`);
      if (!response.headersSent) sendText(response, 500, '服务器内部错误。');
      else response.end();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    if (!isLoopbackHost(request.headers.host, port)) {
      sendText(response, 403, '拒绝访问：只接受本机地址 127.0.0.1 的请求。');
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!tokensMatch(token, requestToken(request, url, port))) {
      sendText(response, 401, '拒绝访问：缺少或错误的访问令牌。请使用启动时显示的完整网址打开。');
      return;
    }
    if (url.searchParams.has('token')) {
      // Keep the token out of the address bar and history: move it into an HttpOnly cookie.
      response.setHeader(
        'set-cookie',
        `${tokenCookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
      url.searchParams.delete('token');
      response.writeHead(303, { location: url.pathname + url.search });
      response.end();
      return;
    }
    if (url.pathname === WEB_CALL_PATH) {
      if (request.method !== 'POST' || !isOwnOrigin(request.headers.origin, port)) {
        sendText(response, 403, '拒绝访问。');
        return;
      }
      await answerCall(request, response);
      return;
    }
    if (url.pathname === UPLOAD_PATH) {
      if (request.method !== 'POST' || !isOwnOrigin(request.headers.origin, port)) {
        sendText(response, 403, '拒绝访问。');
        return;
      }
      await answerUpload(request, response, url);
      return;
    }
    if (url.pathname === WEB_EVENTS_PATH) {
      events.add(response);
      return;
    }
    if (url.pathname === DOWNLOAD_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
      await sendDownload(request, response, exportsDir(), url.searchParams.get('name'));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, '不支持的请求方法。');
      return;
    }
    if (originalIdOf(url.pathname) !== null) {
      await serveOriginal(request, response, url, (id) => supervisor.call('originalFile', { id }));
      return;
    }
    const file = await readStatic(options.rendererDir, url.pathname);
    if (!file) {
      sendText(response, 404, '找不到该页面。');
      return;
    }
    response.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  const answerCall = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    await replyJson(response, async () => {
      const body = await readJsonBody(request);
      const method = (body as { method?: unknown }).method;
      const args = validateCall(method, (body as { args?: unknown }).args);
      const name = method as MethodName;
      if (WEB_ORIGINAL_METHODS.has(name)) return answerWebOriginalMethod(name, args);
      if (options.home && ArchiveHome.METHODS.has(name)) return options.home.answer(name, args);
      return HOST_METHODS.has(name) ? answerSettings(name, args) : supervisor.call(name, args);
    });
  };

  const answerUpload = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> => {
    const batch = url.searchParams.get('batch') ?? '';
    const target = uploadTarget(incomingDir(), batch, url.searchParams.get('name') ?? '');
    await replyJson(response, async () => {
      if (!target) throw new ApiError('invalid_arguments', '文件名不正确，未上传。');
      await saveUpload(request, target);
      return { folder: batchFolder(incomingDir(), batch), file: target };
    });
  };

  const answerSettings = (method: MethodName, args: unknown): Settings | ExportDestination => {
    if (method === 'chooseExportDestination') {
      const { kind, suggestedName } = args as ParsedMethodArgs<'chooseExportDestination'>;
      const folder = exportsDir();
      if (!folder) throw new ApiError('not_available', '此处不能导出文件。');
      return webExportDestination(folder, kind, suggestedName);
    }
    if (method === 'updateSettings') return options.settings.update(args as Partial<Settings>);
    return options.settings.get();
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;

  return {
    url,
    port,
    token,
    supervisor,
    close: async () => {
      events.close();
      // Waits for the engine to exit, so it has finished writing its index files to the archive.
      await supervisor.stopAndWait(10_000, '网页服务正在关闭。').catch(() => supervisor.stop());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers with { ok, result } or { ok: false, error } as JSON: errors travel as data, in Chinese. */
async function replyJson(response: ServerResponse, answer: () => Promise<unknown>): Promise<void> {
  let reply: unknown;
  try {
    reply = { ok: true, result: await answer() };
  } catch (error) {
    reply = { ok: false, error: toApiErrorData(error) };
  }
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(reply));
}

function sendText(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message);
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError('invalid_arguments', '请求过大。');
    chunks.push(buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value !== 'object' || value === null) throw new Error('not an object');
    return value;
  } catch {
    throw new ApiError('invalid_arguments', '请求格式不正确。');
  }
}
