import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

const SAMPLE = '关于对市七届人大五次会议第71号建议的答复\r\n尊敬的王爱珍代表:\r\n您提出的建议已收悉。\r\n';
const EXPECTED = SAMPLE.replace(/\r\n/g, '\n');

const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

describe('decodeText', () => {
  it('reads UTF-8 without BOM and normalises CRLF', () => {
    const r = decodeText(bytesOf(Buffer.from(SAMPLE, 'utf8')));
    expect(r).toEqual({ text: EXPECTED, encoding: 'utf-8' });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const r = decodeText(
      bytesOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])),
    );
    expect(r).toEqual({ text: EXPECTED, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]);
    expect(decodeText(bytesOf(le))).toEqual({ text: EXPECTED, encoding: 'utf-16le' });
    expect(decodeText(bytesOf(be))).toEqual({ text: EXPECTED, encoding: 'utf-16be' });
  });

  it('recognises BOM-less UTF-16 LE and BE', () => {
    expect(decodeText(bytesOf(iconv.encode(SAMPLE, 'utf-16le')))).toEqual({
      text: EXPECTED,
      encoding: 'utf-16le',
    });
    expect(decodeText(bytesOf(iconv.encode(SAMPLE, 'utf-16be')))).toEqual({
      text: EXPECTED,
      encoding: 'utf-16be',
    });
  });

  it('recognises BOM-less UTF-16 of ASCII-heavy text', () => {
    const ascii = 'Reply letter 2024-06-14, No. 18\nphone 0564-8621191\n';
    expect(decodeText(bytesOf(iconv.encode(ascii, 'utf-16le'))).encoding).toBe('utf-16le');
  });

  it('reads GB18030 / GBK', () => {
    const r = decodeText(bytesOf(iconv.encode(SAMPLE, 'gb18030')));
    expect(r.text).toBe(EXPECTED);
    expect(r.encoding).toMatch(/gb18030|gbk|gb2312/i);
  });

  it('does not mistake ASCII-only UTF-8 for UTF-16', () => {
    const r = decodeText(bytesOf(Buffer.from('abcdefgh 2024 reply\n', 'utf8')));
    expect(r.encoding).toBe('utf-8');
  });

  it('reads empty input as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('throws a Chinese message for binary data', () => {
    const bin = new Uint8Array(512);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) % 7 === 0 ? 0 : (i * 13) % 32;
    expect(() => decodeText(bin)).toThrow(/无法识别文件编码/);
  });
});
