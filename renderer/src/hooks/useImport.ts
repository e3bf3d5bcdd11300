import { useCallback, useEffect, useState } from 'react';
import type { ImportLogEntry, ImportProgress } from '../../../shared/domain';
import { errorMessage, getHostFiles, getHuihan } from '../huihan';

export interface ImportView {
  progress: ImportProgress | null;
  report: ImportLogEntry | null;
  error: string | null;
  running: boolean;
  importFiles: (files: File[]) => void;
  cancel: () => void;
  dismissReport: () => void;
}

/** One import at a time: files → host paths → importPaths, progress from events, the report at the end. */
export function useImport(onFinished: () => void): ImportView {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportLogEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  useEffect(() => {
    const huihan = getHuihan();
    return huihan?.on('import-progress', (event) => {
      setProgress(event);
      if (!event.finished) return;
      setJobId(null);
      huihan.listImports({ limit: 5 }).then(
        (entries) => setReport(entries.find((entry) => entry.jobId === event.jobId) ?? null),
        (reason: unknown) => setError(errorMessage(reason)),
      );
      onFinished();
    });
  }, [onFinished]);

  const importFiles = useCallback((files: File[]) => {
    const huihan = getHuihan();
    const hostFiles = getHostFiles();
    if (!huihan || !hostFiles || files.length === 0) return;
    setError(null);
    setReport(null);
    setProgress(null);
    hostFiles
      .toImportPaths(files)
      .then((paths) => {
        if (paths.length === 0) throw new Error('没有可以导入的文件。');
        return huihan.importPaths({ paths });
      })
      .then(
        (job) => setJobId(job.jobId),
        (reason: unknown) => setError(errorMessage(reason)),
      );
  }, []);

  const cancel = useCallback(() => {
    if (jobId) void getHuihan()?.cancelImport({ jobId });
  }, [jobId]);

  const running = progress !== null && !progress.finished;
  return {
    progress,
    report,
    error,
    running: running || jobId !== null,
    importFiles,
    cancel,
    dismissReport: () => {
      setReport(null);
      setProgress(null);
    },
  };
}
