import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateLetter } from '../bench/letter-generator';
import { makeDocx, makePdf } from '../electron/engine/ingest/test-fixtures';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;

test.beforeEach(async () => {
  host = await startWebHostProcess();
});

test.afterEach(async () => {
  await host.stop();
});

test('导入一批不同格式的回函：看到进度和失败原因，按届次找到回函并阅读', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const folder = join(tmpdir(), `huihan-e2e-files-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const letters = [0, 1, 2, 3].map((index) => generateLetter(77, index));
  const files = [
    join(folder, '答复 一.docx'),
    join(folder, '答复二.pdf'),
    join(folder, '答复三.txt'),
    join(folder, '答复四.docx'),
    join(folder, '损坏的文件.docx'),
  ];
  writeFileSync(files[0]!, await makeDocx(letters[0]!.paragraphs));
  writeFileSync(files[1]!, await makePdf(letters[1]!.paragraphs));
  writeFileSync(files[2]!, letters[2]!.text);
  writeFileSync(files[3]!, await makeDocx(letters[3]!.paragraphs));
  writeFileSync(files[4]!, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));

  await page.goto(host.url);
  await expect(page.getByText('档案中还没有回函')).toBeVisible();
  await page.getByLabel('选择要导入的回函文件').setInputFiles(files);

  const panel = page.getByRole('region', { name: '导入' });
  await expect(panel).toContainText('导入完成');
  await expect(panel).toContainText('5 / 5 · 新导入 4 · 重复 0 · 失败 1');
  await expect(panel.getByRole('list', { name: '未能导入的文件' })).toContainText('损坏的文件.docx');
  await expect(panel.getByRole('list', { name: '未能导入的文件' })).toContainText('损坏');
  await expect(page.getByRole('status', { name: '归档引擎状态' })).toContainText('回函 4 封');
  await page.screenshot({ path: testInfo.outputPath('import-done.png') });

  // Walk the session tree to the letter of the PDF.
  const target = letters[1]!;
  await page.getByRole('button', { name: '按届次 / 提案号', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${target.facts.session}`, 'u') }).click();
  await page.getByRole('button', { name: new RegExp(`^第${target.facts.proposalNumber}号`, 'u') }).click();
  const list = page.getByRole('listbox', { name: '回函' });
  await list.getByRole('option').first().click();

  const card = page.getByRole('definition').filter({ hasText: target.facts.issuer });
  await expect(card.first()).toBeVisible();
  const reader = page.getByRole('region', { name: '阅读' });
  await expect(reader).toContainText(target.facts.docNumber);
  await expect(reader).toContainText(target.facts.proposalTitle);
  await expect(reader.locator('mark.commitment').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reader.png') });

  // Correct a field: it shows as corrected, survives a reload, and the parsed value can come back.
  await reader.getByRole('button', { name: '更正承办单位' }).click();
  await reader.getByRole('textbox', { name: '承办单位' }).fill('云溪市卫生健康委员会');
  await reader.getByRole('textbox', { name: '承办单位' }).press('Enter');
  await expect(reader.getByRole('button', { name: '更正承办单位' })).toHaveText('云溪市卫生健康委员会');
  await expect(reader.getByText('已更正')).toBeVisible();
  await reader.getByRole('textbox', { name: '添加标签' }).fill('重点');
  await reader.getByRole('textbox', { name: '添加标签' }).press('Enter');
  await expect(reader.getByRole('button', { name: '移除标签 重点' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: '标签', exact: true }).click();
  await page.getByRole('button', { name: /^重点/u }).click();
  await page.getByRole('listbox', { name: '回函' }).getByRole('option').first().click();
  await expect(reader.getByRole('button', { name: '更正承办单位' })).toHaveText('云溪市卫生健康委员会');
  await expect(reader.getByText('已更正')).toHaveAttribute('title', `解析值：${target.facts.issuer}`);
  await page.getByRole('button', { name: '按承办单位', exact: true }).click();
  await expect(page.getByRole('list', { name: '按承办单位' })).toContainText('云溪市卫生健康委员会');
  await page.getByRole('button', { name: '按届次 / 提案号', exact: true }).click();
  await page.getByRole('button', { name: '标签', exact: true }).click();
  await page.getByRole('button', { name: /^重点/u }).click();
  await page.getByRole('listbox', { name: '回函' }).getByRole('option').first().click();
  await reader.getByRole('button', { name: '恢复解析值' }).click();
  await expect(reader.getByRole('button', { name: '更正承办单位' })).toHaveText(target.facts.issuer);
  await page.screenshot({ path: testInfo.outputPath('corrected.png') });

  // The same files again: all duplicates, nothing new.
  await page.getByLabel('选择要导入的回函文件').setInputFiles(files.slice(0, 4));
  await expect(panel).toContainText('新导入 0 · 重复 4 · 失败 0');
  await page.getByRole('button', { name: '导入记录', exact: true }).click();
  await expect(page.getByRole('list', { name: '导入记录' })).toContainText('新导入 4 · 重复 0 · 失败 1');
});

