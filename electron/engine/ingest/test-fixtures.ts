/**
 * Generators of the files secretaries import, for tests and benchmarks: .docx, .pdf (with a
 * real Chinese text layer, or an image only), .zip (with GBK or UTF-8 names), zip bombs,
 * government web pages with their chrome, .mht archives and text in Chinese encodings.
 * Nothing binary is committed; every fixture is built here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import {
  PDFDocument,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';

/** A reply letter of about 3,000 characters, one paragraph per line (as the corpus keeps it). */
export const SAMPLE_LETTER: readonly string[] = (() => {
  const lines = [
    '中共达州市委组织部',
    '达市组函〔2024〕53号',
    '关于对市政协五届四次会议第018号提案的答复',
    '乐芳均委员：',
    '您提出的《关于进一步加强基层人才队伍建设的建议》收悉。经认真研究，现答复如下：',
    '一、基本情况',
    '近年来，我市坚持把人才工作摆在全局发展的突出位置，深入实施“达人英才”计划，围绕产业发展需求引进培育各类人才，全市人才总量稳步增长，人才结构持续优化，人才效能不断提升。',
    '二、主要工作',
    '一是完善引才机制。出台《达州市引进高层次人才实施办法》，对引进的博士研究生、高级职称人才给予安家补贴和科研启动经费，2023年全市共引进各类急需紧缺人才1268名。',
    '二是强化基层支撑。深化“县管校聘”“县管乡用”改革，推动医疗、教育人才向乡镇流动，累计选派326名专业技术人才到基层服务，有效缓解了基层人才短缺问题。',
    '三是优化服务保障。发放“达人英才卡”2150张，持卡人才在子女入学、医疗保健、交通出行等方面享受便利服务，人才发展环境持续改善。',
    '三、下一步工作打算',
    '下一步，我们将认真吸纳您的意见建议，重点做好以下工作：',
    '一是年底前出台基层人才专项支持政策，进一步加大对乡镇一线人才的倾斜力度。',
    '二是力争1年内建成市级人才服务中心，为各类人才提供“一站式”服务。',
    '三是2025年6月前完成全市人才资源普查，建立人才信息数据库，实现动态管理。',
  ];
  const filler =
    '我们将持续加强统筹协调，压紧压实各级各部门责任，健全工作推进机制，定期调度工作进展，及时研究解决工作中遇到的困难和问题，确保各项措施落地见效，切实以人才振兴推动乡村振兴和高质量发展。';
  let length = lines.join('').length;
  let n = 0;
  while (length < 2750) {
    const paragraph = `（${++n}）${filler}`;
    lines.splice(12 + n, 0, paragraph);
    length += paragraph.length;
  }
  lines.push(
    '感谢您对组织工作的关心和支持，欢迎继续提出宝贵意见。',
    '中共达州市委组织部',
    '2024年6月19日',
    '联系人：张明；联系电话：0818-2123456',
    '抄送：市政协提案委，市政府督查室。',
  );
  return lines;
})();

// ---------------------------------------------------------------- zip

export interface ZipEntryInput {
  name: string;
  data: Buffer | string;
  /** Encode the name in GBK without the UTF-8 flag, as Chinese Windows does. */
  gbkName?: boolean;
  /** Store instead of deflate. */
  store?: boolean;
}

interface RawEntry {
  name: Buffer;
  utf8: boolean;
  method: 0 | 8;
  compressed: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written in the headers (a forged one for lying-header bombs). */
  declaredSize?: number;
}

function dosDateTime(): { time: number; date: number } {
  // 2024-06-19 10:00:00
  return { time: (10 << 11) | (0 << 5) | 0, date: ((2024 - 1980) << 9) | (6 << 5) | 19 };
}

/** A minimal ZIP writer (deflate or store, no ZIP64): enough for fixtures. */
function writeZip(entries: RawEntry[]): Buffer {
  const { time, date } = dosDateTime();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const flag = e.utf8 ? 0x0800 : 0;
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flag, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, e.name, e.compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flag, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, e.name);
    offset += 30 + e.name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function rawEntry(input: ZipEntryInput): RawEntry {
  const data = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : input.data;
  const name = input.gbkName ? iconv.encode(input.name, 'gbk') : Buffer.from(input.name, 'utf8');
  return {
    name,
    utf8: !input.gbkName && /[^\x20-\x7e]/.test(input.name),
    method: input.store ? 0 : 8,
    compressed: input.store ? data : deflateRawSync(data),
    crc: crc32(data),
    size: data.length,
  };
}

/** A .zip of the given files (names in UTF-8 with the flag set, or GBK without it). */
export async function makeZip(entries: ZipEntryInput[]): Promise<Buffer> {
  return writeZip(entries.map(rawEntry));
}

