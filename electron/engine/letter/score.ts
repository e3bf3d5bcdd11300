import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LETTER_FIELD_KEYS } from '../../../shared/letter-fields';
import type { LetterFieldKey } from '../../../shared/letter-fields';
import { parseLetter } from './parse-letter';

export interface FieldScore {
  field: LetterFieldKey;
  right: number;
  total: number;
  pct: number;
}

export interface Mismatch {
  file: string;
  field: LetterFieldKey;
  expected: unknown;
  got: unknown;
}

export interface ScoreReport {
  letters: number;
  fields: FieldScore[];
  right: number;
  total: number;
  pct: number;
  mismatches: Mismatch[];
}

function norm(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(norm);
  return v ?? null;
}

/** True when a parsed value equals the ground truth (strings trimmed; lists in order). */
export function sameValue(expected: unknown, got: unknown): boolean {
  return JSON.stringify(norm(expected)) === JSON.stringify(norm(got));
}

const pct = (right: number, total: number): number =>
  total === 0 ? 100 : Math.round((1000 * right) / total) / 10;

/** Scores parseLetter on `<corpusDir>/letters/NNN.txt` against `NNN.json`. */
export function scoreCorpus(corpusDir: string): ScoreReport {
  return scoreFolder(path.join(corpusDir, 'letters'));
}

/** Scores parseLetter on every `NNN.txt` of a folder against its `NNN.json`. */
export function scoreFolder(dir: string): ScoreReport {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  const counts = new Map<LetterFieldKey, number>(LETTER_FIELD_KEYS.map((k) => [k, 0]));
  const mismatches: Mismatch[] = [];
  let letters = 0;
  for (const file of files) {
    const jsonPath = path.join(dir, file.replace(/\.txt$/, '.json'));
    if (!existsSync(jsonPath)) continue;
    const truth = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>;
    const parsed = parseLetter(readFileSync(path.join(dir, file), 'utf8'));
    letters++;
    for (const key of LETTER_FIELD_KEYS) {
      const expected = truth[key] ?? null;
      const got = parsed[key];
      if (sameValue(expected, got)) counts.set(key, (counts.get(key) ?? 0) + 1);
      else mismatches.push({ file, field: key, expected, got });
    }
  }
  const fields = LETTER_FIELD_KEYS.map((field) => {
    const right = counts.get(field) ?? 0;
    return { field, right, total: letters, pct: pct(right, letters) };
  });
  const right = fields.reduce((s, f) => s + f.right, 0);
  const total = letters * LETTER_FIELD_KEYS.length;
  return { letters, fields, right, total, pct: pct(right, total), mismatches };
}

/** The report as a fixed-width table (one row per field, then the overall score). */
export function formatReport(report: ScoreReport): string {
  const rows = [`letters: ${report.letters}`, 'field                 right/total      %'];
  for (const f of report.fields) {
    rows.push(
      `${f.field.padEnd(20)}  ${`${f.right}/${f.total}`.padStart(11)}  ${f.pct.toFixed(1).padStart(5)}`,
    );
  }
  rows.push(
    `${'overall'.padEnd(20)}  ${`${report.right}/${report.total}`.padStart(11)}  ${report.pct.toFixed(1).padStart(5)}`,
  );
  return rows.join('\n');
}
