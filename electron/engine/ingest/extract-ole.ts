import WordExtractor from 'word-extractor';
import { toParagraphLines } from './paragraphs';
import { IngestError } from './types';

const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * The paragraphs of a legacy Word binary (.doc) or WPS file (an OLE2 compound file), one per
 * line. A password-protected .docx is an OLE2 file too (holding an EncryptedPackage stream)
 * and is reported as such.
 */
export async function extractOle(bytes: Buffer, label: 'doc' | 'wps'): Promise<string> {
  if (bytes.includes(ENCRYPTED_PACKAGE)) {
    throw new IngestError(
      'unreadable',
      '这份 Word 文档设有打开密码，无法读取。请在 Word 中取消密码后再导入。',
    );
  }
  const what = label === 'wps' ? 'WPS 文档' : 'Word 文档（.doc）';
  let body: string;
  try {
    const document = await new WordExtractor().extract(bytes);
    body = document.getBody({ filterUnicode: false });
  } catch (err) {
    throw new IngestError(
      'corrupt',
      `文件已损坏或不是可以读取的${what}。可在 Word 或 WPS 中打开后另存为 .docx 再导入。`,
      { cause: err },
    );
  }
  return toParagraphLines(body);
}
