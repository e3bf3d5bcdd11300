/**
 * Browser benchmark of the UI (issue 6, item 8): the real renderer in Chromium through the web host,
 * on an archive of 10,000 generated letters. Prints medians, p95 and max; never asserts.
 *   (a) usable after start: launching the host → search box interactive and the status bar showing
 *       the letter count;
 *   (b) a query typed in the box → its results rendered (the count and the first row visible);
 *   (c) scrolling a broad result to row 5,000 → that row drawn with its letter.
 * Needs the build (out/) and Chromium (/usr/bin/chromium or PLAYWRIGHT_CHROMIUM_PATH).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import config from '../playwright.config';
import type { GeneratedLetter } from './letter-generator';
import { benchArchive, benchLetters } from './ui-bench-archive';
import { median, percentile } from './stats';

const ROOT = join(import.meta.dirname, '..');
const WEB_HOST = join(ROOT, 'out', 'web', 'index.js');
const SEED = 77;
const ROUNDS = Number(process.env.HUIHAN_BENCH_UI_ROUNDS ?? 5);

interface Host {
  url: string;
  stop: () => Promise<void>;
}

function startHost(dataDir: string): Promise<Host> {
  const child = spawn(process.execPath, [WEB_HOST, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/u.exec(output);
      if (match) {
        clearInterval(poll);
        resolve({ url: match[0], stop });
      }
    }, 5);
    child.once('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`网页宿主退出（${code}）：${output}`));
    });
  });
}

/** The figures printed so far; printed as they come when run alone. */
const lines: string[] = [];
const alone = process.argv[1] === import.meta.filename;
function say(...more: string[]): void {
  lines.push(...more);
  if (alone) console.log(more.join('\n'));
}

const figures = (samples: number[]): string =>
  `${median(samples).toFixed(0)} / ${percentile(samples, 95).toFixed(0)} / ${Math.max(...samples).toFixed(0)}`;

/** (a) From spawning the host to a usable window, measured from this process. */
async function measureStart(
  browser: Browser,
  dataDir: string,
  count: number,
): Promise<{ total: number; url: number; page: number }> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  const started = performance.now();
  const host = await startHost(dataDir);
  const urlPrinted = performance.now() - started;
  try {
    await page.goto(host.url);
    await page.getByRole('searchbox', { name: '搜索回函' }).waitFor({ state: 'visible' });
    const shown = performance.now() - started;
    await page
      .getByRole('status', { name: '归档引擎状态' })
      .getByText(`回函 ${count} 封`)
      .waitFor({ timeout: 60_000 });
    const enabled = await page.getByRole('searchbox', { name: '搜索回函' }).isEditable();
    if (!enabled) throw new Error('搜索框不可用');
    return { total: performance.now() - started, url: urlPrinted, page: shown };
  } finally {
    await page.close();
    await host.stop();
  }
}

/**
 * In the page: puts `query` into the box as typing does (one input event), then waits for the count
 * to say 找到 … and the first row to show a letter; answers the milliseconds in between (page clock).
 */
const TYPE_AND_WAIT = `async ([query]) => {
  const box = document.querySelector('input[aria-label="搜索回函"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const started = performance.now();
  setValue.call(box, query);
  box.dispatchEvent(new Event('input', { bubbles: true }));
  const done = () => {
    const count = document.querySelector('.pane-list .pane-header .count');
    const heading = document.querySelector('.pane-list h2');
    const first = document.querySelector('.pane-list [role="option"][aria-posinset="1"]:not([aria-busy])');
    const empty = document.querySelector('.pane-list .empty-state');
    return heading && heading.textContent === '搜索结果' && count && count.textContent.startsWith('找到')
      && window.__lastQuery !== query && (first || empty);
  };
  const answered = await new Promise((resolve) => {
    const check = () =>
      done() ? resolve(true) : performance.now() - started > 30000 ? resolve(false) : requestAnimationFrame(check);
    check();
  });
  window.__lastQuery = query;
  if (!answered) return -1;
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return performance.now() - started;
}`;

