import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateLetter } from '../bench/letter-generator';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeEach(async () => {
  host = await startWebHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

/** A made-up place name jieba's own dictionary cannot know: it cuts it into pieces until told. */
const TERM = '蓝鲸湾计划';

async function importLetterWithTerm(page: Page): Promise<void> {
  const folder = join(dirname(host.dataDir), '待导入');
  mkdirSync(folder, { recursive: true });
  const letter = generateLetter(7, 1);
  const text = letter.text.replace('。', `。我们将把${TERM}列入明年重点工作。`);
  expect(text).toContain(TERM);
  const file = join(folder, '回函.txt');
  writeFileSync(file, text);
  await page.goto(host.url);
  await page.getByLabel('选择要导入的回函文件').setInputFiles([file]);
  await expect(page.getByRole('region', { name: '导入' })).toContainText('新导入 1');
}

async function searchFinds(page: Page, query: string, count: number): Promise<void> {
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.getByRole('searchbox', { name: '搜索回函' }).fill(query);
  const results = page.getByRole('listbox', { name: '回函' }).getByRole('option');
  await expect(results).toHaveCount(count);
  await expect(results.first().locator('mark').first()).toHaveText(query);
}

test('设置：自定义词典让新词保持完整，跟进记录按设置署名，档案移动后回函和搜索都在', async ({
  page,
}, testInfo) => {
  await importLetterWithTerm(page);
  await searchFinds(page, TERM, 1);

  // 自定义词典: before, jieba cuts the made-up term apart; after saving it, the term stays whole.
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('region', { name: '设置' });
  const dictionary = settings.getByRole('region', { name: '自定义词典' });
  const sample = dictionary.getByRole('textbox', { name: '试分词的句子' });
  await sample.fill(`加快推进${TERM}建设`);
  await dictionary.getByRole('button', { name: '试分词' }).click();
  const words = dictionary.getByRole('list', { name: '分词结果' });
  await expect(words.getByRole('listitem').first()).toBeVisible();
  await expect(words.getByRole('listitem').filter({ hasText: new RegExp(`^${TERM}$`, 'u') })).toHaveCount(0);

  const box = dictionary.getByRole('textbox', { name: '自定义词典（每行一个词）' });
  await box.fill(`${TERM}\n人才 公寓`);
  await expect(dictionary.getByRole('alert')).toContainText('第 2 行');
  await expect(dictionary.getByRole('button', { name: '保存词典' })).toBeDisabled();
  await box.fill(`${TERM}\n${TERM}\n达人英才卡`);
  await expect(dictionary).toContainText('共 2 个词（1 个重复的已合并）');
  await dictionary.getByRole('button', { name: '保存词典' }).click();
  await expect(dictionary.getByRole('status')).toContainText('词典已保存');
  await dictionary.getByRole('button', { name: '试分词' }).click();
  await expect(words.getByRole('listitem').filter({ hasText: new RegExp(`^${TERM}$`, 'u') })).toHaveCount(1);
  await expect(dictionary.getByRole('status')).toContainText('索引已按新词典更新');
  await words.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-dictionary.png') });
  await searchFinds(page, TERM, 1);

  // 跟进人: a new follow-up is signed with the name from the settings.
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const author = settings.getByRole('region', { name: '跟进人（署名）' });
  await author.getByRole('textbox', { name: '跟进人姓名' }).fill('王秘书');
  await author.getByRole('button', { name: '保存署名' }).click();
  await expect(author.getByRole('status')).toContainText('新的跟进记录将署名为“王秘书”');
  await author.getByRole('status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-author.png') });
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.getByRole('listbox', { name: '回函' }).getByRole('option').first().click();
  const panel = page.getByRole('region', { name: '承诺事项' });
  const item = panel
    .getByRole('listitem')
    .filter({ has: page.getByLabel('落实情况') })
    .first();
  await item.getByLabel('添加跟进记录').fill('已到现场查看进度。');
  await item.getByLabel('添加跟进记录').press('Enter');
  await expect(item.getByRole('list', { name: '跟进记录' })).toContainText('王秘书：已到现场查看进度。');
  await page.screenshot({ path: testInfo.outputPath('follow-up-author.png') });

  // 档案位置: a folder inside the archive is refused; an empty new folder receives everything.
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const location = settings.getByRole('region', { name: '档案位置' });
  await expect(location.getByLabel('当前归档文件夹')).toHaveText(host.dataDir);
  await expect(location).toContainText('1 封回函');
  await expect(location).toContainText('--data');
  const target = location.getByRole('textbox', { name: '新位置（文件夹的完整路径）' });
  await target.fill(join(host.dataDir, 'originals', '里面'));
  await location.getByRole('button', { name: '移动档案…' }).click();
  await expect(location.getByRole('alert')).toContainText('不能把档案移动到它自己的文件夹里面');

  const newDir = join(dirname(host.dataDir), '新的位置', '回函档案');
  await target.fill(newDir);
  await location.getByRole('button', { name: '移动档案…' }).click();
  await expect(location.getByRole('status').filter({ hasText: '档案已移动到' })).toContainText('共 1 封回函');
  await expect(location.getByLabel('当前归档文件夹')).toHaveText(newDir);
  await expect(location.getByRole('status').filter({ hasText: '档案已移动到' })).toContainText('--data');
  await page.screenshot({ path: testInfo.outputPath('archive-moved.png') });
  expect(existsSync(host.dataDir)).toBe(false);
  expect(readdirSync(newDir)).toEqual(expect.arrayContaining(['huihan.sqlite', 'originals']));

  // After the move: the letter, its follow-up, the dictionary and search are all there.
  await expect(page.getByRole('status', { name: '归档引擎状态' })).toContainText('回函 1 封');
  await searchFinds(page, TERM, 1);
  await page.getByRole('listbox', { name: '回函' }).getByRole('option').first().click();
  await expect(page.getByRole('region', { name: '承诺事项' })).toContainText('王秘书：已到现场查看进度。');
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await expect(
    settings
      .getByRole('region', { name: '自定义词典' })
      .getByRole('textbox', { name: '自定义词典（每行一个词）' }),
  ).toHaveValue(`${TERM}\n达人英才卡`);
  await expect(settings.getByRole('region', { name: '跟进人（署名）' }).getByRole('textbox')).toHaveValue(
    '王秘书',
  );
});
