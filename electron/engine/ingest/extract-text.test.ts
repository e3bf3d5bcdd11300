import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, extractText, sniff } from './extract-text';
import {
  SAMPLE_LETTER,
  makeDocx,
  makeDocxBomb,
  makeHtmlPage,
  makeMht,
  makePdf,
  makeScannedPdf,
  makeText,
  makeZip,
  makeZipBomb,
  minimalDocxEntries,
} from './test-fixtures';
import { IngestError } from './types';
import type { IngestFailure } from './types';

const LETTER = [...SAMPLE_LETTER];
const TITLE = '关于对市政协五届四次会议第018号提案的答复';
const COMMITMENT = '二是力争1年内建成市级人才服务中心，为各类人才提供“一站式”服务。';

/** The rejection of a promise, which must be an IngestError. */
async function failureOf(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected the extraction to fail');
}

async function expectFailure(
  promise: Promise<unknown>,
  failure: IngestFailure,
  reason: RegExp,
): Promise<void> {
  const err = await failureOf(promise);
  expect(err.failure).toBe(failure);
  expect(err.reason).toMatch(reason);
  // Every reason a user reads is Chinese.
  expect(err.reason).toMatch(/[\u4e00-\u9fff]/);
}

describe('extractText: each format keeps the letter and its paragraphs', () => {
  it('reads a .docx paragraph by paragraph, indentation trimmed', async () => {
    const result = await extractText('答复.docx', await makeDocx(LETTER));
    expect(result.format).toBe('docx');
    expect(result.text.split('\n')).toEqual(LETTER);
  });

  it('reads a PDF text layer with paragraphs rebuilt across wrapped lines and pages', async () => {
    const pdf = await makePdf(LETTER);
    const result = await extractText('答复.pdf', pdf);
    expect(result.format).toBe('pdf');
    const lines = result.text.split('\n');
    expect(lines).toContain(TITLE);
    expect(lines).toContain(COMMITMENT);
    // The long paragraphs wrap over several visual lines and over a page break: rebuilt whole.
    for (const line of LETTER.filter((l) => l.length > 60)) expect(lines).toContain(line);
    // Page numbers (— 1 —) are not letter text.
    expect(result.text).not.toMatch(/— \d+ —/);
    expect(lines).toEqual(LETTER);
  });

  it('reads a government web page without its chrome', async () => {
    const html = makeHtmlPage(LETTER);
    const result = await extractText('018.html', Buffer.from(html, 'utf8'));
    expect(result.format).toBe('html');
    expect(result.text.split('\n')).toEqual(LETTER);
    for (const chrome of [
      '索引号',
      '发布机构',
      '当前位置',
      '打印',
      '上一篇',
      '下一篇',
      'ICP',
      '版权所有',
      '政务服务',
      '浏览次数',
    ]) {
      expect(result.text).not.toContain(chrome);
    }
  });

  it('reads a GBK web page by its declared charset', async () => {
    const html = makeHtmlPage(LETTER, { charset: 'gb2312' });
    const result = await extractText('018.htm', iconv.encode(html, 'gbk'));
    expect(result.text.split('\n')).toEqual(LETTER);
  });

  it('keeps the page headline when the letter has no title of its own', async () => {
    const body = LETTER.filter((l) => l !== TITLE);
    const html = makeHtmlPage(body, { headline: TITLE });
    const result = await extractText('018.html', Buffer.from(html, 'utf8'));
    expect(result.text.split('\n')[0]).toBe(TITLE);
    expect(result.text.split('\n').slice(1)).toEqual(body);
  });

  it('reads an .mht web archive (quoted-printable and base64, UTF-8 and GBK)', async () => {
    const html = makeHtmlPage(LETTER);
    const qp = await extractText('018.mht', makeMht(html));
    expect(qp.format).toBe('mht');
    expect(qp.text.split('\n')).toEqual(LETTER);
    const gbk = makeMht(makeHtmlPage(LETTER, { charset: 'gbk' }), {
      transferEncoding: 'base64',
      charset: 'gbk',
    });
    expect((await extractText('018.mhtml', gbk)).text.split('\n')).toEqual(LETTER);
  });

  it.each(['utf-8', 'utf-8-bom', 'gbk', 'utf-16le-bom', 'utf-16be'] as const)(
    'reads a %s text file',
    async (enc) => {
      const result = await extractText('答复.txt', makeText(LETTER, enc));
      expect(result.format).toBe('txt');
      expect(result.text.trimEnd().split('\n')).toEqual(LETTER);
      expect(result.encoding).toBeTruthy();
    },
  );
});

