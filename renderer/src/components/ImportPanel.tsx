import type { ImportView } from '../hooks/useImport';
import { FailureList } from './FailureList';

function eta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `剩余约 ${seconds} 秒`;
  return `剩余约 ${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`;
}

/** The import's progress while it runs, then its report: counts, and each failure with its reason. */
export function ImportPanel({ view }: { view: ImportView }) {
  const { progress, report, error } = view;
  if (error) {
    return (
      <section className="import-panel import-error" role="alert" aria-label="导入">
        <span>导入失败：{error}</span>
        <button type="button" onClick={view.dismissReport}>
          关闭
        </button>
      </section>
    );
  }
  if (!progress) return null;
  const percent = progress.found === 0 ? 0 : Math.round((progress.done / progress.found) * 100);
  return (
    <section className="import-panel" aria-label="导入">
      <div className="import-line">
        <strong>{progress.finished ? (progress.cancelled ? '导入已取消' : '导入完成') : '正在导入'}</strong>
        <div
          className="progress"
          role="progressbar"
          aria-label="导入进度"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="import-counts">
          {progress.done} / {progress.found} · 新导入 {progress.imported} · 重复 {progress.duplicates} · 失败{' '}
          {progress.failed} {progress.finished ? '' : eta(progress.etaSeconds)}
        </span>
        {progress.finished ? (
          <button type="button" onClick={view.dismissReport}>
            关闭
          </button>
        ) : (
          <button type="button" onClick={view.cancel}>
            取消导入
          </button>
        )}
      </div>
      {!progress.finished && progress.currentFile && (
        <div className="muted current-file">{progress.currentFile}</div>
      )}
      {progress.finished && report && <FailureList files={report.files} />}
    </section>
  );
}
