import { useCallback, useState } from 'react';
import type { ExportDestination, ExportDestinationKind } from '../../../shared/domain';
import { errorMessage, getHuihan } from '../huihan';
import { errorCode } from './destination';

export type SavePhase<T> =
  | { kind: 'idle' }
  | { kind: 'working'; destination: ExportDestination | null }
  | { kind: 'asking'; destination: ExportDestination; question: string }
  | { kind: 'done'; destination: ExportDestination; result: T }
  | { kind: 'error'; message: string };

export interface SaveFlow<T> {
  phase: SavePhase<T>;
  /** Asks the host where to save (the system dialog, or the exports folder under `suggestedName`), then saves. */
  start: (kind: ExportDestinationKind, suggestedName: string) => void;
  /** The user answered 覆盖 to 确认覆盖？: saves again, replacing the file. */
  confirmOverwrite: () => void;
  reset: () => void;
}

/**
 * Saving anything to a place the user chooses (an export, the ledger, a backup): ask the host for the
 * destination, save, and when the file exists ask 确认覆盖？ — only a yes sends `overwrite: true`.
 */
export function useSaveFlow<T>(
  save: (destination: ExportDestination, overwrite: boolean) => Promise<T>,
  /** Set for what never replaces a file (a backup): "exists" is then an error to rename, not a question. */
  neverOverwrite?: string,
): SaveFlow<T> {
  const [phase, setPhase] = useState<SavePhase<T>>({ kind: 'idle' });

  const run = useCallback(
    (destination: ExportDestination, overwrite: boolean) => {
      setPhase({ kind: 'working', destination });
      save(destination, overwrite).then(
        (result) => setPhase({ kind: 'done', destination, result }),
        (reason: unknown) => {
          const exists = errorCode(reason) === 'already_exists';
          if (exists && neverOverwrite) setPhase({ kind: 'error', message: neverOverwrite });
          else if (exists && !overwrite)
            setPhase({ kind: 'asking', destination, question: errorMessage(reason) });
          else setPhase({ kind: 'error', message: errorMessage(reason) });
        },
      );
    },
    [save, neverOverwrite],
  );

  const start = useCallback(
    (kind: ExportDestinationKind, suggestedName: string) => {
      const huihan = getHuihan();
      if (!huihan) {
        setPhase({ kind: 'error', message: '回函档案服务不可用。' });
        return;
      }
      setPhase({ kind: 'working', destination: null });
      huihan.chooseExportDestination({ kind, suggestedName }).then(
        (destination) => {
          if (destination) run(destination, destination.overwriteConfirmed);
          else setPhase({ kind: 'idle' });
        },
        (reason: unknown) => setPhase({ kind: 'error', message: errorMessage(reason) }),
      );
    },
    [run],
  );

  const confirmOverwrite = useCallback(() => {
    if (phase.kind === 'asking') run(phase.destination, true);
  }, [phase, run]);

  return { phase, start, confirmOverwrite, reset: () => setPhase({ kind: 'idle' }) };
}
