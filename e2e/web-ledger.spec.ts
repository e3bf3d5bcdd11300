import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateLetter } from '../bench/letter-generator';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeEach(async () => {
  host = await startWebHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

test('承诺事项：确认、否定、从选中文字标记、记录跟进，台账按状态筛选', async ({ page }, testInfo) => {
  const folder = join(tmpdir(), `huihan-e2e-ledger-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const letter = generateLetter(99, 1);
  const file = join(folder, '回函.txt');
  writeFileSync(file, letter.text);
  await page.goto(host.url);
  await page.getByLabel('选择要导入的回函文件').setInputFiles([file]);
  await expect(page.getByRole('region', { name: '导入' })).toContainText('新导入 1');
  await page.getByRole('listbox', { name: '回函' }).getByRole('option').first().click();

  const panel = page.getByRole('region', { name: '承诺事项' });
  const items = panel.getByRole('listitem').filter({ has: page.getByLabel('落实情况') });
  await expect(items.first()).toBeVisible();
  const detected = await items.count();
  expect(detected).toBeGreaterThanOrEqual(2);

  await items.nth(0).getByRole('button', { name: '确认' }).click();
  await expect(items.nth(0).getByText('已确认')).toBeVisible();
  await items.nth(1).getByRole('button', { name: '不是承诺' }).click();
  await expect(items).toHaveCount(detected - 1);

  // Mark a sentence of the body as a commitment by selecting it.
  const sentence = page.locator('article.letter-text p').filter({ hasText: '感谢您' }).first();
  await sentence.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  await panel.getByRole('button', { name: '把选中的文字标记为承诺' }).click();
  await expect(items).toHaveCount(detected);
  await expect(panel).toContainText('感谢您');

  await items.nth(0).getByLabel('落实情况').selectOption('已落实');
  await items.nth(0).getByLabel('添加跟进记录').fill('已于年底前全部完成，经现场核实。');
  await items.nth(0).getByLabel('添加跟进记录').press('Enter');
  await expect(items.nth(0).getByRole('list', { name: '跟进记录' })).toContainText('经现场核实');
  await page.screenshot({ path: testInfo.outputPath('commitments.png') });

  await page.getByRole('button', { name: '承诺台账', exact: true }).click();
  const ledger = page.getByRole('region', { name: '承诺台账' });
  await expect(ledger).toContainText(`共 ${detected} 项`);
  await ledger.getByLabel('按落实情况筛选').selectOption('已落实');
  await expect(ledger.getByRole('list', { name: '承诺事项列表' }).getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('ledger.png') });
});
