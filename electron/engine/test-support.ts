import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder (with Chinese characters and a space, as users' folders have). */
export function temporaryFolder(prefix = 'huihan-test'): { path: string; remove: () => void } {
  const base = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const path = join(base, '回函 档案');
  return {
    path,
    remove: () => rmSync(base, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }),
  };
}
