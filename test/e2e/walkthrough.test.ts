import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { check, readSource } from '../../server/src/core';

// Started by scripts/e2e/run.sh: code-server serving the packaged extension. This file starts from an empty folder.
const CODE_SERVER = process.env.GOVREPORT_E2E_URL;
const WORKSPACE = process.env.GOVREPORT_E2E_WORKSPACE;
const RESULTS = process.env.GOVREPORT_E2E_RESULTS ?? join(__dirname, '../../test-results/e2e');
const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM ?? '/usr/bin/chromium';
if (!CODE_SERVER || !WORKSPACE) throw new Error('run the real-editor tests with `npm run e2e`');
const FOLDER = join(dirname(WORKSPACE), 'empty-folder');
const SCREENSHOT = join(__dirname, '..', '..', 'docs', 'screenshot-walkthrough.png');
const NLS = JSON.parse(readFileSync(join(__dirname, '../../package.nls.json'), 'utf8')) as Record<string, string>;

let browser: Browser;
let page: Page;

before(async () => {
  mkdirSync(FOLDER, { recursive: true });
  assert.deepEqual(readdirSync(FOLDER), []);
  mkdirSync(RESULTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${CODE_SERVER}/?folder=${encodeURIComponent(FOLDER)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
});

after(() => browser?.close());

const editor = () => page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
const lines = () => editor().locator('.view-lines');
const problem = (text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text });
const toast = (text: string) => page.locator('.notification-toast', { hasText: text });

async function palette(title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: title }).first().click();
}
const runCommand = (key: string) => palette(`govreport: ${NLS[key].replace(/…$/, '')}`);

/**
 * Types `figure` over the first cell (自然人) of a Section 三 row, found by its label: End, then left over the other
 * cells, as a person would. Returns the text as it should now be.
 */
async function typeFirstFigure(text: string, label: string, figure: string): Promise<string> {
  const lines_ = text.split('\n');
  const line = lines_.findIndex((l) => l.includes(label));
  assert.ok(line >= 0, label);
  const cells = lines_[line].split('|');
  // From the line's end back over the seven value cells, to just before 自然人's figure (one character: 0–9).
  const moves = cells.slice(1, -1).slice(-7).join('|').length;
  await lines().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line + 1));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.keyboard.press('End');
  for (let i = 0; i < moves; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type(figure);
  const row = lines_[line];
  const at = row.length - moves;
  lines_[line] = `${row.slice(0, at)}${figure}${row.slice(at + 1)}`;
  return lines_.join('\n');
}

/** Saves the active editor and waits for the file to hold `expected` (or text that passes it; any text, where not given). */
async function saved(file: string, expected: string | ((text: string) => boolean) = () => true): Promise<string> {
  const wanted = typeof expected === 'string' ? (text: string) => text === expected : expected;
  await page.keyboard.press('Control+S');
  for (let waited = 0; waited < 15_000; waited += 100) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (text && wanted(text) && !(await page.locator('.tab.active.dirty').count())) return text;
    await page.waitForTimeout(100);
  }
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const differ = typeof expected === 'string' ? text.split('\n').find((l, i) => l !== expected.split('\n')[i]) : undefined;
  throw new Error(`${file} was not saved as expected${differ === undefined ? '' : `: on disk ${JSON.stringify(differ)}`}`);
}

/** Every figure of a report's standard tables, as `table/row: values`. */
function figures(text: string): string[] {
  return check(text)
    .report.sections.flatMap((s) => s.tables)
    .flatMap((table) =>
      table.rows.filter((row) => row.def).map((row) => `${table.def.id}/${row.def!.id}: ${row.values.map((c) => c.text).join(' ')}`),
    );
}