test('选中几封回函：操作栏可以加标签、全选和移除', async ({ page }, testInfo) => {
  const folder = join(tmpdir(), `huihan-e2e-select-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const files = [0, 1, 2, 3].map((index) => {
    const file = join(folder, `回函${index}.txt`);
    writeFileSync(file, generateLetter(88, index).text);
    return file;
  });
  await page.goto(host.url);
  await page.getByLabel('选择要导入的回函文件').setInputFiles(files);
  await expect(page.getByRole('region', { name: '导入' })).toContainText('新导入 4');

  const list = page.getByRole('listbox', { name: '回函' });
  const rows = list.getByRole('option');
  await expect(rows).toHaveCount(4);
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Control'] });
  const bar = page.getByRole('toolbar', { name: '所选回函的操作' });
  await expect(bar).toContainText('已选 2 封');
  await bar.getByRole('textbox', { name: '给所选回函加标签' }).fill('回头看');
  await bar.getByRole('button', { name: '加标签' }).click();
  await page.screenshot({ path: testInfo.outputPath('action-bar.png') });

  await page.getByRole('button', { name: '标签', exact: true }).click();
  await page.getByRole('button', { name: /^回头看/u }).click();
  await expect(page.getByRole('listbox', { name: '回函' }).getByRole('option')).toHaveCount(2);

  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await list.focus();
  await page.keyboard.press('Control+a');
  await expect(bar).toContainText('已选 4 封');
  await bar.getByRole('button', { name: '移除' }).click();
  await bar.getByRole('button', { name: '确认移除' }).click();
  await expect(page.getByRole('status', { name: '归档引擎状态' })).toContainText('回函 0 封');
  await expect(page.getByText('档案中还没有回函')).toBeVisible();
});

test('搜索：按正文词语、提案号和承办单位找到回函，摘要标出命中的词', async ({ page }, testInfo) => {
  const folder = join(tmpdir(), `huihan-e2e-search-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const letters = [0, 1, 2, 3, 4, 5].map((index) => generateLetter(55, index));
  const files = letters.map((letter, index) => {
    const file = join(folder, `回函${index}.txt`);
    writeFileSync(file, letter.text);
    return file;
  });
  await page.goto(host.url);
  await page.getByLabel('选择要导入的回函文件').setInputFiles(files);
  await expect(page.getByRole('region', { name: '导入' })).toContainText('新导入 6');

  const box = page.getByRole('searchbox', { name: '搜索回函' });
  const results = page.getByRole('listbox', { name: '回函' }).getByRole('option');
  const target = letters[3]!;
  await box.fill(target.facts.proposalTitle.slice(2, 8));
  await expect(results.first()).toBeVisible();
  await expect(page.getByRole('region', { name: '回函列表' })).toContainText(target.facts.session);
  await expect(results.first().locator('mark').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('search.png') });

  await box.fill(`号:${target.facts.proposalNumber}`);
  await expect(results).toHaveCount(
    letters.filter(
      (letter) =>
        letter.facts.proposalNumber.replace(/^0+/u, '') === target.facts.proposalNumber.replace(/^0+/u, ''),
    ).length,
  );
  await expect(results.first()).toContainText(`第${target.facts.proposalNumber}号`);

  await box.fill(`部门:${target.facts.issuer}`);
  await expect(results.first()).toContainText(target.facts.issuer);
  await box.press('Escape');
  await expect(page.getByRole('heading', { name: '全部回函' })).toBeVisible();
});
