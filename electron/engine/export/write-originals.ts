import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api-error';
import type { LetterCorrections } from '../../../shared/domain';
import type { LetterFields } from '../../../shared/letter-fields';
import { effectiveFields } from '../records/effective-fields';
import { originalPath } from '../store/originals';
import { readableOriginalName, UniqueNames } from './file-names';
import { assertCanWrite, assertInside, throwIfCancelled, writeAtomically } from './safe-output';
import { writeZip } from './zip-write';

/** One original to export: where it is stored and the readable name it gets. */
export interface PlannedOriginal {
  letterId: number;
  source: string;
  name: string;
}

/** Readable, unique names for the originals of `ids` (in that order), each pointing at its stored file. */
export function planOriginals(db: Database, archiveDir: string, ids: readonly number[]): PlannedOriginal[] {
  const read = db.prepare(
    'SELECT sha256, file_name, parsed_json, corrections_json FROM letters WHERE id = ?',
  );
  const names = new UniqueNames();
  return ids.map((id) => {
    const row = read.get(id) as {
      sha256: string;
      file_name: string;
      parsed_json: string;
      corrections_json: string;
    };
    const fields = effectiveFields(
      JSON.parse(row.parsed_json) as LetterFields,
      JSON.parse(row.corrections_json) as LetterCorrections,
    );
    const name = names.claim(
      readableOriginalName({
        proposalNumber: fields.proposal_number,
        issuer: fields.issuer,
        docNumber: fields.doc_number,
        fileName: row.file_name,
      }),
    );
    return { letterId: id, source: originalPath(archiveDir, row.sha256), name };
  });
}

function assertSourcesExist(plan: readonly PlannedOriginal[]): void {
  const missing = plan.filter((item) => !existsSync(item.source));
  if (missing.length > 0) {
    throw new ApiError(
      'not_found',
      `归档中缺少 ${missing.length} 份原件（例如「${missing[0]?.name ?? ''}」），无法导出原件。`,
    );
  }
}

/** Before anything is written: every target inside the folder, none existing unless overwrite. */
export function checkOriginalsFolder(
  folder: string,
  plan: readonly PlannedOriginal[],
  overwrite: boolean,
): void {
  const clashes: string[] = [];
  for (const item of plan) {
    const target = assertInside(folder, join(folder, item.name));
    if (existsSync(target)) clashes.push(item.name);
  }
  if (clashes.length > 0 && !overwrite) {
    throw new ApiError(
      'already_exists',
      `所选文件夹中已有 ${clashes.length} 个同名文件（如「${clashes[0]}」）。是否覆盖？如要覆盖，请确认后重新导出（overwrite）。`,
    );
  }
  for (const name of clashes) assertCanWrite(join(folder, name), true);
}

/** Copies each original into `folder` under its readable name, each atomically (temp + rename). */
export async function copyOriginalsToFolder(
  plan: readonly PlannedOriginal[],
  folder: string,
  options: { overwrite: boolean; signal?: AbortSignal; onProgress?: (done: number) => void },
): Promise<void> {
  assertSourcesExist(plan);
  checkOriginalsFolder(folder, plan, options.overwrite);
  let done = 0;
  for (const item of plan) {
    throwIfCancelled(options.signal);
    const target = assertInside(folder, join(folder, item.name));
    await writeAtomically(target, (temporary) => copyFile(item.source, temporary), options);
    done += 1;
    options.onProgress?.(done);
  }
}

/** Writes every original into one .zip at `target` (written beside it as a temp file, then renamed). */
export async function writeOriginalsZip(
  plan: readonly PlannedOriginal[],
  target: string,
  options: { overwrite: boolean; signal?: AbortSignal; onProgress?: (done: number) => void },
): Promise<void> {
  assertSourcesExist(plan);
  await writeAtomically(
    target,
    (temporary) =>
      writeZip(
        temporary,
        plan.map((item) => ({ name: item.name, file: item.source })),
        { signal: options.signal, onEntry: options.onProgress },
      ),
    options,
  );
}
