import { parseArgs } from 'node:util';
import { toApiErrorData } from '../../shared/api-error';
import { createCliContext, UsageError, type CliContext, type CliIo } from './cli-context';
import { commitmentsHelp, runCommitments, type CommitmentsOptions } from './commands/commitments';
import { exportCommands, type ExportCliOptions } from './commands/export';
import { importHelp, runImport } from './commands/import';
import { listHelp, runList, runShow, showHelp } from './commands/letters';
import { parseHelp, runParse } from './commands/parse';
import { runSearch, searchHelp, type SearchOptions } from './commands/search';
import { runStatus, statusHelp } from './commands/status';

interface Command {
  summary: string;
  help: string;
  run: (
    context: CliContext,
    positionals: string[],
    options: SearchOptions & CommitmentsOptions & ExportCliOptions,
  ) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  status: { summary: '显示归档状态', help: statusHelp, run: (context) => runStatus(context) },
  parse: { summary: '解析回函文本文件，输出各项信息', help: parseHelp, run: runParse },
  import: { summary: '导入回函文件、文件夹或压缩包', help: importHelp, run: runImport },
  list: { summary: '列出档案中的回函', help: listHelp, run: (context) => runList(context) },
  show: { summary: '显示一封回函的全部信息', help: showHelp, run: runShow },
  search: { summary: '搜索回函（全文与字段）', help: searchHelp, run: runSearch },
  commitments: {
    summary: '列出承诺事项（督办台账），可导出 Excel',
    help: commitmentsHelp,
    run: (context, _positionals, options) => runCommitments(context, options),
  },
  ...exportCommands,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`);
  return `回函档案命令行（huihan）

用法: huihan <命令> [参数] [--data 归档文件夹] [--json]

命令:
${lines.join('\n')}

通用选项:
  --data DIR   归档文件夹（默认与桌面程序相同；也可用环境变量 HUIHAN_DATA）
  --json       以 JSON 输出，便于程序处理
  -h, --help   显示帮助；huihan <命令> --help 显示该命令的帮助
`;
}

/** Runs one CLI invocation and returns its exit code; all output goes through `io`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    io.err(`参数错误：${error instanceof Error ? error.message : String(error)}\n\n${usage()}`);
    return 2;
  }
  const [name, ...positionals] = parsed.positionals;
  if (!name) {
    (parsed.values.help ? io.out : io.err)(usage());
    return parsed.values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令：${name}\n\n${usage()}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(command.help);
    return 0;
  }
  const context = createCliContext({ json: parsed.values.json ?? false, data: parsed.values.data }, io);
  try {
    return await command.run(context, positionals, parsed.values);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${command.help}`);
      return 2;
    }
    const data = toApiErrorData(error);
    io.err(context.json ? JSON.stringify({ error: data.message, code: data.code }) : `错误：${data.message}`);
    return 1;
  } finally {
    context.close();
  }
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean' },
      limit: { type: 'string' },
      sort: { type: 'string' },
      status: { type: 'string' },
      overdue: { type: 'boolean' },
      department: { type: 'string' },
      export: { type: 'string' },
      ids: { type: 'string' },
      query: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      order: { type: 'string' },
      from: { type: 'string' },
      overwrite: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
