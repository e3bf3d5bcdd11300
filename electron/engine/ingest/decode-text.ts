import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as: utf-8, utf-16le, utf-16be, gb18030, … */
  encoding: string;
}

const CJK_LEGACY = /^(?:gb18030|gbk|gb2312|gb_2312-80|big5|euc-tw|hz-gb-2312)$/i;

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function utf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Guesses BOM-less UTF-16 from the share of zero bytes at even and odd positions. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Chinese UTF-16 has few zero bytes; it is recognised by most code units falling in the CJK
 * block (0x4E00–0x9FFF) or being common punctuation, read in one byte order but not the other.
 */
function guessUtf16Cjk(bytes: Uint8Array, n: number): 'utf-16le' | 'utf-16be' | null {
  let le = 0;
  let be = 0;
  const plausible = (u: number): boolean =>
    (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0x3000 && u <= 0x303f) ||
    (u >= 0xff00 && u <= 0xffef) ||
    u === 0x0a ||
    u === 0x0d ||
    (u >= 0x20 && u < 0x7f);
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    if (plausible(a | (b << 8))) le++;
    if (plausible((a << 8) | b)) be++;
  }
  const pairs = n / 2;
  if (le / pairs > 0.9 && be / pairs < 0.6) return 'utf-16le';
  if (be / pairs > 0.9 && le / pairs < 0.6) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip: number): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip), encoding);
}

/** Share of characters that show a failed decoding (U+FFFD) or stray control characters. */
function badShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)) bad++;
  }
  return bad / text.length;
}

/**
 * Decodes the bytes of a letter file: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM,
 * or recognised without), GB18030/GBK. Line ends are normalised to LF.
 * Throws when the bytes cannot be read as text in any of these encodings.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = utf8Strict(bytes.subarray(3));
    if (text !== null) return { text: normaliseNewlines(text), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: normaliseNewlines(decodeUtf16(bytes, 'utf-16le', 2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: normaliseNewlines(decodeUtf16(bytes, 'utf-16be', 2)), encoding: 'utf-16be' };
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    const text = decodeUtf16(bytes, utf16, 0);
    if (badShare(text) < 0.01) return { text: normaliseNewlines(text), encoding: utf16 };
  }
  const utf8 = utf8Strict(bytes);
  if (utf8 !== null && badShare(utf8) < 0.01) return { text: normaliseNewlines(utf8), encoding: 'utf-8' };
  const utf16Cjk = bytes.length % 2 === 0 ? guessUtf16Cjk(bytes, Math.min(bytes.length, 4096)) : null;
  if (utf16Cjk) {
    const text = decodeUtf16(bytes, utf16Cjk, 0);
    if (badShare(text) < 0.01) return { text: normaliseNewlines(text), encoding: utf16Cjk };
  }

  const detected = chardet.detect(bytes);
  const candidates = [detected && CJK_LEGACY.test(detected) ? detected : null, 'gb18030'].filter(
    (e): e is string => e !== null && iconv.encodingExists(e),
  );
  for (const enc of candidates) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc);
    if (badShare(text) < 0.01) {
      const name = enc.toLowerCase();
      return {
        text: normaliseNewlines(text),
        encoding: name === 'gbk' || name === 'gb2312' ? 'gb18030' : name,
      };
    }
  }
  throw new Error('无法识别文件编码：文件可能不是文本文件，或使用了不支持的编码。');
}