describe('extractText: the content decides, not the name', () => {
  it('sniffs each format from its first bytes', async () => {
    expect(sniff(await makeDocx(['x']))).toBe('zip');
    expect(sniff(await makePdf(['答复']))).toBe('pdf');
    expect(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(sniff(makeMht('<html><body>x</body></html>'))).toBe('mht');
    expect(sniff(Buffer.from('\ufeff  <!DOCTYPE html><html>', 'utf8'))).toBe('html');
    expect(sniff(Buffer.from('MIME 是什么\n普通文本', 'utf8'))).toBe('text');
  });

  it('reads a .docx named .pdf, a PDF named .doc, a web page named .txt and text named .docx', async () => {
    const docx = await extractText('答复.pdf', await makeDocx(LETTER));
    expect(docx.format).toBe('docx');
    expect(docx.text).toContain(COMMITMENT);
    const pdf = await extractText('答复.doc', await makePdf(LETTER.slice(0, 6)));
    expect(pdf.format).toBe('pdf');
    expect(pdf.text).toContain(TITLE);
    const html = await extractText('答复.txt', Buffer.from(makeHtmlPage(LETTER), 'utf8'));
    expect(html.format).toBe('html');
    expect(html.text).not.toContain('索引号');
    const text = await extractText('答复.docx', makeText(LETTER, 'gbk'));
    expect(text.format).toBe('txt');
    expect(text.text).toContain(TITLE);
  });

  it('reads a file without extension by its content', async () => {
    expect((await extractText('答复函', await makeDocx(LETTER))).format).toBe('docx');
  });

  it('refuses random bytes named .docx as a damaged Word document', async () => {
    await expectFailure(
      extractText('答复.docx', randomBytes(20_000)),
      'corrupt',
      /文件已损坏或不是 Word 文档/,
    );
  });

  it('refuses a zip named .docx that holds no Word document', async () => {
    const zip = await makeZip([{ name: 'a.txt', data: '答复' }]);
    await expectFailure(extractText('答复.docx', zip), 'corrupt', /不是 Word 文档/);
    await expectFailure(extractText('答复', zip), 'unsupported', /压缩包/);
  });

  it('refuses a truncated .docx and a damaged PDF clearly', async () => {
    const docx = await makeDocx(LETTER);
    await expectFailure(extractText('答复.docx', docx.subarray(0, docx.length / 2)), 'corrupt', /Word 文档/);
    const pdf = await makePdf(LETTER.slice(0, 3));
    const broken = Buffer.concat([pdf.subarray(0, 20), randomBytes(5000)]);
    await expectFailure(extractText('答复.pdf', broken), 'corrupt', /PDF/);
  });

  it('reports a .doc with a damaged OLE structure (no valid .doc can be generated here)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(4096),
    ]);
    await expectFailure(extractText('答复.doc', ole), 'corrupt', /Word 文档（\.doc）/);
    await expectFailure(extractText('答复.wps', ole), 'corrupt', /WPS 文档/);
  });

  it('reports a password-protected Word document (OLE with an EncryptedPackage)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(500),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    await expectFailure(extractText('答复.docx', ole), 'unreadable', /密码/);
  });
});

describe('extractText: bad input ends in a clear reason', () => {
  it('refuses an empty file', async () => {
    await expectFailure(extractText('答复.docx', Buffer.alloc(0)), 'empty', /文件为空/);
  });

  it('refuses a file with no text at all', async () => {
    await expectFailure(
      extractText('答复.txt', Buffer.from('\r\n  \u3000\r\n', 'utf8')),
      'no_text',
      /没有可读取的文字/,
    );
    await expectFailure(extractText('答复.docx', await makeDocx(['', ''])), 'no_text', /没有可读取的文字/);
  });

  it('reports a scanned PDF (image only) as 扫描件（无文字层）', async () => {
    await expectFailure(
      extractText('扫描件.pdf', await makeScannedPdf()),
      'scanned_pdf',
      /扫描件（无文字层）/,
    );
  });

  it('refuses a zip bomb inside a .docx before decompressing it', async () => {
    const started = Date.now();
    await expectFailure(extractText('答复.docx', await makeDocxBomb()), 'zip_bomb', /压缩炸弹/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a .docx whose document part inflates far beyond what its header claims', async () => {
    await expectFailure(extractText('答复.docx', await makeDocxBombDocument()), 'zip_bomb', /压缩炸弹/);
  });

  it('reads the letter of a .docx whose lying bomb is a part the reader never inflates', async () => {
    const bomb = await makeDocxBomb({ lieAboutSize: true, size: 250 * 1024 * 1024 });
    const result = await extractText('答复.docx', bomb);
    expect(result.text).toBe('关于答复的函');
  });

  it('reads a 50 MB PDF with a text layer in reasonable time and memory', async () => {
    const big = await makePdf(LETTER, { padBytes: 50 * 1024 * 1024 });
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const result = await extractText('大文件.pdf', big);
    const ms = performance.now() - started;
    const grew = (process.memoryUsage().rss - rss) / 1024 / 1024;
    console.info(`50 MB PDF: ${ms.toFixed(0)} ms, RSS +${grew.toFixed(0)} MB`);
    expect(result.text).toContain(COMMITMENT);
    expect(ms).toBeLessThan(10_000);
    expect(grew).toBeLessThan(400);
  });

  it('refuses a file over 100 MB before reading it', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x20);
    await expectFailure(extractText('答复.txt', big), 'too_large', /100 MB/);
  });

  it('rejects with nothing but IngestError', async () => {
    for (const name of ['a.docx', 'a.pdf', 'a.doc', 'a.html', 'a.mht', 'a.txt', 'a']) {
      for (const bytes of [
        randomBytes(3000),
        Buffer.from('%PDF-1.7\n垃圾'),
        Buffer.from('PK\x03\x04garbage'),
      ]) {
        const outcome = await extractText(name, bytes).catch((e: unknown) => e);
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(IngestError);
      }
    }
  });
});

/** A .docx whose document.xml itself inflates far beyond what its header claims. */
async function makeDocxBombDocument(): Promise<Buffer> {
  const others = minimalDocxEntries(['x']).filter((e) => e.name !== 'word/document.xml');
  return makeZipBomb({ name: 'word/document.xml', size: 250 * 1024 * 1024, lieAboutSize: true, others });
}
