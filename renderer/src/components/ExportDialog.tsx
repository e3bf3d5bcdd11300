import { useCallback, useState } from 'react';
import type { ExportDestination, ExportFormat } from '../../../shared/domain';
import { getHuihan } from '../huihan';
import { useDestinationMode } from '../export/destination';
import {
  DEFAULT_TITLE,
  FORMAT_CHOICES,
  orderChoices,
  suggestedFileName,
  type ExportOrder,
} from '../export/export-options';
import { useSaveFlow } from '../export/save-flow';
import { useExportProgress } from '../export/useExportProgress';
import { ModalDialog } from './ModalDialog';
import { SaveFlowNotices, SavedFile } from './SaveOutcome';

export type ExportSelection = { ids: number[] } | { query: string };

interface ExportDialogProps {
  selection: ExportSelection;
  /** What is exported, in words: 已选 3 封回函, 搜索「人才」的全部 12 封结果… */
  description: string;
  onClose: () => void;
}

/**
 * 导出: the chosen letters (or every result of a search) as a Word compilation, an Excel summary, CSV,
 * JSON or the originals, with progress and 取消, asking before replacing a file.
 */
export function ExportDialog({ selection, description, onClose }: ExportDialogProps) {
  const { mode, error: modeError } = useDestinationMode();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [order, setOrder] = useState<ExportOrder>('session');
  const [title, setTitle] = useState(DEFAULT_TITLE);
  const [fileName, setFileName] = useState<string | null>(null);
  const shownName = fileName ?? suggestedFileName(format, title);

  const save = useCallback(
    (destination: ExportDestination, overwrite: boolean) => {
      const huihan = getHuihan();
      if (!huihan) return Promise.reject(new Error('回函档案服务不可用。'));
      return huihan.exportLetters({
        selection,
        format,
        destination: destination.path,
        title: format === 'docx' ? title.trim() || DEFAULT_TITLE : undefined,
        order,
        overwrite,
      });
    },
    [selection, format, title, order],
  );
  const flow = useSaveFlow(save);
  const { phase } = flow;
  const jobId = phase.kind === 'done' ? phase.result.jobId : null;
  const progress = useExportProgress(jobId);
  const exporting = jobId !== null && !progress?.finished;
  const busy = phase.kind === 'working' || exporting;
  const settled = phase.kind === 'done' && progress?.finished === true;
  const locked = busy || phase.kind === 'done' || phase.kind === 'asking';

  const cancel = () => {
    if (jobId) void getHuihan()?.cancelExport({ jobId });
  };
  const startExport = () => flow.start(format, shownName.trim() || suggestedFileName(format, title));

  return (
    <ModalDialog title="导出回函" className="export-dialog" onClose={exporting ? cancel : onClose}>
      <p className="export-what">{description}</p>
      <fieldset className="export-formats" disabled={locked}>
        <legend>格式</legend>
        {FORMAT_CHOICES.map((choice) => (
          <label key={choice.format} className="export-format">
            <input
              type="radio"
              name="export-format"
              value={choice.format}
              checked={format === choice.format}
              onChange={() => setFormat(choice.format)}
            />
            <span>{choice.label}</span>
            <span className="muted"> — {choice.hint}</span>
          </label>
        ))}
      </fieldset>
      <div className="export-fields">
        <label>
          顺序
          <select
            aria-label="顺序"
            value={order}
            disabled={locked}
            onChange={(event) => setOrder(event.target.value as ExportOrder)}
          >
            {orderChoices('ids' in selection).map((choice) => (
              <option key={choice.order} value={choice.order}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        {format === 'docx' && (
          <label>
            汇编标题
            <input
              aria-label="汇编标题"
              value={title}
              maxLength={200}
              disabled={locked}
              onChange={(event) => setTitle(event.target.value)}
            />
          </label>
        )}
        {mode === 'download' && (
          <label>
            {format === 'originals' ? '文件夹名' : '文件名'}
            <input
              aria-label={format === 'originals' ? '文件夹名' : '文件名'}
              value={shownName}
              maxLength={200}
              disabled={locked}
              onChange={(event) => setFileName(event.target.value)}
            />
          </label>
        )}
      </div>
      <p className="muted export-where">
        {mode === 'native' &&
          (format === 'originals'
            ? '点击「导出…」后选择要复制到的文件夹。'
            : '点击「导出…」后选择保存位置和文件名。')}
        {mode === 'download' &&
          (format === 'originals'
            ? '原件将复制到档案的导出文件夹中（网页界面无法选择本机文件夹）。'
            : '文件保存在档案的导出文件夹中，完成后可在此下载。')}
      </p>
      {modeError && <p role="alert">{modeError}</p>}

      <SaveFlowNotices flow={flow} />
      {phase.kind === 'working' && <p role="status">正在准备导出…</p>}
      {exporting && (
        <div className="export-progress">
          <progress aria-label="导出进度" max={progress?.total || 1} value={progress?.done ?? 0} />
          <span role="status">
            正在导出：{progress?.done ?? 0} / {progress?.total ?? '…'} 封
          </span>
        </div>
      )}
      {settled && progress && (progress.cancelled || progress.error) && (
        <p role="alert">{progress.cancelled ? '已取消导出，没有留下不完整的文件。' : progress.error}</p>
      )}
      {settled && progress && !progress.cancelled && !progress.error && (
        <SavedFile
          destination={phase.destination}
          summary={`已导出 ${progress.total} 封回函${format === 'originals' ? '的原件' : ''}。`}
        />
      )}

      <footer className="modal-actions">
        {exporting ? (
          <button type="button" onClick={cancel}>
            取消导出
          </button>
        ) : settled ? (
          <button type="button" onClick={flow.reset}>
            再导出一份
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={busy || phase.kind === 'asking' || mode === null}
            onClick={startExport}
          >
            {mode === 'native' ? '导出…' : '导出'}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={exporting}>
          关闭
        </button>
      </footer>
    </ModalDialog>
  );
}