/** `size` zero bytes, deflated in a few milliseconds from one repeated compressed block. */
function deflatedZeros(size: number): { compressed: Buffer; crc: number } {
  const chunk = 1 << 20;
  const block = deflateRawSync(Buffer.alloc(chunk), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const parts: Buffer[] = [];
  const zeros = Buffer.alloc(chunk);
  let crc = 0;
  let left = size;
  for (; left >= chunk; left -= chunk) {
    parts.push(block);
    crc = crc32(zeros, crc);
  }
  if (left > 0) {
    parts.push(deflateRawSync(Buffer.alloc(left), { finishFlush: constants.Z_FULL_FLUSH }));
    crc = crc32(Buffer.alloc(left), crc);
  }
  parts.push(deflateRawSync(Buffer.alloc(0)));
  return { compressed: Buffer.concat(parts), crc };
}

export interface ZipBombOptions {
  /** Uncompressed size of the bomb entry; default 300 MB (about 300 KB compressed). */
  size?: number;
  /** Name of the bomb entry; default `答复函.txt`. */
  name?: string;
  /** Write a small, false uncompressed size in the headers (the bomb lies about its size). */
  lieAboutSize?: boolean;
  /** Other (ordinary) entries to put before the bomb. */
  others?: ZipEntryInput[];
}

/** A zip holding one entry that inflates to hundreds of megabytes of zeros. */
export async function makeZipBomb(options: ZipBombOptions = {}): Promise<Buffer> {
  const size = options.size ?? 300 * 1024 * 1024;
  const { compressed, crc } = deflatedZeros(size);
  const bomb: RawEntry = {
    name: Buffer.from(options.name ?? '答复函.txt', 'utf8'),
    utf8: true,
    method: 8,
    compressed,
    crc,
    size,
    ...(options.lieAboutSize ? { declaredSize: 4096 } : {}),
  };
  return writeZip([...(options.others ?? []).map(rawEntry), bomb]);
}

/** A zip of `count` entries of `size` zero bytes each (each alone may be allowed; the total not). */
export function makeZipBombArchive(count: number, size: number): Buffer {
  const { compressed, crc } = deflatedZeros(size);
  return writeZip(
    Array.from({ length: count }, (_, i) => ({
      name: Buffer.from(`答复${i + 1}.txt`, 'utf8'),
      utf8: true,
      method: 8 as const,
      compressed,
      crc,
      size,
    })),
  );
}

const DOCX_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/octet-stream"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The minimal parts of a .docx, written by hand (for bombs and forged documents). */
export function minimalDocxEntries(paragraphs: readonly string[]): ZipEntryInput[] {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`)
    .join('');
  return [
    { name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES },
    { name: '_rels/.rels', data: DOCX_RELS },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
  ];
}

/** A .docx that reads as a letter but carries a 300 MB (zeros) part: a zip bomb. */
export async function makeDocxBomb(options: Omit<ZipBombOptions, 'others' | 'name'> = {}): Promise<Buffer> {
  return makeZipBomb({
    ...options,
    name: 'word/media/image1.bin',
    others: minimalDocxEntries(['关于答复的函']),
  });
}

// ---------------------------------------------------------------- docx

/** A real .docx (written by the `docx` package), one Word paragraph per line, first lines indented. */
export async function makeDocx(paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (text, i) =>
            new Paragraph({
              children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })],
              ...(i > 3 ? { indent: { firstLine: 640 } } : {}),
            }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------- pdf

const CJK_FONTS: { path: string; postscriptName: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  {
    path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    postscriptName: 'NotoSerifCJKsc-Regular',
  },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  {
    path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    postscriptName: 'NotoSansCJKsc-Regular',
  },
];

let fontCache: { bytes: Buffer; postscriptName: string } | null = null;
let parsedFont: ReturnType<typeof fontkit.create> | undefined;

/** A CJK font on this machine (fonts-noto-cjk); throws with a hint when none is installed. */
function cjkFont(): { bytes: Buffer; postscriptName: string } {
  if (fontCache) return fontCache;
  const found = CJK_FONTS.find((f) => existsSync(f.path));
  if (!found) {
    throw new Error(
      `No CJK font for PDF fixtures: install fonts-noto-cjk (looked in ${CJK_FONTS.map((f) => f.path).join(', ')})`,
    );
  }
  fontCache = { bytes: readFileSync(found.path), postscriptName: found.postscriptName };
  return fontCache;
}

export interface PdfOptions {
  /** Add an uncompressed image of about this many bytes on the first page (to make big files). */
  padBytes?: number;
}

/**
 * A PDF with a real Chinese text layer, laid out like an official letter: A4, the title
 * centred, paragraphs with a two-character first-line indent, wrapped at the right margin,
 * pages numbered `— n —` at the bottom.
 */
export async function makePdf(lines: readonly string[], options: PdfOptions = {}): Promise<Buffer> {
  const { bytes, postscriptName } = cjkFont();
  const doc = await PDFDocument.create();
  // The parsed font is kept between documents: parsing the 20 MB collection is the slow part.
  doc.registerFontkit({
    create: (data: Uint8Array) => (parsedFont ??= fontkit.create(data, postscriptName)),
  });
  const font = await doc.embedFont(bytes, { subset: true });
  const [width, height] = [595, 842];
  const margin = 72;
  const size = 14;
  const lineHeight = 26;
  const usable = width - 2 * margin;
  const widths = new Map<string, number>();
  const charWidth = (ch: string): number => {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = font.widthOfTextAtSize(ch, size)));
    return w;
  };
  const pages: ReturnType<PDFDocument['addPage']>[] = [];
  let page = doc.addPage([width, height]);
  pages.push(page);
  let y = height - margin;
  const newLine = (): void => {
    y -= lineHeight;
    if (y < margin) {
      page = doc.addPage([width, height]);
      pages.push(page);
      y = height - margin;
    }
  };
  lines.forEach((text, index) => {
    if (index === 2 || (index === 0 && lines.length === 1)) {
      const w = font.widthOfTextAtSize(text, size);
      page.drawText(text, { x: Math.max(margin, (width - w) / 2), y, size, font });
      newLine();
      return;
    }
    const indent = index > 3 ? 2 * size : 0;
    let rest = text;
    let first = true;
    while (rest.length > 0) {
      const room = usable - (first ? indent : 0);
      let n = 1;
      let used = charWidth(rest[0] ?? '');
      while (n < rest.length && used + charWidth(rest[n] ?? '') <= room) used += charWidth(rest[n++] ?? '');
      page.drawText(rest.slice(0, n), { x: margin + (first ? indent : 0), y, size, font });
      rest = rest.slice(n);
      first = false;
      newLine();
    }
  });
  pages.forEach((p, i) => {
    const label = `— ${i + 1} —`;
    p.drawText(label, { x: (width - font.widthOfTextAtSize(label, 10)) / 2, y: 40, size: 10, font });
  });
  if (options.padBytes) {
    const side = Math.ceil(Math.sqrt(options.padBytes / 3));
    const image = doc.context.stream(Buffer.alloc(side * side * 3, 0xee), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: side,
      Height: side,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
    });
    const ref = doc.context.register(image);
    const first = pages[0];
    if (first) {
      const name = first.node.newXObject('Pad', ref);
      first.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(100, 0, 0, 100, width - 120, height - 120),
        drawObject(name),
        popGraphicsState(),
      );
    }
  }
  return Buffer.from(await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }));
}

/** A grey PNG with a dark band, encoded by hand (IHDR, IDAT, IEND). */
function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0xf0);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    if (y % 20 < 6 && width > 20) raw.fill(0x30, y * (width + 1) + 10, y * (width + 1) + width - 10);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A scanned letter: a PDF whose page is one image and has no text layer. */
export async function makeScannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const png = await doc.embedPng(makePng(400, 560));
  page.drawImage(png, { x: 50, y: 100, width: 495, height: 693 });
  return Buffer.from(await doc.save({ objectsPerTick: Infinity }));
}

// ---------------------------------------------------------------- html, mht, text

export interface HtmlPageOptions {
  /** The charset the page declares in its <meta>; default utf-8. */
  charset?: string;
  /** The page headline (h1); default the letter's title line. */
  headline?: string;
}

function htmlEscape(text: string): string {
  return xmlEscape(text).replace(/"/g, '&quot;');
}

/**
 * A letter as a government site publishes it: header and navigation, a 当前位置 breadcrumb,
 * the headline, the 索引号/发布机构/发布日期 metadata table, the letter in paragraphs indented
 * with full-width spaces, a print/close/share toolbar, 上一篇/下一篇, related links and the
 * site footer with copyright and ICP lines.
 */
export function makeHtmlPage(letterLines: readonly string[], options: HtmlPageOptions = {}): string {
  const charset = options.charset ?? 'utf-8';
  const headline = options.headline ?? letterLines.find((l) => /答复/.test(l)) ?? letterLines[0] ?? '';
  const paragraphs = letterLines
    .map((l) => `      <p style="text-indent:2em">&nbsp;&nbsp;\u3000\u3000${htmlEscape(l)}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${htmlEscape(headline)}_达州市人民政府</title>
<style>body { font-family: SimSun; } .nav li { display: inline; }</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head>
<body>
<div class="top-header">
  <div class="logo"><img src="logo.png" alt="达州市人民政府"></div>
  <div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div>
</div>
<div class="main-nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li>
  <li><a href="/hdjl">互动交流</a></li><li><a href="/zjdz">走进达州</a></li>
</ul></div>
<div class="wrapper">
  <div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/jyta">建议提案办理</a></div>
  <div class="left-column">
    <h3>信息公开目录</h3>
    <ul><li><a href="#">机构职能</a></li><li><a href="#">政策文件</a></li><li><a href="#">建议提案办理</a></li></ul>
  </div>
  <div class="article">
    <table class="xxgk-table">
      <tr><td>索引号：</td><td>11511700MB1234567X/2024-00123</td><td>发布机构：</td><td>中共达州市委组织部</td></tr>
      <tr><td>发布日期：</td><td>2024-06-25</td><td>主题分类：</td><td>建议提案办理</td></tr>
    </table>
    <h1 class="article-title">${htmlEscape(headline)}</h1>
    <div class="article-info">来源：市委组织部&#12288;发布时间：2024-06-25 09:30&#12288;浏览次数：1024&#12288;字号：【大 中 小】</div>
    <div class="article-content" id="zoom">
${paragraphs}
    </div>
    <div class="article-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
    <div class="bdshare">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
    <div class="prev-next">
      <p>上一篇：<a href="/a.html">关于对市政协五届四次会议第017号提案的答复</a></p>
      <p>下一篇：<a href="/b.html">关于对市政协五届四次会议第019号提案的答复</a></p>
    </div>
  </div>
</div>
<div class="footer">
  <p><a href="#">网站地图</a> | <a href="#">联系我们</a></p>
  <p>主办：达州市人民政府办公室&#12288;版权所有 © 2024 达州市人民政府</p>
  <p>蜀ICP备05003338号-1&#12288;川公网安备 51170202000123号&#12288;网站标识码：5117000001</p>
</div>
</body>
</html>
`;
}

export interface MhtOptions {
  transferEncoding?: 'quoted-printable' | 'base64';
  /** Charset of the HTML part; default utf-8. */
  charset?: string;
}

function quotedPrintable(bytes: Buffer): string {
  let out = '';
  let lineLength = 0;
  for (const byte of bytes) {
    let piece: string;
    if (byte === 0x0a) {
      out += '\r\n';
      lineLength = 0;
      continue;
    }
    if (byte === 0x0d) continue;
    if ((byte >= 33 && byte <= 126 && byte !== 61) || byte === 32) piece = String.fromCharCode(byte);
    else piece = `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (lineLength + piece.length > 75) {
      out += '=\r\n';
      lineLength = 0;
    }
    out += piece;
    lineLength += piece.length;
  }
  return out;
}

