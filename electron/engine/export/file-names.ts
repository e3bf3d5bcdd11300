import { extname } from 'node:path';

/** The longest file name (in characters) an export writes, well under every file system's limit. */
export const MAX_NAME_LENGTH = 150;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/gu;

/**
 * A name Windows, macOS and Linux all accept: forbidden and control characters replaced by `_`,
 * no trailing dots or spaces, no reserved device name, at most MAX_NAME_LENGTH characters with the
 * extension kept.
 */
export function sanitizeFileName(name: string, fallback = '未命名'): string {
  let extension = extname(name).replace(FORBIDDEN, '_');
  let stem = name.slice(0, name.length - extension.length);
  if (!/^\.[\p{L}\p{N}_-]{1,10}$/u.test(extension)) {
    stem = name;
    extension = '';
  }
  // No trailing dots or spaces (Windows drops them), no leading dot (a hidden file elsewhere).
  stem = stem
    .replace(FORBIDDEN, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[. ]+$/u, '')
    .replace(/^[. ]+/u, '');
  if (stem === '' || /^[._ ]*$/u.test(stem)) stem = fallback;
  if (RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  const room = MAX_NAME_LENGTH - extension.length;
  const chars = Array.from(stem);
  if (chars.length > room)
    stem = chars
      .slice(0, room)
      .join('')
      .replace(/[. ]+$/u, '');
  return `${stem}${extension}`;
}

export interface OriginalNameParts {
  proposalNumber: string | null;
  issuer: string | null;
  docNumber: string | null;
  fileName: string;
}

/** `018_中共达州市委组织部_达市组函〔2024〕53号.docx`: number as written, issuer, doc number, original extension. */
export function readableOriginalName(parts: OriginalNameParts): string {
  const extension = extname(parts.fileName).toLowerCase();
  const pieces = [parts.proposalNumber, parts.issuer, parts.docNumber]
    .map((piece) => piece?.trim() ?? '')
    .filter((piece) => piece !== '');
  const stem =
    pieces.length > 0 ? pieces.join('_') : parts.fileName.slice(0, parts.fileName.length - extension.length);
  return sanitizeFileName(`${stem.replace(FORBIDDEN, '_')}${extension}`);
}

/**
 * Hands out unique names, as Windows compares them (case-insensitively): the second `a.docx`
 * becomes `a(2).docx`, the third `a(3).docx`.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const name of existing) this.taken.add(name.toLowerCase());
  }

  claim(name: string): string {
    const extension = extname(name);
    const stem = name.slice(0, name.length - extension.length);
    let candidate = name;
    for (let counter = 2; this.taken.has(candidate.toLowerCase()); counter += 1) {
      const suffix = `(${counter})`;
      const room = MAX_NAME_LENGTH - extension.length - suffix.length;
      candidate = `${Array.from(stem).slice(0, room).join('')}${suffix}${extension}`;
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