const CLEAR = `async () => {
  const box = document.querySelector('input[aria-label="搜索回函"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setValue.call(box, '');
  box.dispatchEvent(new Event('input', { bubbles: true }));
  window.__lastQuery = '';
  await new Promise((resolve) => {
    const check = () => {
      const heading = document.querySelector('.pane-list h2');
      return heading && heading.textContent === '全部回函' ? resolve() : requestAnimationFrame(check);
    };
    check();
  });
}`;

/** In the page: scrolls the result list so that row `row` (1-based) is in view; ms until it is drawn. */
const SCROLL_TO_ROW = `async ([row]) => {
  const list = document.querySelector('.pane-list [role="listbox"]');
  if (!list) return -1;
  const spacer = list.querySelector('.virtual-spacer');
  const total = Number(list.querySelector('[role="option"]').getAttribute('aria-setsize'));
  const rowHeight = spacer.getBoundingClientRect().height / total;
  const started = performance.now();
  list.scrollTop = (row - 1) * rowHeight;
  list.dispatchEvent(new Event('scroll'));
  await new Promise((resolve) => {
    const check = () =>
      list.querySelector('[role="option"][aria-posinset="' + row + '"]:not([aria-busy])')
        ? resolve()
        : requestAnimationFrame(check);
    check();
  });
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return performance.now() - started;
}`;

function benchQueries(count: number): Array<{ kind: string; query: string }> {
  const letters = benchLetters(SEED, count);
  const at = (index: number): GeneratedLetter => {
    const letter = letters[index % letters.length];
    if (!letter) throw new Error('没有生成的回函');
    return letter;
  };
  return [
    { kind: '二字词', query: '人才' },
    { kind: '四字词', query: '人才公寓' },
    { kind: '两个词', query: '人才 落实' },
    { kind: '短语', query: '"基本情况"' },
    { kind: '排除', query: '交通 -养老' },
    { kind: '人名', query: at(3).facts.proposer },
    { kind: '提案号', query: `号:${at(5).facts.proposalNumber}` },
    { kind: '部门筛选', query: `部门:${at(7).facts.issuer}` },
    { kind: '年份+类别', query: '年:2020 类别:A' },
    { kind: '词+届次', query: `落实 届次:${at(11).facts.session}` },
  ];
}

async function measureQueries(page: Page, count: number, rounds: number): Promise<void> {
  say(
    '| 查询 | 类别 | 结果数 | 界面 p50 / p95 / 最大 (ms) | 接口往返 p50 (ms) | 引擎计算 p50 (ms) |',
    '|---|---|---|---|---|---|',
  );
  const all: number[] = [];
  for (const { kind, query } of benchQueries(count)) {
    const samples: number[] = [];
    let timeouts = 0;
    for (let round = 0; round < rounds; round += 1) {
      await page.evaluate(`(${CLEAR})()`);
      const ms = await page.evaluate<number>(`(${TYPE_AND_WAIT})(${JSON.stringify([query])})`);
      if (ms < 0) timeouts += 1;
      else samples.push(ms);
    }
    all.push(...samples);
    const found = (await page.locator('.pane-list .pane-header .count').textContent()) ?? '';
    const api: Array<[number, number]> = [];
    for (let round = 0; round < 3; round += 1)
      api.push(await page.evaluate<[number, number]>(`(${API_SEARCH})(${JSON.stringify([query])})`));
    const apiFigures = `${median(api.map((a) => a[0])).toFixed(0)} | ${median(api.map((a) => a[1])).toFixed(0)}`;
    const late = timeouts > 0 ? `（${timeouts} 次超过 30 s 未显示）` : '';
    say(
      `| ${query} | ${kind} | ${found.replace(/\D/gu, '') || 0} | ${samples.length > 0 ? figures(samples) : '—'}${late} | ${apiFigures} |`,
    );
  }
  if (all.length > 0) say(`| 全部查询 | | | ${figures(all)} |`);
}

/** In the page: the same query straight through window.huihan (no UI): [round trip ms, engine's elapsedMs]. */
const API_SEARCH = `async ([query]) => {
  const started = performance.now();
  const result = await window.huihan.search({ query, limit: 100 });
  return [performance.now() - started, result.elapsedMs];
}`;

/** A broad result (about two thirds of the letters), answered from the letters' fields. */
const BROAD = '类别:A OR 类别:B';