test('from an empty folder, the walkthrough: new report → a wrong total → 重新计算合计 → preview → exported .docx', {
  timeout: 600_000,
}, async () => {
  try {
    // The walkthrough, from the palette as a new user finds it (Help: Welcome lists it too).
    await palette('Welcome: Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: NLS['govreport.walkthrough.title'] }).click();
    const steps = page.locator('.getting-started-step');
    await steps.first().waitFor();
    assert.equal(await steps.count(), 5);
    for (const step of ['newReport', 'tables', 'fix', 'preview', 'export']) {
      await steps.filter({ hasText: NLS[`govreport.walkthrough.${step}.title`] }).waitFor();
    }
    // The step's markdown media, Chinese first, rendered in a webview beside the steps.
    const media = page.frameLocator('iframe.webview.ready:visible').first().frameLocator('#active-frame');
    await media.locator('h1', { hasText: '新建年度报告' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+B'); // the empty explorer aside, for room
    await page.mouse.move(1400, 880);
    await page.screenshot({ path: SCREENSHOT });

    // Step 1: the step's button runs 新建年度报告; the year offered first is last year.
    await page.getByRole('button', { name: NLS['govreport.command.newReport'], exact: true }).last().click();
    await page.locator('.quick-input-list .monaco-list-row:visible').first().click();
    await lines().filter({ hasText: '政府信息公开工作年度报告' }).waitFor();
    await page.keyboard.press('Escape'); // the snippet's tab stops: the agency name stays as offered
    const file = join(FOLDER, readdirSync(FOLDER).find((f) => f.endsWith('.report.md'))!);
    assert.match(file, /\d{4} annual report\.report\.md$/); // named in the UI's language (English here)
    const skeleton = await saved(file);
    assert.deepEqual(
      check(skeleton).findings.filter((f) => f.severity === 'error'),
      [],
    );

    // Step 2: the figures: five requests received, five disclosed, the totals not touched (now wrong).
    const received = await typeFirstFigure(skeleton, '一、本年新收政府信息公开申请数量', '5');
    const typed = await saved(file, await typeFirstFigure(received, '（一）予以公开', '5'));
    // code-server's UI is English, and so are the messages (the locale follows the UI unless set).
    const wrong = check(typed, { locale: 'en' }).findings.filter((f) => ['row-total', 'results-total'].includes(f.rule));
    // The two rows' totals and the 自然人 column's （七）总计 (the 总计 column's own （七） still adds up: all 0).
    assert.equal(wrong.length, 3, wrong.map((f) => f.message).join('\n'));
    await page.keyboard.press('Control+Shift+M');
    await problem(wrong[0].message).waitFor();

    // Step 3: 重新计算合计 sets the four totals from their parts.
    await runCommand('govreport.command.recalculateTotals');
    await toast('4 totals recalculated.').waitFor(); // the three, and the 总计 column's （七） above them
    await lines().filter({ hasText: '| 一、本年新收政府信息公开申请数量 |  |  | 5 | 0 | 0 | 0 | 0 | 0 | 5 |' }).waitFor();
    const fixed = await saved(file, (text) => text !== typed);
    assert.deepEqual(
      check(fixed).findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.match(fixed, /\| {2}\| （七）总计 \| {2}\| 5 \| 0 \| 0 \| 0 \| 0 \| 0 \| 5 \|/);
    await problem(wrong[0].message).waitFor({ state: 'detached' });

    // Step 4: the preview shows the Section 三 table as published, with the figures recalculated.
    await runCommand('govreport.command.previewReport');
    const preview = page.frameLocator('iframe.webview.ready:visible').last().frameLocator('#active-frame');
    await preview.locator('th[colspan]', { hasText: '法人或其他组织' }).first().waitFor({ timeout: 60_000 });
    await preview.locator('tr', { hasText: '（七）总计' }).locator('td', { hasText: /^5$/ }).first().waitFor();

    // Step 5: export to Word, beside the draft; read back, it has every figure of the draft.
    await page
      .locator('.editor-group-container', { has: page.locator('.tab', { hasText: '.report.md' }) })
      .first()
      .click();
    await lines().first().click();
    await runCommand('govreport.command.exportReport');
    await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Word document (.docx)' }).click();
    const docx = file.replace(/\.report\.md$/, '.docx');
    await toast('Exported to').waitFor();
    assert.ok(existsSync(docx), docx);
    const back = await readSource(readFileSync(docx), docx);
    assert.deepEqual(figures(back.text), figures(fixed));
    await page.screenshot({ path: join(RESULTS, 'walkthrough-done.png') });
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, 'walkthrough-FAILED.png') }).catch(() => {});
    throw error;
  }
});

test('a diagnostic’s rule link opens the rule’s page in the Markdown preview', { timeout: 300_000 }, async () => {
  try {
    const file = join(FOLDER, readdirSync(FOLDER).find((f) => f.endsWith('.report.md'))!);
    await page.locator('.tab', { hasText: '.report.md' }).first().click();
    const text = readFileSync(file, 'utf8');
    const wrong = check(await saved(file, await typeFirstFigure(text, '一、本年新收政府信息公开申请数量', '6')), {
      locale: 'en',
    }).findings.find((f) => f.rule === 'row-total')!;
    assert.ok(wrong);
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    const link = problem(wrong.message).locator('.code-link a, a.monaco-link', { hasText: 'row-total' }).first();
    await link.click();
    const page_ = page.frameLocator('iframe.webview.ready:visible').last().frameLocator('#active-frame');
    await page_.locator('h1', { hasText: '规则 row-total' }).waitFor({ timeout: 60_000 });
    await page_.locator('h2', { hasText: '为什么' }).waitFor();
    await page.locator('.tab.active', { hasText: 'row-total' }).waitFor();
    await page.screenshot({ path: join(RESULTS, 'rule-page.png') });
  } catch (error) {
    await page.screenshot({ path: join(RESULTS, 'rule-page-FAILED.png') }).catch(() => {});
    throw error;
  }
});
