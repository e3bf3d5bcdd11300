import { useCallback, useRef, useState } from 'react';
import type { MethodResults } from '../../../shared/api';
import type { ExportDestination } from '../../../shared/domain';
import { errorMessage, getHostFiles, getHuihan } from '../huihan';
import { fileStamp, useDestinationMode } from '../export/destination';
import { useSaveFlow } from '../export/save-flow';
import { ModalDialog } from './ModalDialog';
import { SaveFlowNotices, SavedFile } from './SaveOutcome';

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 备份档案… / 恢复备份…: the whole archive (database, originals, dictionary) into one .huihan file, and
 * back from one into an archive that holds no letters yet.
 */
export function ArchiveBackup({
  letterCount,
  onRestored,
}: {
  letterCount: number | null;
  onRestored: () => void;
}) {
  const [open, setOpen] = useState<'backup' | 'restore' | null>(null);
  return (
    <div className="archive-tools" role="group" aria-label="档案备份">
      <button type="button" className="nav-item" onClick={() => setOpen('backup')}>
        备份档案…
      </button>
      <button type="button" className="nav-item" onClick={() => setOpen('restore')}>
        恢复备份…
      </button>
      {open === 'backup' && <BackupDialog letterCount={letterCount} onClose={() => setOpen(null)} />}
      {open === 'restore' && (
        <RestoreDialog letterCount={letterCount} onRestored={onRestored} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}

function BackupDialog({ letterCount, onClose }: { letterCount: number | null; onClose: () => void }) {
  const { mode, error: modeError } = useDestinationMode();
  const [fileName, setFileName] = useState(`回函档案备份-${fileStamp()}`);
  const save = useCallback((destination: ExportDestination): Promise<MethodResults['backupArchive']> => {
    const huihan = getHuihan();
    if (!huihan) return Promise.reject(new Error('回函档案服务不可用。'));
    return huihan.backupArchive({ destination: destination.path });
  }, []);
  const flow = useSaveFlow(save, '同名的备份文件已存在。备份不会覆盖已有的文件，请换一个文件名后再备份。');
  const { phase } = flow;
  return (
    <ModalDialog title="备份档案" onClose={onClose}>
      <p className="export-what">
        把整个档案{letterCount === null ? '' : `（${letterCount} 封回函）`}
        的数据库、原件和词典保存为一个备份文件（.huihan），可在另一台电脑或新的空档案中恢复。
      </p>
      {mode === 'download' && (
        <label>
          文件名
          <input
            aria-label="文件名"
            value={fileName}
            maxLength={200}
            disabled={phase.kind === 'working' || phase.kind === 'done'}
            onChange={(event) => setFileName(event.target.value)}
          />
        </label>
      )}
      {modeError && <p role="alert">{modeError}</p>}
      <SaveFlowNotices flow={flow} />
      {phase.kind === 'working' && <p role="status">正在备份，档案较大时需要一些时间…</p>}
      {phase.kind === 'done' && (
        <SavedFile
          destination={phase.destination}
          summary={`备份完成（${formatBytes(phase.result.bytes)}）。请把备份文件保存到安全的地方。`}
        />
      )}
      <footer className="modal-actions">
        {phase.kind !== 'done' && (
          <button
            type="button"
            className="primary"
            disabled={mode === null || phase.kind === 'working'}
            onClick={() => flow.start('backup', fileName.trim() || '回函档案备份')}
          >
            {mode === 'native' ? '备份…' : '备份'}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={phase.kind === 'working'}>
          关闭
        </button>
      </footer>
    </ModalDialog>
  );
}

type RestoreState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; letterCount: number }
  | { kind: 'error'; message: string };

function RestoreDialog({
  letterCount,
  onRestored,
  onClose,
}: {
  letterCount: number | null;
  onRestored: () => void;
  onClose: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  // Once restored, the archive holds letters: that is the result, not a reason to refuse.
  const occupied = letterCount !== null && letterCount > 0 && state.kind === 'idle';
  const restore = () => {
    const huihan = getHuihan();
    const hostFiles = getHostFiles();
    if (!file || !huihan || !hostFiles) return;
    setState({ kind: 'working' });
    hostFiles
      .toLocalFile(file)
      .then((source) => huihan.restoreArchive({ source }))
      // The backup's dictionary and topic rules become this host's settings (it applies them to the engine).
      .then(async (result) => {
        if (result.settings) await huihan.updateSettings(result.settings);
        return result;
      })
      .then(
        (result) => {
          setState({ kind: 'done', letterCount: result.letterCount });
          onRestored();
        },
        (reason: unknown) => setState({ kind: 'error', message: errorMessage(reason) }),
      );
  };
  return (
    <ModalDialog title="恢复备份" onClose={state.kind === 'working' ? () => undefined : onClose}>
      <p className="export-what">从备份文件（.huihan）恢复整个档案：回函、更正、标签、承诺事项和原件。</p>
      {occupied ? (
        <p role="alert">
          当前档案已有 {letterCount}{' '}
          封回函，只能恢复到空的档案，以免覆盖现有内容。请先换用一个空的档案文件夹，再恢复备份。
        </p>
      ) : (
        <div className="restore-file">
          <button
            type="button"
            disabled={state.kind === 'working' || state.kind === 'done'}
            onClick={() => fileInput.current?.click()}
          >
            选择备份文件…
          </button>
          <span className={file ? 'save-path' : 'muted'}>{file ? file.name : '尚未选择备份文件'}</span>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="选择备份文件"
            accept=".huihan,.zip"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setState({ kind: 'idle' });
              event.target.value = '';
            }}
          />
        </div>
      )}
      {state.kind === 'error' && (
        <p className="save-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'working' && <p role="status">正在恢复，请稍候…</p>}
      {state.kind === 'done' && (
        <p className="save-result" role="status">
          已恢复 {state.letterCount} 封回函。
        </p>
      )}
      <footer className="modal-actions">
        {state.kind !== 'done' && !occupied && (
          <button
            type="button"
            className="primary"
            disabled={file === null || state.kind === 'working'}
            onClick={restore}
          >
            恢复
          </button>
        )}
        <button type="button" onClick={onClose} disabled={state.kind === 'working'}>
          关闭
        </button>
      </footer>
    </ModalDialog>
  );
}
