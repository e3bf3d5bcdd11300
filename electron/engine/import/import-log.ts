import type { Database } from 'better-sqlite3';
import type { ImportFileReport, ImportLogEntry, ImportOutcome } from '../../../shared/domain';
import { statement } from '../store/statements';

export type ImportJobState = 'running' | 'finished' | 'cancelled' | 'interrupted';

/** The archive's record of every import (导入记录): one row per job, one per file. */
export function recordJobStart(db: Database, jobId: string, paths: string[], startedAt: string): void {
  statement(db, 'INSERT INTO import_jobs (job_id, started_at, state, paths_json) VALUES (?, ?, ?, ?)').run(
    jobId,
    startedAt,
    'running',
    JSON.stringify(paths),
  );
}

export function recordJobEnd(db: Database, jobId: string, state: ImportJobState, finishedAt: string): void {
  statement(db, 'UPDATE import_jobs SET state = ?, finished_at = ? WHERE job_id = ?').run(
    state,
    finishedAt,
    jobId,
  );
}

export function recordFile(
  db: Database,
  jobId: string,
  seq: number,
  file: string,
  outcome: ImportOutcome,
  letterId: number | null,
  reason: string | null,
): void {
  statement(
    db,
    'INSERT INTO import_files (job_id, seq, file, outcome, letter_id, reason) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(jobId, seq, file, outcome, letterId, reason);
}

/** Jobs left 'running' by an engine that died: marked interrupted when the archive opens again. */
export function markInterruptedJobs(db: Database, at: string): number {
  return statement(
    db,
    "UPDATE import_jobs SET state = 'interrupted', finished_at = ? WHERE state = 'running'",
  ).run(at).changes;
}

interface JobRow {
  job_id: string;
  started_at: string;
  finished_at: string | null;
  state: ImportJobState;
}

export function listImportLog(db: Database, limit: number): ImportLogEntry[] {
  const jobs = statement(
    db,
    'SELECT job_id, started_at, finished_at, state FROM import_jobs ORDER BY started_at DESC LIMIT ?',
  ).all(limit) as JobRow[];
  const files = statement(
    db,
    'SELECT file, outcome, letter_id AS letterId, reason FROM import_files WHERE job_id = ? ORDER BY seq',
  );
  return jobs.map((job) => {
    const reports = files.all(job.job_id) as ImportFileReport[];
    const count = (outcome: ImportOutcome) => reports.filter((report) => report.outcome === outcome).length;
    return {
      jobId: job.job_id,
      startedAt: job.started_at,
      finishedAt: job.finished_at,
      state: job.state,
      imported: count('imported'),
      duplicates: count('duplicate'),
      failed: count('failed'),
      files: reports,
    };
  });
}
