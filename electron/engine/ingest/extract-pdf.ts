import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IngestError } from './types';

type PdfJs = typeof PdfJsModule;

export const SCANNED_PDF_REASON = '扫描件（无文字层）：这份 PDF 只有图片，没有可复制的文字，无法读取内容。';

let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * Loads pdf.js for Node: the worker's message handler is put on globalThis so that pdf.js runs
 * it on this thread ("fake worker") instead of spawning a Worker from a URL.
 */
function loadPdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= keepingNativeBuiltins(async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return pdfjsPromise;
}

/**
 * Runs `load` and puts back the built-ins pdf.js's legacy build replaces. Its bundled core-js
 * swaps Array.prototype.push, JSON.parse, JSON.stringify and Function.prototype.toString for
 * JavaScript versions on engines older than V8 12.2 (Node 20, where the CLI, tests and benches
 * run; not Electron), for edge cases neither pdf.js nor the archive relies on. The swapped push
 * alone made every PDF about a fifth slower to read, and everything else in the same thread
 * (a .docx read next, search, parsing) slower too.
 */
async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const { push } = Array.prototype;
  const { parse, stringify } = JSON;
  const { toString } = Function.prototype;
  try {
    return await load();
  } finally {
    Object.assign(Array.prototype, { push });
    Object.assign(JSON, { parse, stringify });
    Object.assign(Function.prototype, { toString });
  }
}

let assetDirs: { cMapUrl: string; standardFontDataUrl: string } | null | undefined;

/** The packaged CMaps (needed for Chinese fonts that are not embedded) and standard fonts, read from disk. */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } | null {
  if (assetDirs !== undefined) return assetDirs;
  try {
    const root = dirname(dirname(createRequire(import.meta.url).resolve('pdfjs-dist')));
    assetDirs = {
      cMapUrl: join(root, 'cmaps') + '/',
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
    };
  } catch {
    assetDirs = null;
  }
  return assetDirs;
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  left: number;
  right: number;
  size: number;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** A page number as printed in Chinese official documents: `— 2 —`, `-2-`, `第 2 页`, `2/5`. */
const PAGE_NUMBER =
  /^(?:[—–\-－\s]*\d{1,4}[—–\-－\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
/** A line that starts an item or heading of its own, never the continuation of a paragraph. */
const ITEM_START =
  /^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|附件|抄送|抄报)/;

/** Joins a page's text items into visual lines by their baseline and pdf.js's end-of-line marks. */
function pageLines(items: Item[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastY = 0;
  let lastEnd = 0;
  let endLine = false;
  for (const item of items) {
    const sameLine = current !== null && !endLine && Math.abs(item.y - lastY) <= Math.max(1, item.size * 0.5);
    if (!sameLine) {
      if (current && current.text.trim()) lines.push(current);
      current = { text: '', left: item.x, right: item.x, size: item.size };
    }
    const line = current as Line;
    if (item.str) {
      const gap = item.x - lastEnd;
      const prev = line.text.slice(-1);
      const next = item.str[0] ?? '';
      if (
        sameLine &&
        gap > item.size * 0.3 &&
        prev !== ' ' &&
        next !== ' ' &&
        !(CJK.test(prev) && CJK.test(next))
      ) {
        line.text += ' ';
      }
      if (!line.text.trim()) line.left = item.x;
      line.text += item.str;
      line.right = Math.max(line.right, item.x + item.width);
      line.size = Math.max(line.size, item.size);
      lastEnd = item.x + item.width;
    }
    lastY = item.y;
    endLine = item.hasEOL;
  }
  if (current && current.text.trim()) lines.push(current);
  return lines.filter((l) => !PAGE_NUMBER.test(l.text.trim()));
}

/**
 * Rebuilds paragraphs from visual lines: a line continues the previous one when the previous
 * started at the left margin (or its first-line indent) and ran to the right margin, and this one starts at the left margin (no first-line indent) and
 * does not open an item of its own.
 */
function joinParagraphs(pages: Line[][]): string[] {
  const paragraphs: string[] = [];
  let prev: { line: Line; minLeft: number; maxRight: number } | null = null;
  for (const lines of pages) {
    if (lines.length === 0) continue;
    const minLeft = Math.min(...lines.map((l) => l.left));
    const maxRight = Math.max(...lines.map((l) => l.right));
    for (const line of lines) {
      const text = line.text.trim();
      const continues =
        prev !== null &&
        lines.length >= 2 &&
        prev.line.left <= prev.minLeft + prev.line.size * 2.6 &&
        prev.line.right >= prev.maxRight - prev.line.size * 1.5 &&
        line.left <= minLeft + line.size * 0.5 &&
        !ITEM_START.test(text) &&
        paragraphs.length > 0;
      if (continues) {
        const last = paragraphs.length - 1;
        const head = paragraphs[last] ?? '';
        const sep = /[A-Za-z0-9,.;:]$/.test(head) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
        paragraphs[last] = head + sep + text;
      } else {
        paragraphs.push(text);
      }
      prev = { line, minLeft, maxRight };
    }
  }
  return paragraphs;
}

function isNamed(err: unknown, name: string): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === name;
}

/**
 * The text of a PDF's text layer, paragraphs one per line. No network, no eval, no fonts
 * loaded. A PDF without text is a scan (scanned_pdf); a password-protected one is unreadable.
 */
export async function extractPdf(bytes: Buffer): Promise<string> {
  const pdfjs = await loadPdfjs();
  // A copy: pdf.js takes ownership of (and may detach) the buffer it is given.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(pdfjsAssets() ? { ...pdfjsAssets(), cMapPacked: true } : {}),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    if (isNamed(err, 'PasswordException')) {
      throw new IngestError('unreadable', '这份 PDF 设有打开密码，无法读取。请取消密码后再导入。', {
        cause: err,
      });
    }
    throw new IngestError('corrupt', 'PDF 文件已损坏，无法读取。', { cause: err });
  }
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = raw.transform as number[];
        items.push({
          str: raw.str,
          x,
          y,
          width: raw.width,
          size: Math.hypot(a, b) || raw.height || 10,
          hasEOL: raw.hasEOL,
        });
      }
      pages.push(pageLines(items));
      page.cleanup();
    }
    const text = joinParagraphs(pages)
      .filter((p) => p.length > 0)
      .join('\n');
    if (!text.replace(/\s/g, '')) throw new IngestError('scanned_pdf', SCANNED_PDF_REASON);
    return text;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('corrupt', 'PDF 文件已损坏，无法读取其中的文字。', { cause: err });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
