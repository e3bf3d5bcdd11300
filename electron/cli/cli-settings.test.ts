import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAppliedSettings } from '../engine/settings/applied-settings';
import { temporaryFolder } from '../engine/test-support';
import { runCli } from './run-cli';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('huihan CLI and the settings', () => {
  it('hands the engine the custom dictionary kept in the archive settings, as the app does', async () => {
    const folder = temporaryFolder();
    cleanups.push(folder.remove);
    mkdirSync(folder.path, { recursive: true });
    writeFileSync(
      join(folder.path, 'settings.json'),
      JSON.stringify({ customDictionary: ['蓝鲸湾计划'], followUpAuthor: '王秘书', topicRules: 'broken' }),
    );
    const out: string[] = [];
    const code = await runCli(['status', '--data', folder.path, '--json'], {
      out: (text) => out.push(text),
      err: () => undefined,
      env: {},
    });
    expect(code).toBe(0);
    expect(readAppliedSettings(folder.path)).toEqual({ customDictionary: ['蓝鲸湾计划'], topicRules: [] });
    expect(JSON.parse(readFileSync(join(folder.path, 'settings.json'), 'utf8'))).toMatchObject({
      followUpAuthor: '王秘书',
    });
  });
});
