import { decodeHtmlBytes, extractHtml } from './extract-html';
import { IngestError } from './types';

interface MimePart {
  headers: Map<string, string>;
  /** The body as a latin1 string: one character per byte. */
  body: string;
}

/** Splits a MIME entity (latin1 text) into unfolded headers and its body. */
function parseEntity(entity: string): MimePart {
  const match = /\r?\n\r?\n/.exec(entity);
  const headText = match ? entity.slice(0, match.index) : entity;
  const body = match ? entity.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of headText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A parameter of a header value such as `multipart/related; boundary="----=_NextPart"`. */
function headerParam(value: string, name: string): string | null {
  const re = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function mediaType(part: MimePart): string {
  return ((part.headers.get('content-type') ?? 'text/plain').split(';')[0] ?? '').trim().toLowerCase();
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  const pieces = body.split(delimiter);
  // pieces[0] is the preamble; a piece starting with "--" is the epilogue after the close.
  for (const piece of pieces.slice(1)) {
    if (piece.startsWith('--')) break;
    parts.push(piece.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, ''));
  }
  return parts;
}

/** The first text/html part, searching nested multiparts depth first. */
function findHtml(part: MimePart, depth: number): MimePart | null {
  const type = mediaType(part);
  if (type === 'text/html') return part;
  if (type.startsWith('multipart/') && depth < 5) {
    const boundary = headerParam(part.headers.get('content-type') ?? '', 'boundary');
    if (!boundary) return null;
    for (const raw of splitMultipart(part.body, boundary)) {
      const found = findHtml(parseEntity(raw), depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function decodeTransfer(part: MimePart): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = part.body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(part.body, 'latin1');
}

/** The HTML page inside an .mht/.mhtml web archive (MIME multipart/related), decoded. */
export function mhtToHtml(bytes: Buffer): string {
  const root = parseEntity(bytes.toString('latin1'));
  const html = findHtml(root, 0);
  if (!html) {
    throw new IngestError('corrupt', 'MHT 网页存档已损坏或其中没有网页内容，无法读取。');
  }
  const charset = headerParam(html.headers.get('content-type') ?? '', 'charset') ?? undefined;
  return decodeHtmlBytes(decodeTransfer(html), charset);
}

/** The letter in an .mht/.mhtml web archive, page chrome removed. */
export function extractMht(bytes: Buffer): string {
  return extractHtml(mhtToHtml(bytes));
}
