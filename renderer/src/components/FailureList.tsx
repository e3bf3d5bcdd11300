import type { ImportFileReport } from '../../../shared/domain';
import { fileLabel } from '../file-label';

/** The files of an import that could not be read, each with its reason. */
export function FailureList({ files }: { files: ImportFileReport[] }) {
  const failures = files.filter((file) => file.outcome === 'failed');
  if (failures.length === 0) return null;
  return (
    <ul className="import-failures" aria-label="未能导入的文件">
      {failures.map((file) => (
        <li key={file.file}>
          <span className="failure-file" title={file.file}>
            {fileLabel(file.file)}
          </span>
          <span className="failure-reason">{file.reason}</span>
        </li>
      ))}
    </ul>
  );
}
