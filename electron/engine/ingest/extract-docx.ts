import mammoth from 'mammoth';
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
export interface ZipKind {
  kind: 'docx' | 'xlsx' | 'pptx' | 'odf' | 'zip';
}

/**
 * Checks a .docx's central directory before anything decompresses it: refuses (zip_bomb) a
 * total uncompressed size over 200 MB or an absurd compression ratio, and verifies the real
 * size of every XML part by decompressing it under the same limit (headers can lie; the
 * library that reads the document would trust them). Returns what kind of zip it is.
 */
export async function inspectOfficeZip(bytes: Buffer): Promise<ZipKind> {
  let zip;
  try {
    zip = await openZipBuffer(bytes);
  } catch (err) {
    throw new IngestError('corrupt', '文件已损坏或不是 Word 文档：无法打开其中的压缩结构。', { cause: err });
  }
  try {
    const names = new Set<string>();
    const parts = [];
    let total = 0;
    try {
      for await (const entry of zipEntries(zip)) {
        const name = entryName(entry);
        names.add(name);
        total += entry.uncompressedSize;
        if (total > ZIP_LIMITS.docxBytes || hasAbsurdRatio(entry)) throw zipBombError();
        if (/\.(?:xml|rels)$/i.test(name)) parts.push(entry);
      }
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw new IngestError('corrupt', '文件已损坏或不是 Word 文档：其中的压缩结构无法读取。', {
        cause: err,
      });
    }
    const kind: ZipKind['kind'] = names.has('word/document.xml')
      ? 'docx'
      : names.has('xl/workbook.xml')
        ? 'xlsx'
        : names.has('ppt/presentation.xml')
          ? 'pptx'
          : names.has('content.xml') && names.has('mimetype')
            ? 'odf'
            : 'zip';
    if (kind === 'docx') {
      let real = 0;
      for (const entry of parts) {
        const data = await inflateZipEntry(zip, bytes, entry, ZIP_LIMITS.docxBytes - real);
        if (data.length > ZIP_LIMITS.docxBytes - real) throw zipBombError();
        real += data.length;
      }
    }
    return { kind };
  } finally {
    closeZip(zip);
  }
}

/** The paragraphs of a .docx (already inspected), one per line. */
export async function extractDocx(bytes: Buffer): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return toParagraphLines(result.value);
  } catch (err) {
    throw new IngestError('corrupt', '文件已损坏或不是 Word 文档：无法读取其中的正文。', { cause: err });
  }
}
