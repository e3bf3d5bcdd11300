import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';
import { LATEST_SCHEMA_VERSION } from '../electron/engine/store/migrations';

const ROOT = join(import.meta.dirname, '..');

interface StatusShape {
  dataDir: string;
  schemaVersion: number;
  letterCount: number;
  engineVersion: string;
  pid: number;
}

let host: RunningWebHost;
const foreignRequests: string[] = [];

test.beforeEach(async ({ page }) => {
  host = await startWebHostProcess();
  page.on('request', (request) => {
    if (!request.url().startsWith(host.origin)) foreignRequests.push(request.url());
  });
});

test.afterEach(async () => {
  await host.stop();
  expect(foreignRequests, '界面不应访问本机以外的任何地址').toEqual([]);
});

async function engineStatus(page: Page): Promise<StatusShape> {
  return page.evaluate(() =>
    (window as unknown as { huihan: { status(): Promise<StatusShape> } }).huihan.status(),
  );
}

test('打开网页界面：三栏布局、空档案的指引和归档引擎状态', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await expect(page).toHaveTitle('回函档案');
  // The token moved into a cookie: the address bar no longer shows it.
  expect(page.url()).toBe(`${host.origin}/`);

  await expect(page.getByRole('navigation', { name: '导航' })).toBeVisible();
  await expect(page.getByRole('region', { name: '回函列表' })).toBeVisible();
  await expect(page.getByRole('region', { name: '阅读' })).toBeVisible();
  for (const entry of [
    '搜索',
    '按届次 / 提案号',
    '按承办单位',
    '按主题',
    '按类别',
    '标签',
    '承诺台账',
    '导入记录',
  ]) {
    await expect(page.getByRole('button', { name: entry, exact: true })).toBeVisible();
  }
  await expect(page.getByText('档案中还没有回函')).toBeVisible();
  await expect(page.getByText('未选择回函')).toBeVisible();

  const statusBar = page.getByRole('status', { name: '归档引擎状态' });
  await expect(statusBar).toContainText('归档引擎：就绪');
  await expect(statusBar).toContainText('回函 0 封');
  await expect(statusBar).toContainText(host.dataDir);
  await expect(statusBar).toContainText(`结构版本 ${LATEST_SCHEMA_VERSION}`);

  const shot = testInfo.outputPath('shell.png');
  await page.screenshot({ path: shot });
  if (process.env.HUIHAN_UPDATE_SCREENSHOT === '1') {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    copyFileSync(shot, join(ROOT, 'docs', 'screenshot.png'));
  }

  // The same archive seen from the CLI gives the same status.
  const fromUi = await engineStatus(page);
  const fromCli = JSON.parse(
    execFileSync(
      process.execPath,
      [join(ROOT, 'bin', 'huihan.js'), 'status', '--data', host.dataDir, '--json'],
      {
        encoding: 'utf8',
      },
    ),
  ) as StatusShape;
  expect(fromCli).toMatchObject({
    dataDir: fromUi.dataDir,
    schemaVersion: fromUi.schemaVersion,
    letterCount: fromUi.letterCount,
    engineVersion: fromUi.engineVersion,
  });
});

test('没有访问令牌的请求被拒绝', async ({ page, request }) => {
  const withoutToken = await request.get(`${host.origin}/`);
  expect(withoutToken.status()).toBe(401);
  expect(await withoutToken.text()).toContain('访问令牌');
  const call = await request.post(`${host.origin}/api/call`, { data: { method: 'status', args: {} } });
  expect(call.status()).toBe(401);
  const wrong = await request.get(`${host.origin}/?token=wrong-token`);
  expect(wrong.status()).toBe(401);

  await page.goto(`${host.origin}/`);
  await expect(page.locator('body')).toContainText('缺少或错误的访问令牌');
});

test('界面只通过 window.huihan 工作：做不到的事明确说明，页面中没有 Node', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('status', { name: '归档引擎状态' })).toContainText('就绪');
  const probe = await page.evaluate(async () => {
    const huihan = (window as unknown as { huihan: Record<string, unknown> }).huihan;
    const restore = huihan.restoreArchive as (args: { source: string }) => Promise<unknown>;
    const message = await restore({ source: '/tmp/huihan-backup.huihan' }).then(
      () => 'resolved',
      (error: Error & { code?: string }) => `${error.code ?? ''}|${error.message}`,
    );
    return {
      message,
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      methods: Object.keys(huihan).length,
    };
  });
  expect(probe.message).toMatch(/^not_found\|找不到备份文件/u);
  expect(probe.hasProcess).toBe(false);
  expect(probe.hasRequire).toBe(false);
  expect(probe.methods).toBeGreaterThan(20);

  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: '搜索回函' })).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+i');
  expect((await chooser).isMultiple()).toBe(true);
  await page.keyboard.press('Control+e');
  await expect(page.getByText('没有可导出的回函：请先在列表中选择回函')).toBeVisible();
});

test('归档引擎进程意外退出后自动重启，界面告知用户', async ({ page }, testInfo) => {
  await page.goto(host.url);
  const statusBar = page.getByRole('status', { name: '归档引擎状态' });
  await expect(statusBar).toContainText('就绪');
  const before = await engineStatus(page);

  process.kill(before.pid, 'SIGKILL');
  await expect(page.getByText('归档引擎已重新启动，可以继续工作。')).toBeVisible();
  await expect(statusBar).toContainText('归档引擎：就绪');
  await page.screenshot({ path: testInfo.outputPath('engine-restarted.png') });

  const after = await engineStatus(page);
  expect(after.pid).not.toBe(before.pid);
  expect(after).toMatchObject({
    dataDir: before.dataDir,
    schemaVersion: LATEST_SCHEMA_VERSION,
    letterCount: 0,
  });
  expect(host.output()).toContain('请在浏览器中打开');
});
