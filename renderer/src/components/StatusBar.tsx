import type { EngineStatusView } from '../hooks/useEngineStatus';

/** The bottom line: is the archive engine there, which archive is open, how many letters it holds. */
export function StatusBar({ view }: { view: EngineStatusView }) {
  const { status, error, engineEvent } = view;
  let state: string;
  let tone: 'ok' | 'busy' | 'bad';
  if (engineEvent && engineEvent.state !== 'ready') {
    state = engineEvent.state === 'failed' ? '已停止' : '正在重新启动';
    tone = engineEvent.state === 'failed' ? 'bad' : 'busy';
  } else if (error) {
    state = '出错';
    tone = 'bad';
  } else if (status) {
    state = '就绪';
    tone = 'ok';
  } else {
    state = '正在启动';
    tone = 'busy';
  }
  return (
    <footer className="status-bar" role="status" aria-label="归档引擎状态">
      <span className={`status-dot status-${tone}`} aria-hidden="true" />
      <span>归档引擎：{state}</span>
      {status && (
        <>
          <span>回函 {status.letterCount} 封</span>
          <span title={status.databaseFile}>归档文件夹：{status.dataDir}</span>
          <span>结构版本 {status.schemaVersion}</span>
          <span>引擎 {status.engineVersion}</span>
        </>
      )}
    </footer>
  );
}