/** A web archive (.mht) as Internet Explorer / Word / Chrome save it: multipart/related MIME. */
export function makeMht(html: string, options: MhtOptions = {}): Buffer {
  const charset = options.charset ?? 'utf-8';
  const encoding = options.transferEncoding ?? 'quoted-printable';
  const bytes = charset === 'utf-8' ? Buffer.from(html, 'utf8') : iconv.encode(html, charset);
  const body =
    encoding === 'base64'
      ? (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')
      : quotedPrintable(bytes);
  const boundary = '----=_NextPart_000_0000_01DA1234.56789ABC';
  return Buffer.from(
    [
      'From: <Saved by Windows Internet Explorer 11>',
      'Subject: =?utf-8?B?' + Buffer.from('答复函', 'utf8').toString('base64') + '?=',
      'Date: Wed, 19 Jun 2024 10:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      '',
      'This is a multi-part message in MIME format.',
      '',
      `--${boundary}`,
      `Content-Type: text/html; charset="${charset}"`,
      `Content-Transfer-Encoding: ${encoding}`,
      'Content-Location: http://www.dazhou.gov.cn/zwgk/jyta/018.html',
      '',
      body,
      '',
      `--${boundary}`,
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: http://www.dazhou.gov.cn/logo.png',
      '',
      makePng(8, 8).toString('base64'),
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'latin1',
  );
}

export type TextEncodingName =
  'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-16le-bom';

/** Text in a given encoding, with CRLF line ends as Windows Notepad writes them. */
export function makeText(lines: readonly string[], encoding: TextEncodingName): Buffer {
  const text = lines.join('\r\n') + '\r\n';
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    default:
      return iconv.encode(text, encoding);
  }
}
