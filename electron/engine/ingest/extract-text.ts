import { extname } from 'node:path';
import { SCANNED_PDF_REASON, extractPdf } from './extract-pdf';
import { IngestError } from './types';
import type { ExtractedText, LetterFormat } from './types';

/** Files over this size are refused before they are read. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export const TOO_LARGE_REASON = '文件过大（超过 100 MB），不像是一份答复函，已跳过。';

/** What the bytes are, by their content. */
export type SniffedKind = 'zip' | 'ole' | 'pdf' | 'mht' | 'html' | 'text';

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The first bytes as lower-case ASCII-ish text, BOM and UTF-16 zero bytes removed. */
function head(bytes: Buffer, length: number): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) start = 2;
  return bytes
    .subarray(start, start + length)
    .toString('latin1')
    .replace(/\0/g, '')
    .toLowerCase();
}

/** True when the file opens with a MIME header block declaring MIME or a multipart body. */
function looksLikeMime(text: string): boolean {
  const end = text.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? text.slice(0, end) : text).trimStart();
  if (!/^[a-z][a-z0-9-]*:/.test(block)) return false;
  return /^mime-version\s*:/m.test(block) || /^content-type\s*:\s*multipart\//m.test(block);
}

/** Identifies a file by its first bytes (magic numbers), not by its name. */
export function sniff(bytes: Buffer): SniffedKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const text = head(bytes, 4096);
  if (text.slice(0, 1024).includes('%pdf-')) return 'pdf';
  if (looksLikeMime(text)) return 'mht';
  const start = text.trimStart();
  if (/^<!doctype\s+html/.test(start) || /^<html[\s>]/.test(start)) return 'html';
  if (/^<(?:\?xml|!--)/.test(start) && /<html[\s>]/.test(text)) return 'html';
  return 'text';
}

const EXT_FORMAT: Record<string, LetterFormat> = {
  '.txt': 'txt',
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'wps',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.mht': 'mht',
  '.mhtml': 'mht',
};

/** Reasons for a file whose name promises a binary format its content does not have. */
const NOT_FORMAT: Partial<Record<LetterFormat, string>> = {
  docx: '文件已损坏或不是 Word 文档，无法读取。',
  doc: '文件已损坏或不是 Word 文档（.doc），无法读取。',
  wps: '文件已损坏或不是 WPS 文档，无法读取。',
  pdf: '文件已损坏或不是 PDF 文件，无法读取。',
};

/** Readable text: nearly all characters are CJK, ASCII printable, punctuation or line ends. */
function isPlausibleText(text: string): boolean {
  const sample = text.slice(0, 4000);
  if (!sample) return false;
  let good = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x09 ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f)
    ) {
      good++;
    }
  }
  return good / [...sample].length > 0.9;
}

/*
 * Each format's reader (and the library behind it) is loaded when a file of that format first
 * comes: an import worker reading only .docx files never loads the .doc, web page or text
 * readers, and the engine loads none of them until it reads a file itself (start-up time).
 */

async function readZipDocument(name: string, bytes: Buffer): Promise<ExtractedText> {
  const { extractDocx, withOfficeZip } = await import('./extract-docx');
  return withOfficeZip(bytes, async (zip): Promise<ExtractedText> => {
    if (zip.kind === 'docx') return { text: await extractDocx(zip), format: 'docx' };
    const claimed = EXT_FORMAT[extname(name).toLowerCase()];
    if (claimed === 'docx') throw new IngestError('corrupt', '文件已损坏或不是 Word 文档，无法读取。');
    const what =
      zip.kind === 'xlsx'
        ? 'Excel 表格'
        : zip.kind === 'pptx'
          ? 'PowerPoint 演示文稿'
          : zip.kind === 'odf'
            ? 'OpenDocument 文档'
            : '压缩包（请直接导入 .zip 文件）';
    throw new IngestError('unsupported', `不支持的文件类型：这是${what}，不是答复函文档。`);
  });
}

async function readText(name: string, bytes: Buffer): Promise<ExtractedText> {
  const { decodeText } = await import('./decode-text');
  const claimed = EXT_FORMAT[extname(name).toLowerCase()];
  const notFormat = claimed ? NOT_FORMAT[claimed] : undefined;
  const unsupported = '不支持的文件类型：无法识别为文本、Word、PDF 或网页文件。';
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (err) {
    if (notFormat) throw new IngestError('corrupt', notFormat, { cause: err });
    if (claimed) {
      throw new IngestError('corrupt', '无法识别文件编码：文件可能已损坏，或不是文本文件。', { cause: err });
    }
    throw new IngestError('unsupported', unsupported, { cause: err });
  }
  // A name promising Word or PDF on bytes that are no such thing: read it as text only when it
  // clearly is text (a renamed .txt), otherwise it is a damaged file. Same for unknown names.
  if (!claimed || notFormat) {
    if (!isPlausibleText(decoded.text)) {
      throw notFormat ? new IngestError('corrupt', notFormat) : new IngestError('unsupported', unsupported);
    }
  }
  return { text: decoded.text, format: 'txt', encoding: decoded.encoding };
}

async function readHtml(bytes: Buffer): Promise<ExtractedText> {
  const { decodeHtmlBytes, extractHtml } = await import('./extract-html');
  return { text: extractHtml(decodeHtmlBytes(bytes)), format: 'html' };
}

async function dispatch(name: string, bytes: Buffer): Promise<ExtractedText> {
  const kind = sniff(bytes);
  switch (kind) {
    case 'zip':
      return readZipDocument(name, bytes);
    case 'ole': {
      const format = extname(name).toLowerCase() === '.wps' ? 'wps' : 'doc';
      const { extractOle } = await import('./extract-ole');
      return { text: await extractOle(bytes, format), format };
    }
    case 'pdf':
      return { text: await extractPdf(bytes), format: 'pdf' };
    case 'mht': {
      const { extractMht } = await import('./extract-mht');
      return { text: extractMht(bytes), format: 'mht' };
    }
    case 'html':
      return readHtml(bytes);
    case 'text':
      // A page fragment saved as .htm without <html>: still markup.
      if (EXT_FORMAT[extname(name).toLowerCase()] === 'html' && head(bytes, 64).trimStart().startsWith('<')) {
        return readHtml(bytes);
      }
      return readText(name, bytes);
  }
}

/**
 * Reads the text of one letter file, paragraphs as lines. The format is recognised by the
 * content (a file whose extension lies is read by what it is): .docx, .doc/.wps (OLE2), PDF
 * with a text layer, .mht, HTML, or plain text in any common Chinese encoding.
 * Rejects only with IngestError, whose `reason` is a Chinese sentence for the user.
 */
export async function extractText(name: string, bytes: Buffer): Promise<ExtractedText> {
  if (bytes.length === 0) throw new IngestError('empty', '文件为空。');
  if (bytes.length > MAX_FILE_BYTES) throw new IngestError('too_large', TOO_LARGE_REASON);
  let result: ExtractedText;
  try {
    result = await dispatch(name, bytes);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError('corrupt', '文件已损坏或格式无法识别，无法读取。', { cause: err });
  }
  if (!result.text.replace(/[\s\u3000\u00a0\ufeff]/g, '')) {
    if (result.format === 'pdf') throw new IngestError('scanned_pdf', SCANNED_PDF_REASON);
    throw new IngestError('no_text', '文件中没有可读取的文字。');
  }
  return result;
}
