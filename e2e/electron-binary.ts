import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/**
 * Where the Electron binary should be, and whether it is there. This mirrors what
 * require('electron') does (node_modules/electron/path.txt → dist/<path>) without calling it:
 * when the binary is missing, require('electron') tries to download it, which on a machine without
 * GitHub access hangs until it fails.
 */
export function findElectronBinary(): { path: string | null; missing: string | null } {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, missing: `${pathFile} 不存在（electron 安装时未能下载二进制文件）` };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary, missing: null } : { path: null, missing: `${binary} 不存在` };
}
