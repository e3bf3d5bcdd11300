import mammoth from 'mammoth';

/**
 * An opened .docx in the shape mammoth reads one through (its `{ file }` input: `exists` and
 * `read`; mammoth's own tests read documents this way, though its typings list only path and
 * buffer). Parts come from the zip-bomb guard, which decompresses each one mammoth reads with
 * node:zlib under its size limit, so mammoth's JavaScript unzip (JSZip + pako) never runs.
 */
interface MammothDocxFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Buffer | string>;
}

const extractRawTextFromFile = mammoth.extractRawText as unknown as (input: {
  file: MammothDocxFile;
}) => Promise<{ value: string }>;

/**
 * Parts mammoth parses for HTML conversion but that never reach its raw text (which is the
 * paragraphs, runs and tabs of the main document): style names, list numbering, footnotes,
 * endnotes, comments. Parsing them is a third of mammoth's XML work for a typical letter.
 */
const PARTS_RAW_TEXT_IGNORES = new Set([
  'word/styles.xml',
  'word/numbering.xml',
  'word/footnotes.xml',
  'word/endnotes.xml',
  'word/comments.xml',
]);

/** The raw text of a .docx with mammoth, from its entry names and a reader of its parts. */
export async function docxRawText(
  names: ReadonlySet<string>,
  readPart: (name: string) => Promise<Buffer>,
): Promise<string> {
  const file: MammothDocxFile = {
    exists: (name) => names.has(name) && !PARTS_RAW_TEXT_IGNORES.has(name),
    read: async (name, encoding) => {
      const data = await readPart(name);
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
  const result = await extractRawTextFromFile({ file });
  return result.value;
}
