import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { generateLetter, type GeneratedLetter } from '../bench/letter-generator';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

const COUNT = 1200;
let host: RunningWebHost;
let folder: string;

test.beforeEach(async () => {
  host = await startWebHostProcess();
  folder = mkdtempSync(join(tmpdir(), 'huihan-e2e-lists-'));
});

test.afterEach(async () => {
  await host.stop();
  rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

const numberOf = (letter: GeneratedLetter): number => Number(letter.facts.proposalNumber);

test('一千多封回函：翻到最后、全选、排序、输入提示、标签颜色、打开原件、打印', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  const letters = Array.from({ length: COUNT }, (_, index) => generateLetter(66, index));
  const files = letters.map((letter, index) => {
    const file = join(folder, `回函${String(index).padStart(4, '0')}.txt`);
    writeFileSync(file, letter.text);
    return file;
  });

  await page.goto(host.url);
  await page.getByLabel('选择要导入的回函文件').setInputFiles(files);
  await expect(page.getByRole('region', { name: '导入' })).toContainText(`新导入 ${COUNT}`, {
    timeout: 480_000,
  });
  await expect(page.getByRole('status', { name: '归档引擎状态' })).toContainText(`回函 ${COUNT} 封`);

  // The whole list, however long: the count is the full total, the keyboard reaches the last row.
  const pane = page.getByRole('region', { name: '回函列表' });
  await expect(pane.getByLabel('数量')).toHaveText(`共 ${COUNT} 封`);
  const list = page.getByRole('listbox', { name: '回函' });
  const rows = list.getByRole('option');
  expect(await rows.count()).toBeLessThan(100);
  await rows.first().click();
  await list.press('End');
  const last = list.locator(`[role="option"][aria-posinset="${COUNT}"]:not([aria-busy])`);
  await expect(last).toBeVisible();
  await expect(last).toHaveClass(/selected/u);
  const lastTitle = (await last.locator('.letter-title').textContent()) ?? '';
  await expect(page.getByRole('region', { name: '阅读' }).getByRole('heading', { level: 2 })).toHaveText(
    lastTitle,
  );
  await list.press('Home');
  await expect(list.locator('[role="option"][aria-posinset="1"]')).toHaveClass(/selected/u);
  await list.press('PageDown');
  await list.press('PageDown');
  await expect(list.locator('[role="option"].selected')).not.toHaveAttribute('aria-posinset', '1');
  await page.screenshot({ path: testInfo.outputPath('list-keyboard.png') });

  // Ctrl+A chooses every letter, also those never loaded; Shift-click chooses a range.
  await list.press('Control+a');
  const bar = page.getByRole('toolbar', { name: '所选回函的操作' });
  await expect(bar).toContainText(`已选 ${COUNT} 封`);
  await bar.getByRole('button', { name: '取消选择' }).click();
  await list.press('Home');
  await list.locator('[role="option"][aria-posinset="3"]').click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('已选 3 封');
  // Shift+End from the top chooses down to the last row, across pages never loaded; Esc lets go.
  await list.press('Home');
  await list.press('Shift+End');
  await expect(bar).toContainText(`已选 ${COUNT} 封`);
  await list.press('Escape');
  await expect(bar).toBeHidden();
  await list.press('Home');

  // Sort by 提案号: the smallest number comes first.
  await pane.getByRole('combobox', { name: '排序' }).selectOption({ label: '提案号' });
  const smallest = Math.min(...letters.map(numberOf));
  const written = [
    ...new Set(letters.filter((l) => numberOf(l) === smallest).map((l) => l.facts.proposalNumber)),
  ];
  await expect(rows.first()).toContainText(new RegExp(`第(${written.join('|')})号`, 'u'));
  await pane.getByRole('combobox', { name: '排序' }).selectOption({ label: '届次' });

  // A filter suggestion completes 部门:, and the results are that department's letters.
  const issuer = letters[0]!.facts.issuer;
  const box = page.getByRole('searchbox', { name: '搜索回函' });
  await box.click();
  await box.pressSequentially(`部门:${issuer.slice(0, 4)}`);
  const suggestions = page.getByRole('listbox', { name: '部门的建议' });
  await expect(suggestions).toBeVisible();
  await expect(suggestions.getByRole('option', { name: new RegExp(issuer, 'u') })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('suggestions.png') });
  const choice = suggestions.getByRole('option', { name: new RegExp(issuer, 'u') });
  await choice.click();
  await expect(box).toHaveValue(`部门:${issuer} `);
  await expect(suggestions).toBeHidden();
  const expected = letters.filter((letter) => letter.facts.issuer.includes(issuer)).length;
  await expect(pane.getByLabel('数量')).toHaveText(`找到 ${expected} 封`);
  await expect(rows.first()).toContainText(issuer);

  // A facet chip narrows the query by its value; the chip tells its count.
  const yearChips = pane.getByRole('group', { name: '按年缩小' }).getByRole('button');
  const chipLabel = (await yearChips.first().getAttribute('aria-label')) ?? '';
  const [, year, chipCount] = /^年:(\d{4})（(\d+) 封）$/u.exec(chipLabel) ?? [];
  await yearChips.first().click();
  await expect(box).toHaveValue(`部门:${issuer} 年:${year}`);
  await expect(pane.getByLabel('数量')).toHaveText(`找到 ${chipCount} 封`);
  await box.press('Escape');
  await expect(box).toHaveValue('');

  // A tag with a colour: the chip shows it in the reader and in the list.
  await rows.first().click();
  const reader = page.getByRole('region', { name: '阅读' });
  await reader.getByRole('textbox', { name: '添加标签' }).fill('重点');
  await reader.getByRole('textbox', { name: '添加标签' }).press('Enter');
  await reader.getByRole('button', { name: '标签「重点」的颜色：无' }).click();
  await reader
    .getByRole('radiogroup', { name: '选择标签「重点」的颜色' })
    .getByRole('radio', { name: '竹青' })
    .click();
  await expect(reader.getByRole('button', { name: '标签「重点」的颜色：竹青' })).toBeVisible();
  await expect(reader.locator('.tag-chip', { hasText: '重点' })).toHaveCSS('color', 'rgb(30, 123, 67)');
  await expect(rows.first().locator('.tag-chip', { hasText: '重点' })).toHaveCSS('color', 'rgb(30, 123, 67)');
  await page.getByRole('button', { name: '标签', exact: true }).click();
  await expect(
    page.getByRole('list', { name: '标签' }).getByRole('button', { name: '标签「重点」的颜色：竹青' }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('tag-colour.png') });

  // 打开原件 under the web host: a new tab with the original's bytes; no 在文件夹中显示 here.
  await page.getByRole('button', { name: /^重点/u }).click();
  await rows.first().click();
  const fileName = (await reader.locator('.reader-header .muted').first().textContent()) ?? '';
  const original = readFileSync(join(folder, fileName));
  await expect(reader.getByRole('button', { name: '在文件夹中显示' })).toHaveCount(0);
  const popupPromise = page.waitForEvent('popup');
  await reader.getByRole('button', { name: '打开原件' }).click();
  const popup = await popupPromise;
  await popup.waitForURL(/\/originals\/\d+$/u);
  await expect(popup.locator('body')).toContainText(original.toString('utf8').trim().slice(0, 12));
  const served = await page.request.get(popup.url());
  expect(served.headers()['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  expect(Buffer.from(await served.body()).equals(original)).toBe(true);
  await popup.close();

  // 打印: the print stylesheet leaves the letter's card and text, without the app around it.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '导航' })).toBeHidden();
  await expect(reader.getByRole('definition').first()).toBeVisible();
  await expect(reader.getByRole('toolbar', { name: '回函操作' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Arrows and Enter in the navigation and in a list of groups; Ctrl+F back to the search box.
  await page.getByRole('button', { name: '搜索', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: '按届次 / 提案号', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const groups = page.getByRole('list', { name: '按届次 / 提案号' }).getByRole('button');
  await groups.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(groups.nth(1)).toBeFocused();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: '搜索回函' })).toBeFocused();
});
