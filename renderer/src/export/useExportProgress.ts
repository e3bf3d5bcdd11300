import { useEffect, useState } from 'react';
import type { ExportProgress } from '../../../shared/domain';
import { getHuihan } from '../huihan';

/**
 * The latest export-progress event of `jobId`. Events are kept by job from the moment this mounts, so
 * one that arrives before exportLetters has answered with the job id is not lost.
 */
export function useExportProgress(jobId: string | null): ExportProgress | null {
  const [events, setEvents] = useState<Readonly<Record<string, ExportProgress>>>({});
  useEffect(
    () =>
      getHuihan()?.on('export-progress', (event) =>
        setEvents((previous) => ({ ...previous, [event.jobId]: event })),
      ),
    [],
  );
  return jobId === null ? null : (events[jobId] ?? null);
}
