import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { letterAbout } from '../electron/engine/topics/topic-test-support';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeEach(async () => {
  host = await startWebHostProcess();
});
test.afterEach(async () => {
  await host.stop();
});

/** Letters about clearly different subjects: two on roads, one on schools, one on health care. */
const LETTERS: Array<[string, string]> = [
  [
    '公路.txt',
    letterAbout('关于加快农村公路提档升级的提案', ['今年完成道路硬化85公里。'], '某县交通运输局', '001'),
  ],
  ['大桥.txt', letterAbout('关于修复大河口大桥的建议', ['危桥改造已列入计划。'], '某县交通运输局', '002')],
  ['学校.txt', letterAbout('关于改善农村学校办学条件的提案', ['今年改造校舍12所。'], '某县教育局', '003')],
  [
    '卫生院.txt',
    letterAbout('关于提升乡镇卫生院服务能力的提案', ['推进医共体建设。'], '某县卫生健康局', '004'),
  ],
];

/** Writes the four letters into a fresh folder and imports them through the page's file picker. */
async function importLetters(page: Page, prefix: string): Promise<void> {
  const folder = join(tmpdir(), `${prefix}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const files = LETTERS.map(([name, text]) => {
    const file = join(folder, name);
    writeFileSync(file, text);
    return file;
  });
  await page.goto(host.url);
  await page.getByLabel('选择要导入的回函文件').setInputFiles(files);
  await expect(page.getByRole('region', { name: '导入' })).toContainText('新导入 4');
}

test('按主题：分类和数量，调整一封回函的主题后它移到新主题下，搜索「主题:」筛选', async ({
  page,
}, testInfo) => {
  await importLetters(page, 'huihan-e2e-topics');

  await page.getByRole('button', { name: '按主题', exact: true }).click();
  const topics = page.getByRole('list', { name: '按主题' });
  await expect(topics.getByRole('button')).toHaveText([/交通\s*2/u, /医疗卫生\s*1/u, /教育\s*1/u]);

  await topics.getByRole('button', { name: /交通/u }).click();
  const rows = page.getByRole('listbox', { name: '回函' }).getByRole('option');
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: '第002号' }).click();
  const card = page.getByRole('definition').filter({ has: page.getByRole('combobox', { name: '主题' }) });
  const topicSelect = page.getByRole('combobox', { name: '主题' });
  await expect(topicSelect).toHaveValue('交通');
  await topicSelect.selectOption('城乡建设');
  await expect(topicSelect).toHaveValue('城乡建设');
  await expect(card.getByText('已调整')).toBeVisible();
  await expect(page.getByRole('list', { name: '关键词' })).toBeVisible();

  await page.getByRole('button', { name: '返回上一级' }).click();
  await expect(topics.getByRole('button')).toHaveText([
    /交通\s*1/u,
    /医疗卫生\s*1/u,
    /城乡建设\s*1/u,
    /教育\s*1/u,
  ]);
  await page.screenshot({ path: testInfo.outputPath('topics-browse.png') });

  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.getByRole('searchbox', { name: '搜索回函' }).fill('主题:城乡建设');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('第002号');
  await page.screenshot({ path: testInfo.outputPath('topics-search.png') });

  await rows.first().click();
  await card.getByRole('button', { name: '恢复自动' }).click();
  await expect(topicSelect).toHaveValue('交通');
  await expect(card.getByText('已调整')).toHaveCount(0);
});

test('承诺台账按主题和来源筛选，点开后阅读区定位到该承诺', async ({ page }, testInfo) => {
  await importLetters(page, 'huihan-e2e-topics-ledger');

  await page.getByRole('button', { name: '承诺台账', exact: true }).click();
  const ledger = page.getByRole('region', { name: '承诺台账' });
  const items = ledger.getByRole('list', { name: '承诺事项列表' }).getByRole('listitem');
  await expect(items).toHaveCount(4);
  await ledger.getByLabel('按主题筛选').selectOption('教育');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('第003号');

  await items.first().click();
  const focused = page.locator('article.letter-text mark.commitment-focused');
  await expect(focused).toBeVisible();
  await expect(focused).toContainText('年底前完成整改');
  await expect(focused).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('ledger-topic.png') });

  await ledger.getByLabel('按主题筛选').selectOption('');
  await ledger.getByLabel('按来源筛选').selectOption('confirmed');
  await expect(ledger.getByText('没有符合条件的承诺事项。')).toBeVisible();
  await ledger.getByLabel('按来源筛选').selectOption('detected');
  await expect(items).toHaveCount(4);
});

test('设置中的主题规则：删除一个主题后回函重新归类，恢复默认后复原', async ({ page }, testInfo) => {
  await importLetters(page, 'huihan-e2e-topic-rules');

  await page.getByRole('button', { name: '设置', exact: true }).click();
  const rules = page.getByRole('region', { name: '主题规则' });
  await expect(rules.getByRole('textbox', { name: '「交通」的关键词' })).toHaveValue(/公路/u);
  await rules.getByRole('button', { name: '删除主题「交通」' }).click();
  await rules.getByRole('button', { name: '保存主题规则' }).click();
  await expect(page.getByText('主题规则已保存')).toBeVisible();
  await expect(rules.getByRole('button', { name: '保存主题规则' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('topic-rules.png') });

  await page.getByRole('button', { name: '按主题', exact: true }).click();
  const topics = page.getByRole('list', { name: '按主题' });
  await expect(topics.getByRole('button', { name: /医疗卫生/u })).toBeVisible();
  await expect(topics.getByRole('button', { name: /交通/u })).toHaveCount(0);

  await page.getByRole('button', { name: '设置', exact: true }).click();
  await rules.getByRole('button', { name: '恢复默认' }).click();
  await rules.getByRole('button', { name: '保存主题规则' }).click();
  await expect(page.getByText('主题规则已保存')).toBeVisible();
  await page.getByRole('button', { name: '按主题', exact: true }).click();
  await expect(topics.getByRole('button', { name: /交通/u })).toHaveText(/交通\s*2/u);
});
