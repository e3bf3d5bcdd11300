import type { ExportLetter } from './export-letters';
import { writeBytesAtomically } from './safe-output';

export const JSON_EXPORT_FORMAT = 'huihan-letters';
export const JSON_EXPORT_VERSION = 1;

/** The interchange document: every field (parsed, corrections, effective), tags, commitments with follow-ups, text. */
export interface LettersJson {
  format: typeof JSON_EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  count: number;
  letters: Array<{
    id: number;
    sha256: string;
    fileName: string;
    format: string;
    importedAt: string;
    topic: string | null;
    parsed: ExportLetter['parsed'];
    corrections: ExportLetter['corrections'];
    effective: ExportLetter['effective'];
    tags: string[];
    commitments: ExportLetter['commitments'];
    sections: ExportLetter['sections'];
    warnings: string[];
    text: string;
  }>;
}

export function lettersJson(letters: ExportLetter[], now: Date): LettersJson {
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    count: letters.length,
    letters: letters.map((letter) => ({
      id: letter.id,
      sha256: letter.sha256,
      fileName: letter.fileName,
      format: letter.format,
      importedAt: letter.importedAt,
      topic: letter.topic,
      parsed: letter.parsed,
      corrections: letter.corrections,
      effective: letter.effective,
      tags: letter.tags,
      commitments: letter.commitments,
      sections: letter.sections,
      warnings: letter.warnings,
      text: letter.text,
    })),
  };
}

export async function writeLettersJson(
  letters: ExportLetter[],
  target: string,
  options: { now: Date; overwrite: boolean; signal?: AbortSignal },
): Promise<void> {
  await writeBytesAtomically(
    target,
    `${JSON.stringify(lettersJson(letters, options.now), null, 2)}\n`,
    options,
  );
}
