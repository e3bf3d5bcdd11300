import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, readableOriginalName, sanitizeFileName, UniqueNames } from './file-names';

describe('readable names for originals', () => {
  it('names an original by number as written, issuer and doc number, keeping its extension', () => {
    expect(
      readableOriginalName({
        proposalNumber: '018',
        issuer: '中共达州市委组织部',
        docNumber: '达市组函〔2024〕53号',
        fileName: '关于第18号提案的答复.DOCX',
      }),
    ).toBe('018_中共达州市委组织部_达市组函〔2024〕53号.docx');
  });

  it('falls back to the file name when nothing is known, and drops missing parts', () => {
    expect(
      readableOriginalName({
        proposalNumber: null,
        issuer: null,
        docNumber: null,
        fileName: '回函 0001.txt',
      }),
    ).toBe('回函 0001.txt');
    expect(
      readableOriginalName({ proposalNumber: '7', issuer: '市教育局', docNumber: null, fileName: 'a.pdf' }),
    ).toBe('7_市教育局.pdf');
  });

  it('replaces what Windows forbids, and keeps a slash in a doc number from making a folder', () => {
    expect(
      readableOriginalName({
        proposalNumber: '1',
        issuer: '市局',
        docNumber: '市发/2024:3*?"<>|',
        fileName: 'x.doc',
      }),
    ).toBe('1_市局_市发_2024_3______.doc');
    expect(sanitizeFileName('a\u0001b\tc.txt')).toBe('a_b_c.txt');
  });
});

describe('sanitising file names for Windows', () => {
  it('removes trailing dots and spaces', () => {
    expect(sanitizeFileName('答复函. . ')).toBe('答复函');
    expect(sanitizeFileName('答复函 .docx')).toBe('答复函.docx');
  });

  it('never produces a reserved device name', () => {
    expect(sanitizeFileName('CON.docx')).toBe('_CON.docx');
    expect(sanitizeFileName('nul')).toBe('_nul');
    expect(sanitizeFileName('com1.txt')).toBe('_com1.txt');
    expect(sanitizeFileName('LPT9')).toBe('_LPT9');
    expect(sanitizeFileName('console.txt')).toBe('console.txt');
  });

  it('gives an empty or dots-only name a fallback', () => {
    expect(sanitizeFileName('')).toBe('未命名');
    expect(sanitizeFileName('...')).toBe('未命名');
    expect(sanitizeFileName('..', 'x')).toBe('x');
  });

  it('caps the length at 150 characters, keeping the extension and whole characters', () => {
    const long = `${'答'.repeat(300)}😀.docx`;
    const name = sanitizeFileName(long);
    expect(Array.from(name)).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('.docx')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});

describe('numbering collisions', () => {
  it('numbers the second and third of a name, compared as Windows does (ignoring case)', () => {
    const names = new UniqueNames();
    expect(names.claim('018_市局.docx')).toBe('018_市局.docx');
    expect(names.claim('018_市局.docx')).toBe('018_市局(2).docx');
    expect(names.claim('018_市局.DOCX')).toBe('018_市局(3).DOCX');
    expect(names.claim('README')).toBe('README');
    expect(names.claim('readme')).toBe('readme(2)');
  });
});
