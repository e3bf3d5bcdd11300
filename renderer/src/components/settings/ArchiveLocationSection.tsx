import { useCallback, useEffect, useState } from 'react';
import type {
  ArchiveLocation,
  ArchiveMoveProgress,
  ArchiveMoveResult,
} from '../../../../shared/archive-location';
import { errorMessage, getHuihan } from '../../huihan';

export function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(bytes > 0 ? 1 : 0, Math.round(bytes / 1024))} KB`;
}

/**
 * 设置 › 档案位置: where the archive is, how big, and moving it to another folder (the system's folder
 * dialog in the app, a typed path under the web host), with progress and the outcome in words.
 */
export function ArchiveLocationSection({
  letterCount,
  onMoved,
}: {
  letterCount: number | null;
  onMoved: () => void;
}) {
  const [location, setLocation] = useState<ArchiveLocation | null>(null);
  const [target, setTarget] = useState('');
  const [keepPrevious, setKeepPrevious] = useState(false);
  const [progress, setProgress] = useState<ArchiveMoveProgress | null>(null);
  const [moving, setMoving] = useState(false);
  const [result, setResult] = useState<ArchiveMoveResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    getHuihan()
      ?.archiveLocation()
      .then(setLocation, (reason: unknown) => setError(errorMessage(reason)));
  }, []);
  useEffect(load, [load]);
  useEffect(() => getHuihan()?.on('archive-move-progress', setProgress), []);

  const choose = () => {
    getHuihan()
      ?.chooseFolder({ title: '选择档案的新位置（空文件夹）' })
      .then(
        (chosen) => {
          if (chosen.path) setTarget(chosen.path);
        },
        (reason: unknown) => setError(errorMessage(reason)),
      );
  };

  const move = (event: React.FormEvent) => {
    event.preventDefault();
    const huihan = getHuihan();
    if (!huihan || target.trim() === '') return;
    setMoving(true);
    setError(null);
    setResult(null);
    setProgress(null);
    huihan
      .moveArchive({ target: target.trim(), keepPrevious })
      .then(
        (moved) => {
          setResult(moved);
          setTarget('');
          onMoved();
        },
        (reason: unknown) => setError(errorMessage(reason)),
      )
      .finally(() => {
        setMoving(false);
        setProgress(null);
        load();
      });
  };

  const copied = progress && progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : 0;
  return (
    <section className="settings-section" aria-labelledby="settings-location-title">
      <h3 id="settings-location-title">档案位置</h3>
      {location ? (
        <dl className="settings-facts">
          <dt>归档文件夹</dt>
          <dd className="settings-path" aria-label="当前归档文件夹">
            {location.dataDir}
          </dd>
          <dt>内容</dt>
          <dd>
            {letterCount ?? '…'} 封回函 · {location.files} 个文件 · {sizeText(location.bytes)}
          </dd>
        </dl>
      ) : (
        <p className="muted">正在读取……</p>
      )}
      {location && <p className="settings-help">{location.nextStartNote}</p>}
      {location?.moving && !moving && (
        <p className="settings-ok" role="status">
          档案正在移动中（在另一个窗口中开始的），完成前请不要关闭程序。
        </p>
      )}
      <p className="settings-help">
        移动时先关闭归档引擎，把数据库、原件和索引全部复制到新位置并逐一核对（文件数、大小、原件的
        SHA-256），在新位置打开、确认回函数量一致后，才删除原位置的文件。任何一步出错，原档案都保持不变。
        新位置须是空文件夹或尚不存在的文件夹。
      </p>
      <form className="settings-move" onSubmit={move}>
        <div className="settings-row">
          <input
            className="settings-target"
            aria-label="新位置（文件夹的完整路径）"
            placeholder={location?.canChooseFolder ? '点击“选择…”或填写完整路径' : '填写新文件夹的完整路径'}
            value={target}
            disabled={moving}
            onChange={(event) => setTarget(event.target.value)}
          />
          {location?.canChooseFolder && (
            <button type="button" onClick={choose} disabled={moving}>
              选择…
            </button>
          )}
        </div>
        <div className="settings-row">
          <label>
            <input
              type="checkbox"
              checked={keepPrevious}
              disabled={moving}
              onChange={(event) => setKeepPrevious(event.target.checked)}
            />
            保留原位置的文件（不删除，留作备份）
          </label>
          <button type="submit" disabled={moving || target.trim() === ''}>
            移动档案…
          </button>
        </div>
      </form>
      {moving && (
        <div className="settings-progress" role="status" aria-live="polite">
          <div>{progress?.message ?? '正在准备移动……'}</div>
          {progress && progress.totalFiles > 0 && (
            <>
              <progress aria-label="移动进度" max={1} value={progress.phase === 'copying' ? copied : 1} />
              <div className="muted">
                已复制 {progress.files} / {progress.totalFiles} 个文件，{sizeText(progress.bytes)} /{' '}
                {sizeText(progress.totalBytes)}
              </div>
            </>
          )}
        </div>
      )}
      {result && (
        <p className="settings-ok" role="status">
          {result.note}
        </p>
      )}
      {error && (
        <p className="settings-problem" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
