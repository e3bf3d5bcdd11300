/** The file formats the archive reads letters from. */
export type LetterFormat = 'txt' | 'docx' | 'doc' | 'wps' | 'pdf' | 'html' | 'mht';

/** The text of one letter read from a file, paragraphs kept as lines. */
export interface ExtractedText {
  text: string;
  format: LetterFormat;
  /** For text files: the encoding detected (utf-8, gb18030, utf-16le …). */
  encoding?: string;
}

/** Why a file could not be read; `reason` is a Chinese sentence for the user (shown in the import report). */
export type IngestFailure =
  'empty' | 'unsupported' | 'corrupt' | 'scanned_pdf' | 'too_large' | 'zip_bomb' | 'unreadable' | 'no_text';

export class IngestError extends Error {
  constructor(
    readonly failure: IngestFailure,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'IngestError';
  }
}

/** One file found under the paths the user chose: on disk, or inside a .zip. */
export interface SourceFile {
  /** What the user reads in the report: the path on disk, or `archive.zip › folder/file.docx`. */
  displayPath: string;
  /** The file's own name (for the archive's record and export names). */
  name: string;
  /** The path on disk (of the zip, for entries inside one). */
  diskPath: string;
  /** Size in bytes, as known before reading (uncompressed size for zip entries). */
  size: number;
  /** Reads the bytes; throws IngestError (too_large, zip_bomb, unreadable …) with a Chinese reason. */
  read(): Promise<Buffer>;
}

/** A path the user chose that could not be walked (missing, unreadable, a broken zip …). */
export interface SourceProblem {
  displayPath: string;
  reason: string;
}
