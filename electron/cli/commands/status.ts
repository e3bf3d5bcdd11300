import type { EngineStatus } from '../../../shared/domain';
import type { CliContext } from '../cli-context';

export const statusHelp = `huihan status [--data 归档文件夹] [--json]
  显示归档状态：归档文件夹、数据库结构版本、回函数量、引擎版本。`;

export async function runStatus(context: CliContext): Promise<number> {
  const status = (await context.openArchive().handle('status', {})) as EngineStatus;
  if (context.json) {
    context.out(JSON.stringify(status));
    return 0;
  }
  context.out(
    [
      `归档文件夹：${status.dataDir}`,
      `数据库：${status.databaseFile}`,
      `结构版本：${status.schemaVersion}`,
      `回函数量：${status.letterCount}`,
      `引擎版本：${status.engineVersion}`,
    ].join('\n'),
  );
  return 0;
}
