import { existsSync } from 'node:fs';
import { findElectronBinary } from './electron-binary';

/** Says plainly, before the specs run, which browser they use and why the Electron spec may skip. */
export default function globalSetup(): void {
  const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
  console.log(
    `浏览器端到端测试使用 Chromium：${existsSync(chromium) ? chromium : '未找到，改用 Playwright 自带浏览器'}`,
  );
  const electron = findElectronBinary();
  console.log(
    electron.path
      ? `Electron 端到端测试使用：${electron.path}`
      : `跳过 Electron 端到端测试：Electron 二进制文件不存在（本机无法下载）。${electron.missing ?? ''}`,
  );
}
