import type { ImportLogEntry } from '../../../shared/domain';
import { FailureList } from './FailureList';

const STATES: Record<ImportLogEntry['state'], string> = {
  running: '进行中',
  finished: '已完成',
  cancelled: '已取消',
  interrupted: '意外中断',
};

/** 导入记录: every import with its counts, and the files that failed with their reasons. */
export function ImportLog({ entries }: { entries: ImportLogEntry[] }) {
  return (
    <ul className="import-log" aria-label="导入记录">
      {entries.map((entry) => (
        <li key={entry.jobId} className="import-entry">
          <div className="letter-title">
            {new Date(entry.startedAt).toLocaleString('zh-CN')} · {STATES[entry.state]}
          </div>
          <div className="letter-meta">
            新导入 {entry.imported} · 重复 {entry.duplicates} · 失败 {entry.failed}
          </div>
          <FailureList files={entry.files} />
        </li>
      ))}
    </ul>
  );
}
