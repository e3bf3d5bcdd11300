import { useCallback, useState } from 'react';
import type { MethodResults } from '../../../shared/api';
import type { MethodArgs } from '../../../shared/api-schemas';
import type { ExportDestination } from '../../../shared/domain';
import { getHuihan } from '../huihan';
import { fileStamp, useDestinationMode } from '../export/destination';
import { useSaveFlow } from '../export/save-flow';
import { ModalDialog } from './ModalDialog';
import { SaveFlowNotices, SavedFile } from './SaveOutcome';

/** The ledger's filters as exportLedger takes them (everything but where to write). */
export type LedgerExportFilters = Omit<MethodArgs<'exportLedger'>, 'destination' | 'overwrite'>;

/** 导出台账: the commitments the ledger's filters select, as the .xlsx a 回头看 登记表 has. */
export function LedgerExportButton({
  filters,
  count,
}: {
  filters: LedgerExportFilters;
  count: number | null;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={count === 0}>
        导出台账
      </button>
      {open && <LedgerExportDialog filters={filters} count={count} onClose={() => setOpen(false)} />}
    </>
  );
}

function describeFilters(filters: LedgerExportFilters): string {
  const parts = [
    filters.status,
    filters.overdue ? '逾期' : null,
    filters.dueWithinDays !== undefined ? `${filters.dueWithinDays} 天内到期` : null,
    filters.department ? `承办单位含「${filters.department}」` : null,
    filters.session ? `届次「${filters.session}」` : null,
    filters.topic ? `主题「${filters.topic}」` : null,
    filters.detected === true ? '自动识别' : filters.detected === false ? '已确认' : null,
  ].filter(Boolean);
  return parts.length > 0 ? `筛选条件：${parts.join('、')}` : '全部承诺事项';
}

function LedgerExportDialog({
  filters,
  count,
  onClose,
}: {
  filters: LedgerExportFilters;
  count: number | null;
  onClose: () => void;
}) {
  const { mode, error: modeError } = useDestinationMode();
  // The filters as they were when the dialog opened: what the user saw is what is exported.
  const [frozen] = useState(filters);
  const [fileName, setFileName] = useState(`督办台账-${fileStamp()}`);
  const save = useCallback(
    (destination: ExportDestination, overwrite: boolean): Promise<MethodResults['exportLedger']> => {
      const huihan = getHuihan();
      if (!huihan) return Promise.reject(new Error('回函档案服务不可用。'));
      return huihan.exportLedger({ ...frozen, destination: destination.path, overwrite });
    },
    [frozen],
  );
  const flow = useSaveFlow(save);
  const { phase } = flow;
  return (
    <ModalDialog title="导出督办台账" onClose={onClose}>
      <p className="export-what">
        {count === null ? '' : `${count} 项承诺事项 · `}
        {describeFilters(frozen)}
      </p>
      <p className="muted">
        导出为
        Excel（.xlsx），列为：案号、届次、提案/建议标题、承办单位、办复类别、承诺内容、承诺时限、落实情况、跟进记录。
      </p>
      {mode === 'download' && (
        <label>
          文件名
          <input
            aria-label="文件名"
            value={fileName}
            maxLength={200}
            disabled={phase.kind !== 'idle' && phase.kind !== 'error'}
            onChange={(event) => setFileName(event.target.value)}
          />
        </label>
      )}
      {modeError && <p role="alert">{modeError}</p>}
      <SaveFlowNotices flow={flow} />
      {phase.kind === 'working' && <p role="status">正在导出台账…</p>}
      {phase.kind === 'done' && (
        <SavedFile destination={phase.destination} summary={`已导出 ${phase.result.rows} 项承诺事项。`} />
      )}
      <footer className="modal-actions">
        {phase.kind !== 'done' && (
          <button
            type="button"
            className="primary"
            disabled={mode === null || phase.kind === 'working' || phase.kind === 'asking'}
            onClick={() => flow.start('ledger', fileName.trim() || '督办台账')}
          >
            {mode === 'native' ? '导出…' : '导出'}
          </button>
        )}
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </footer>
    </ModalDialog>
  );
}