async function measureScroll(page: Page, rounds: number): Promise<string> {
  await page.evaluate(`(${CLEAR})()`);
  await page.evaluate(`(${TYPE_AND_WAIT})(${JSON.stringify([BROAD])})`);
  const total = (await page.locator('.pane-list .pane-header .count').textContent()) ?? '';
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Back to the top (its rows are loaded), then to row 5,000 whose page is not.
    await page.evaluate(`(${SCROLL_TO_ROW})([1])`);
    await page.evaluate(`(${CLEAR})()`);
    await page.evaluate(`(${TYPE_AND_WAIT})(${JSON.stringify([BROAD])})`);
    const ms = await page.evaluate<number>(`(${SCROLL_TO_ROW})([5000])`);
    if (ms >= 0) samples.push(ms);
  }
  if (samples.length === 0) return `滚动到第 5,000 行：未能测量（「${BROAD}」没有在 30 s 内显示结果）`;
  return `滚动到第 5,000 行（「${BROAD}」，${total}）：p50 / p95 / 最大 ${figures(samples)} ms`;
}

export async function benchUi(count = Number(process.env.HUIHAN_BENCH_UI_SIZE ?? 10_000)): Promise<string[]> {
  lines.length = 0;
  say(`## 界面（浏览器，网页宿主，${count.toLocaleString('en')} 封回函；机器同时被其他任务占用时数字偏大）`);
  if (!existsSync(WEB_HOST)) return [...lines, '跳过：未找到 out/web/index.js，请先运行 npm run build'];
  const launchOptions = config.use?.launchOptions ?? {};
  if (launchOptions.executablePath === undefined)
    return [...lines, '跳过：未找到 Chromium（/usr/bin/chromium 或 PLAYWRIGHT_CHROMIUM_PATH）'];
  const archive = await benchArchive(SEED, count);
  say(
    archive.builtSeconds > 0
      ? `生成档案：${archive.builtSeconds.toFixed(1)} s（已缓存于 ${archive.dir}）`
      : `使用缓存的档案：${archive.dir}（索引更新 ${archive.indexSeconds.toFixed(1)} s）`,
  );
  const browser = await chromium.launch(launchOptions);
  try {
    const starts: Array<{ total: number; url: number; page: number }> = [];
    for (let run = 0; run < 3; run += 1) starts.push(await measureStart(browser, archive.dir, count));
    say(
      `(a) 启动到可用（启动网页宿主 → 搜索框可用、状态栏显示 ${count} 封），3 次：p50 / p95 / 最大 ${figures(starts.map((s) => s.total))} ms（宿主打印网址 ${median(starts.map((s) => s.url)).toFixed(0)} ms，界面和搜索框出现 ${median(starts.map((s) => s.page)).toFixed(0)} ms）；目标 3,000 ms`,
    );

    const host = await startHost(archive.dir);
    try {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page
        .getByRole('status', { name: '归档引擎状态' })
        .getByText(`回函 ${count} 封`)
        .waitFor({ timeout: 60_000 });
      // Warm-up: the engine's indexes load in the background after start; the first searches wait for them.
      for (const query of ['人才', '教育']) {
        await page.evaluate(`(${CLEAR})()`);
        const ms = await page.evaluate<number>(`(${TYPE_AND_WAIT})(${JSON.stringify([query])})`);
        say(`预热：「${query}」${ms < 0 ? '30 s 内未显示结果' : `${ms.toFixed(0)} ms`}`);
      }
      const searchHint = () =>
        page
          .locator('.search-hint')
          .first()
          .textContent({ timeout: 500 })
          .catch(() => null);
      const warmHint = await searchHint();
      if (warmHint) say(`注意：预热后搜索提示「${warmHint}」`);
      say(`(b) 输入查询 → 结果显示（数量和第一行可见，含输入防抖），每个查询 ${ROUNDS} 次；目标 100 ms`);
      await measureQueries(page, count, ROUNDS);
      say(`(c) ${await measureScroll(page, ROUNDS)}`);
      const hint = await searchHint();
      if (hint) say(`注意：搜索提示「${hint}」`);
    } finally {
      await host.stop();
    }
  } finally {
    await browser.close();
  }
  return lines;
}

if (alone) await benchUi();
