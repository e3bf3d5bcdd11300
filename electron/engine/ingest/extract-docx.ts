import type { Entry } from 'yauzl';
import { docxRawText } from './docx-parts';
import { toParagraphLines } from './paragraphs';
import { IngestError } from './types';
import {
  ZIP_LIMITS,
  closeZip,
  entryName,
  hasAbsurdRatio,
  openZipBuffer,
  inflateZipEntry,
  zipBombError,
  zipEntries,
} from './zip';

/** What a zip archive holds, as far as telling a Word document from other zips goes. */
export interface OfficeZip {
  kind: 'docx' | 'xlsx' | 'pptx' | 'odf' | 'zip';
  /** Every entry name. */
  names: ReadonlySet<string>;
  /**
   * Decompresses one XML part (once; later calls share it), refusing (zip_bomb) once all the parts
   * decompressed so far pass 200 MB, whatever the headers claim.
   */
  readPart(name: string): Promise<Buffer>;
}

/**
 * Opens a .docx (or another office zip) held in memory and checks its central directory before
 * anything is decompressed: refuses (zip_bomb) a total declared size over 200 MB or an absurd
 * compression ratio. Parts are decompressed only when read, each under what is left of the same
 * limit (headers can lie), so the document is unzipped once, and only the parts its text needs.
 * The zip stays open while `use` runs.
 */
export async function withOfficeZip<T>(bytes: Buffer, use: (zip: OfficeZip) => Promise<T>): Promise<T> {
  let zip;
  try {
    zip = await openZipBuffer(bytes);
  } catch (err) {
    throw new IngestError('corrupt', '文件已损坏或不是 Word 文档：无法打开其中的压缩结构。', { cause: err });
  }
  try {
    const entries = new Map<string, Entry>();
    let total = 0;
    try {
      for await (const entry of zipEntries(zip)) {
        entries.set(entryName(entry), entry);
        total += entry.uncompressedSize;
        if (total > ZIP_LIMITS.docxBytes || hasAbsurdRatio(entry)) throw zipBombError();
      }
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw new IngestError('corrupt', '文件已损坏或不是 Word 文档：其中的压缩结构无法读取。', {
        cause: err,
      });
    }
    const names = new Set(entries.keys());
    const kind: OfficeZip['kind'] = names.has('word/document.xml')
      ? 'docx'
      : names.has('xl/workbook.xml')
        ? 'xlsx'
        : names.has('ppt/presentation.xml')
          ? 'pptx'
          : names.has('content.xml') && names.has('mimetype')
            ? 'odf'
            : 'zip';
    const opened = zip;
    const read = new Map<string, Promise<Buffer>>();
    let inflated = 0;
    const inflate = async (entry: Entry): Promise<Buffer> => {
      const left = ZIP_LIMITS.docxBytes - inflated;
      const data = await inflateZipEntry(opened, bytes, entry, left);
      if (data.length > left) throw zipBombError();
      inflated += data.length;
      return data;
    };
    const readPart = (name: string): Promise<Buffer> => {
      const entry = entries.get(name);
      if (!entry || !/\.(?:xml|rels)$/i.test(name)) {
        return Promise.reject(new IngestError('corrupt', '文件已损坏或不是 Word 文档：缺少其中的正文部分。'));
      }
      let part = read.get(name);
      if (!part) {
        part = inflate(entry);
        read.set(name, part);
      }
      return part;
    };
    return await use({ kind, names, readPart });
  } finally {
    closeZip(zip);
  }
}

/** The paragraphs of a Word document opened by withOfficeZip, one per line. */
export async function extractDocx(docx: OfficeZip): Promise<string> {
  try {
    return toParagraphLines(await docxRawText(docx.names, docx.readPart));
  } catch (err) {
    // A part past the size limit stays a zip bomb; anything else mammoth trips on is a damaged file.
    if (err instanceof IngestError) throw err;
    throw new IngestError('corrupt', '文件已损坏或不是 Word 文档：无法读取其中的正文。', { cause: err });
  }
}
