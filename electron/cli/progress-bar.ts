import type { ImportProgress } from '../../shared/domain';

/** One line of import progress for a terminal: a bar, the counts and the time left. */
export function progressLine(progress: ImportProgress, width = 24): string {
  const ratio = progress.found === 0 ? 0 : progress.done / progress.found;
  const filled = Math.round(ratio * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const eta =
    progress.etaSeconds === null || progress.finished ? '' : ` 剩余约 ${formatSeconds(progress.etaSeconds)}`;
  return `${bar} ${progress.done}/${progress.found} 导入 ${progress.imported} 重复 ${progress.duplicates} 失败 ${progress.failed}${eta}`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} 分 ${seconds % 60} 秒`;
}
