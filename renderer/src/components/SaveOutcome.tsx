import type { ExportDestination } from '../../../shared/domain';
import type { SaveFlow } from '../export/save-flow';

/** The last part of a path, whichever separator the host's system uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/u).filter(Boolean).pop() ?? path;
}

/** The archive's "exists" refusal turned into the question the user answers. */
export function overwriteQuestion(message: string): string {
  return `${message.replace(/(是否覆盖？|如需替换|如要覆盖).*$/u, '').trim()}确认覆盖？`;
}

/** 确认覆盖？ with its two answers. */
export function OverwriteQuestion({
  question,
  onConfirm,
  onCancel,
}: {
  question: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="save-question" role="group" aria-label="确认覆盖">
      <p role="alert">{overwriteQuestion(question)}</p>
      <button type="button" className="danger" onClick={onConfirm}>
        覆盖
      </button>
      <button type="button" onClick={onCancel}>
        不覆盖
      </button>
    </div>
  );
}

/** Where a finished export, ledger or backup is: the path, and under the web host a download link. */
export function SavedFile({ destination, summary }: { destination: ExportDestination; summary: string }) {
  return (
    <div className="save-result" role="status">
      <p>{summary}</p>
      <p className="muted">
        保存位置：<span className="save-path">{destination.path}</span>
      </p>
      {destination.downloadUrl && (
        <a className="button primary" href={destination.downloadUrl} download={baseName(destination.path)}>
          下载 {baseName(destination.path)}
        </a>
      )}
    </div>
  );
}

/** What a save flow asks or reports before it is done: 确认覆盖？ while asking, the reason when it failed. */
export function SaveFlowNotices<T>({ flow }: { flow: SaveFlow<T> }) {
  const { phase } = flow;
  if (phase.kind === 'asking') {
    return (
      <OverwriteQuestion question={phase.question} onConfirm={flow.confirmOverwrite} onCancel={flow.reset} />
    );
  }
  if (phase.kind === 'error') {
    return (
      <p className="save-error" role="alert">
        {phase.message}
      </p>
    );
  }
  return null;
}
