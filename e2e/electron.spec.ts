import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..');
const MAIN_BUNDLE = join(ROOT, 'out', 'main', 'index.js');

const binary = findElectronBinary();

function nativeModulesFor(runtime: 'node' | 'electron'): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'native-modules.js'), runtime], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

test.describe('回函档案（Electron 桌面程序）', () => {
  test.skip(
    binary.path === null,
    `Electron 二进制文件不存在（本机无法下载），跳过 Electron 端到端测试：${binary.missing ?? ''}`,
  );
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication | null = null;
  let page: Page;
  let dataDir = '';
  let configDir = '';

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    nativeModulesFor('electron');
    if (!existsSync(MAIN_BUNDLE)) throw new Error(`找不到 ${MAIN_BUNDLE}：请先运行 npm run build。`);
    dataDir = mkdtempSync(join(tmpdir(), 'huihan-e2e-archive-'));
    // A private appData (Linux): the test neither touches the user's settings nor meets their running app.
    configDir = mkdtempSync(join(tmpdir(), 'huihan-e2e-config-'));
    app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [ROOT],
      cwd: ROOT,
      env: { ...process.env, HUIHAN_DATA: dataDir, XDG_CONFIG_HOME: configDir },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    test.setTimeout(300_000);
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (configDir) rmSync(configDir, { recursive: true, force: true });
    nativeModulesFor('node');
  });

  test('窗口标题是“回函档案”，页面来自 app://', async () => {
    await expect(page).toHaveTitle('回函档案');
    expect(page.url()).toMatch(/^app:\/\/huihan\/index\.html/u);
    const windowTitle = await app?.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getTitle(),
    );
    expect(windowTitle).toBe('回函档案');
  });

  test('三栏界面可见', async () => {
    await expect(page.getByRole('navigation', { name: '导航' })).toBeVisible();
    await expect(page.getByRole('region', { name: '回函列表' })).toBeVisible();
    await expect(page.getByRole('region', { name: '阅读' })).toBeVisible();
  });

  test('状态栏显示归档引擎及回函数量', async () => {
    const status = page.getByRole('status', { name: '归档引擎状态' });
    await expect(status).toContainText('归档引擎', { timeout: 30_000 });
    await expect(status).toContainText(/回函\s*\d+\s*封/u, { timeout: 30_000 });
  });

  test('页面里没有 Node：window.require 和 process 都不存在', async () => {
    expect(await page.evaluate('typeof window.require')).toBe('undefined');
    expect(await page.evaluate('typeof process')).toBe('undefined');
    expect(await page.evaluate('typeof window.huihan.search')).toBe('function');
    expect(await page.evaluate('typeof window.huihanFiles.pathForFile')).toBe('function');
  });

  test('不能离开程序：跳转到 https://example.com 被阻止', async () => {
    await page.evaluate('window.location.href = "https://example.com/"');
    await page.waitForTimeout(1000);
    expect(page.url()).toMatch(/^app:\/\/huihan\/index\.html/u);
    await expect(page.getByRole('navigation', { name: '导航' })).toBeVisible();
  });
});
