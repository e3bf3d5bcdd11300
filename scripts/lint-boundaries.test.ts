import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps the parts apart', () => {
  it('stops the engine, the CLI and the web host from importing electron', async () => {
    const code = "import { app } from 'electron';\nexport const name = app.name;\n";
    expect(await restrictedImports(code, 'electron/engine/store/example.ts')).toHaveLength(1);
    expect(await restrictedImports(code, 'electron/cli/example.ts')).toHaveLength(1);
    expect(await restrictedImports(code, 'electron/web/example.ts')).toHaveLength(1);
    expect(await restrictedImports(code, 'electron/main/example.ts')).toHaveLength(0);
  });

  it('stops the renderer from importing Node built-ins or anything outside renderer/ and shared/', async () => {
    expect(
      await restrictedImports(
        "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n",
        'renderer/src/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports("import path from 'path';\npath.join('a');\n", 'renderer/src/x.ts'),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { Archive } from '../../electron/engine/archive';\nvoid Archive;\n",
        'renderer/src/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { METHOD_NAMES } from '../../shared/methods';\nvoid METHOD_NAMES;\n",
        'renderer/src/x.ts',
      ),
    ).toHaveLength(0);
  });

  it('keeps shared/ free of Node and of the other parts', async () => {
    expect(
      await restrictedImports("import { join } from 'node:path';\njoin('a');\n", 'shared/x.ts'),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { Archive } from '../electron/engine/archive';\nvoid Archive;\n",
        'shared/x.ts',
      ),
    ).toHaveLength(1);
  });
});
