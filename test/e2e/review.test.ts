import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';

// The review page of `govreport check --format html` in real headless Chromium, opened from a file with the network
// blocked. Needs only dist/cli.js (built by `npm run e2e`) and Chromium, not code-server.
const ROOT = join(__dirname, '..', '..');
const RESULTS = process.env.GOVREPORT_E2E_RESULTS ?? join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM ?? '/usr/bin/chromium';
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const SCREENSHOT = join(ROOT, 'docs', 'screenshot-review.png');

let browser: Browser;
let page: Page;
let dir: string;
/** Every request the page made other than for its own file. */
const fetched: string[] = [];
/** The inputs of the run: the real pages of 平潭 (consecutive years of two agencies), the examples, an old .doc. */
const inputs: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govreport-review-'));
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  for (const file of [
    ...readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(CORPUS, f)),
    join(ROOT, 'examples', 'clean-2021.report.md'),
    join(ROOT, 'examples', 'mistakes-2021.report.md'),
    join(ROOT, 'test', 'fixtures', 'docx', 'pingtan-shenpi-2024.doc'),
  ]) {
    copyFileSync(file, join(reports, basename(file)));
    inputs.push(basename(file));
  }
  const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'html', 'reports'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 2, run.stderr); // the .doc cannot be checked
  writeFileSync(join(dir, 'review.html'), run.stdout);
  mkdirSync(RESULTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, offline: true });
  const own = pathToFileURL(join(dir, 'review.html')).href;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === own) return route.continue();
    fetched.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(own);
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the overview lists every input with its status; the .doc with the reason it was not checked', async () => {
  const rows = page.locator('#overview tbody tr');
  assert.equal(await rows.count(), inputs.length);
  const files = (await page.locator('#overview tbody tr td:nth-child(2)').allTextContents()).map((f) => basename(f));
  assert.deepEqual([...files].sort(), [...inputs].sort());
  const doc = rows.filter({ hasText: 'pingtan-shenpi-2024.doc' });
  assert.match((await doc.textContent()) ?? '', /无法检查[\s\S]*\.doc 文件无法直接读取/);
  assert.equal(await page.locator('.rv-total[data-total="failed"] b').textContent(), '1');
  assert.equal(await page.locator('.rv-total[data-total="checked"] b').textContent(), String(inputs.length - 1));
});

test('sorting the overview by year puts 2019 first; by status, the file not checked first', async () => {
  await page.locator('#overview th', { hasText: '年度' }).click();
  const years = (await page.locator('#overview tbody tr td:nth-child(4)').allTextContents()).filter(Boolean).map(Number);
  assert.equal(years[0], 2019);
  assert.deepEqual(years, [...years].sort());
  await page.locator('#overview th', { hasText: '状态' }).click();
  assert.equal(await page.locator('#overview tbody tr').first().locator('td').first().textContent(), '无法检查');
});

test('a matrix cell opens its report: the wrong cell is marked, its message beside the table', async () => {
  const row = page.locator('#matrix tbody tr', { hasText: '平潭综合实验区交通与建设局 2024' });
  const rules = await page.locator('#matrix thead th.rv-rule').allTextContents();
  await row.locator('td').nth(rules.indexOf('in-force-count')).locator('a').click();
  const report = page.locator('details.rv-report[open]', { hasText: 'pingtan-jiaojian-2024.html' });
  await report.waitFor();
  // 行政规范性文件: 23 in force in 2024, but 2023's page says 15, and 2024's 3 issued − 1 repealed: 17.
  const marked = report.locator('td.govreport-marked');
  assert.equal(await marked.count(), 1);
  assert.match((await marked.textContent()) ?? '', /^23\s*\[1\]$/);
  const message = report.locator('ol.govreport-findings li').first();
  assert.match((await message.textContent()) ?? '', /行政规范性文件现行有效件数为 23.*= 17/s);
  const [cell, note] = [await marked.boundingBox(), await message.boundingBox()];
  assert.ok(cell && note && note.x >= cell.x + cell.width, 'the message stands beside the table');
  await page.screenshot({ path: join(RESULTS, 'review-marked-cell.png') });
});

test('the charts draw a bar for every report of every agency, to scale', async () => {
  const bars = page.locator('#chart-received svg a.rv-bar');
  const labels = await bars.evaluateAll((as) => as.map((a) => a.getAttribute('data-label') ?? ''));
  for (const agency of ['交通与建设局', '金井片区管理局', '行政审批局', '市场监督管理局', '财政金融局']) {
    assert.ok(
      labels.some((l) => l.includes(agency)),
      `${agency} in ${labels.join(', ')}`,
    );
  }
  assert.equal(labels.length, inputs.length - 1);
  // 交通与建设局 received 58 in 2024 and 14 in 2023: the bars' drawn widths keep that ratio.
  const width = async (label: string) =>
    (await bars
      .filter({ has: page.locator(`xpath=self::*[@data-label="${label}"]`) })
      .locator('rect')
      .boundingBox())!.width;
  const ratio = (await width('平潭综合实验区交通与建设局 2024')) / (await width('平潭综合实验区交通与建设局 2023'));
  assert.ok(Math.abs(ratio - 58 / 14) < 0.05, `ratio ${ratio}`);
  const stacked = page.locator('#chart-handled svg a.rv-bar[data-label="平潭综合实验区交通与建设局 2024"] rect');
  assert.equal(await stacked.count(), 4, '予以公开, 部分公开, 不予公开, 无法提供');
  // For the README: the totals above the two charts.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.locator('#charts').evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: SCREENSHOT });
});

test('nothing was fetched', () => {
  assert.deepEqual(fetched, []);
});
