import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../engine/test-support';
import { runCli } from './run-cli';
import { LATEST_SCHEMA_VERSION } from '../engine/store/migrations';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('huihan CLI', () => {
  it('prints help in Chinese', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('用法: huihan <命令>');
    expect(result.out).toContain('status');
  });

  it('status --json prints the archive status, creating the archive', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const result = await cli(['status', '--data', folder.path, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      dataDir: folder.path,
      schemaVersion: LATEST_SCHEMA_VERSION,
      letterCount: 0,
    });
  });

  it('takes the archive folder from HUIHAN_DATA when --data is not given', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    const result = await cli(['status'], { HUIHAN_DATA: folder.path });
    expect(result.code).toBe(0);
    expect(result.out).toContain(`归档文件夹：${folder.path}`);
    expect(result.out).toContain('回函数量：0');
  });

  it('says what is wrong, with exit code 2 for usage mistakes', async () => {
    const unknown = await cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('未知命令：frobnicate');
    const badFlag = await cli(['status', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain('参数错误');
  });
});
