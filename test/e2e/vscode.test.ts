import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { check, parseReport, readSource } from '../../server/src/core';
import { FIXTURES, findingOf, findingsOf, positionAt, readDraft } from './drafts';

// Started by scripts/e2e/run.sh: code-server serving the packaged extension and a copy of test/e2e/workspace.
const CODE_SERVER = process.env.GOVREPORT_E2E_URL;
const WORKSPACE = process.env.GOVREPORT_E2E_WORKSPACE;
const RESULTS = process.env.GOVREPORT_E2E_RESULTS ?? join(__dirname, '../../test-results/e2e');
const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM ?? '/usr/bin/chromium';
if (!CODE_SERVER || !WORKSPACE) throw new Error('run the real-editor tests with `npm run e2e`');
const workspace: string = WORKSPACE;

let browser: Browser;
let page: Page;
let shots = 0;

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(20_000);
  await page.goto(`${CODE_SERVER}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
});

after(() => browser?.close());

async function screenshot(name: string): Promise<void> {
  shots++;
  await page.screenshot({ path: join(RESULTS, `${String(shots).padStart(2, '0')}-${name}.png`) });
}

/** A test that leaves a screenshot of how the editor looked at its end, passed or failed. */
function step(name: string, slug: string, body: () => Promise<void>): void {
  test(name, { timeout: 120_000 }, async () => {
    await page.keyboard.press('Escape'); // whatever an earlier test left open (a menu, a hover, a dialog)
    try {
      await body();
      await screenshot(slug);
    } catch (error) {
      await screenshot(`${slug}-FAILED`).catch(() => {});
      throw error;
    }
  });
}

const editor = () => page.locator('.editor-instance .monaco-editor').first();
const problem = (message: string) => page.locator('.markers-panel .monaco-list-row', { hasText: message });
const squiggles = () => editor().locator('.squiggly-error');

async function openDraft(name: string): Promise<void> {
  await page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true }).dblclick();
  await page.locator('.tab.active', { hasText: name }).first().waitFor(); // one per editor group it is open in
  await editor().locator('.view-lines').waitFor();
}

async function showProblems(): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
}

/**
 * Puts the cursor at a UTF-16 offset. Go to Line's column counts a Chinese character as two, so the line comes from
 * Go to Line and the column from arrow keys, as a person would move there.
 */
async function moveCursorTo(text: string, offset: number): Promise<void> {
  const { line, character } = positionAt(text, offset);
  await editor().locator('.view-lines').click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line + 1));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  for (let i = 0; i < character; i++) await page.keyboard.press('ArrowRight');
}

const draft = readDraft('draft-2021.md');
const wrongTotal = findingOf(draft, 'row-total');

step('a draft with a wrong total and a missing section shows squiggles and Problems entries', 'diagnostics', async () => {
  await openDraft('draft-2021.md');
  await showProblems();
  for (const finding of findingsOf(draft)) await problem(finding.message).waitFor();
  await problem(findingOf(draft, 'section-missing').message).waitFor();
  // Choosing the entry brings the editor to the wrong total, underlined (lines out of view have no squiggle drawn).
  await problem(wrongTotal.message).click({ position: { x: 80, y: 10 } }); // on the message, not the rule's link
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${positionAt(draft, wrongTotal.span.start).line + 1},` }).waitFor();
  await squiggles().first().waitFor();
});

step('Ctrl+. on the wrong total offers the fix; applying it changes the total and clears the problem', 'quick-fix', async () => {
  await openDraft('draft-2021.md');
  await moveCursorTo(draft, wrongTotal.span.start + 1);
  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: wrongTotal.fixes[0].title });
  await fix.waitFor();
  await screenshot('quick-fix-menu');
  await fix.click();
  await editor().locator('.view-lines', { hasText: '| 2 | 28 |' }).waitFor();
  await showProblems();
  await problem(wrongTotal.message).waitFor({ state: 'detached' });
  await problem(findingOf(draft, 'section-missing').message).waitFor();
});

const tableDraft = readDraft('table-2021.md');
/** The palette shows the title the manifest gives the command in the UI language (English in code-server). */
const INSERT_TABLE_COMMAND = (JSON.parse(readFileSync(join(__dirname, '../../package.nls.json'), 'utf8')) as Record<string, string>)[
  'govreport.command.insertStandardTable'
].replace(/…$/, '');
const missingTable = findingOf(tableDraft, 'table-missing');

step('the command palette inserts the standard table of section 四, and the missing-table problem clears', 'insert-table', async () => {
  await openDraft('table-2021.md');
  await showProblems();
  await problem(missingTable.message).waitFor();
  // The line below the heading of section 四 is blank: the table goes there.
  const belowHeading = tableDraft.indexOf('\n', missingTable.span.start) + 1;
  assert.equal(tableDraft[belowHeading], '\n');
  await moveCursorTo(tableDraft, belowHeading);
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type(INSERT_TABLE_COMMAND);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: INSERT_TABLE_COMMAND }).first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '四、政府信息公开行政复议、行政诉讼情况' }).first().click();
  await editor().locator('.view-lines', { hasText: '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |' }).waitFor();
  await page.keyboard.press('Escape'); // leave the snippet's tab stops
  await problem(missingTable.message).waitFor({ state: 'detached' });
});

const saveDraft = readDraft('save-2021.md');
const saveWrongTotal = findingOf(saveDraft, 'row-total');

step('hovering a total shows its sum, its terms and what the table says', 'hover', async () => {
  await openDraft('save-2021.md');
  await moveCursorTo(saveDraft, saveWrongTotal.span.start + 1);
  await squiggles().first().waitFor();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:visible');
  await hover.filter({ hasText: '= 20 + 4 + 0 + 1 + 1 + 2 = 28' }).waitFor();
  await hover.filter({ hasText: '表中为 29，应为 28' }).waitFor();
  await hover.filter({ hasText: saveWrongTotal.message }).waitFor(); // the diagnostic at the same place
});

step('saving with source.fixAll.govreport on save writes the fixed draft to disk', 'fix-on-save', async () => {
  await openDraft('save-2021.md');
  await moveCursorTo(saveDraft, saveWrongTotal.span.start + 1);
  await squiggles().first().waitFor();
  await page.keyboard.press('Control+S');
  const file = join(workspace, 'save-2021.md');
  let saved = saveDraft;
  for (let waited = 0; saved === saveDraft && waited < 15_000; waited += 100) {
    await page.waitForTimeout(100);
    saved = readFileSync(file, 'utf8');
  }
  assert.notEqual(saved, saveDraft, 'the file on disk did not change');
  assert.deepEqual(findingsOf(saved), [], 'the core finds nothing left in the saved file');
  assert.match(saved, /（一）予以公开 \| {2}\| 20 \| 4 \| 0 \| 1 \| 1 \| 2 \| 28 \|/);
  await squiggles().first().waitFor({ state: 'detached' });
});

/** Runs a command of ours from the palette by the title the manifest gives it (English in code-server). */
const NLS = JSON.parse(readFileSync(join(__dirname, '../../package.nls.json'), 'utf8')) as Record<string, string>;
async function runCommand(key: string): Promise<void> {
  const title = `govreport: ${NLS[key].replace(/…$/, '')}`;
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** Every figure of a report's standard tables, as `table/row: values`. */
function figures(text: string): string[] {
  return check(text)
    .report.sections.flatMap((s) => s.tables)
    .flatMap((table) =>
      table.rows.filter((row) => row.def).map((row) => `${table.def.id}/${row.def!.id}: ${row.values.map((c) => c.text).join(' ')}`),
    );
}

const previewDraft = readDraft('preview-2021.report.md');
const previewWrongTotal = findingOf(previewDraft, 'row-total');

step(
  '预览报告 opens the Markdown preview beside a .report.md draft: the tables as published, the wrong total marked',
  'preview',
  async () => {
    await openDraft('preview-2021.report.md');
    await page.locator('[id="status.editor.mode"]', { hasText: 'Government information disclosure annual report' }).waitFor();
    await runCommand('govreport.command.previewReport');
    // The preview is a webview: an iframe whose own iframe holds the rendered document.
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const marked = preview.locator('td.govreport-marked');
    await marked.first().waitFor({ timeout: 60_000 });
    // The mistyped row total breaks its row's sum and its column's （七）总计: both findings blame that one cell.
    assert.equal(
      await marked.count(),
      new Set(findingsOf(previewDraft).map((f) => f.span.start)).size,
      'each cell the findings blame is marked once, with every message about it',
    );
    const total = preview.locator(`td.govreport-marked[title*="${previewWrongTotal.message}"]`);
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node (innerText is the rendered text)
    assert.equal((await total.innerText()).replace(/\[\d+\]/g, '').trim(), '29');
    await preview.locator('ol.govreport-findings', { hasText: previewWrongTotal.message }).waitFor();
    // The merged header rows of section 三: the corner note spans rows, 法人或其他组织 spans its columns.
    await preview.locator('th[colspan]', { hasText: '法人或其他组织' }).first().waitFor();
    await preview.locator('th[rowspan]', { hasText: '勾稽关系' }).first().waitFor();
    await total.scrollIntoViewIfNeeded();
    // For the screenshot: the preview with room, no tooltip over it.
    if (await page.locator('.markers-panel').isVisible()) await page.keyboard.press('Control+J');
    await page.mouse.move(1100, 850);
  },
);

step('导出为 Word/网页 writes the .docx beside the draft; read back, it has every figure of the draft', 'export', async () => {
  await openDraft('preview-2021.report.md');
  await runCommand('govreport.command.exportReport');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Word document (.docx)' }).click();
  const file = join(workspace, 'preview-2021.docx');
  await page.locator('.notification-toast', { hasText: 'Exported to preview-2021.docx' }).waitFor();
  assert.ok(existsSync(file));
  const back = await readSource(readFileSync(file), 'preview-2021.docx');
  assert.deepEqual(figures(back.text), figures(previewDraft));
  await page.locator('.explorer-folders-view').getByRole('treeitem', { name: 'preview-2021.docx', exact: true }).waitFor();
});

step('导入报告 reads a Word file into a new report draft with every figure of the Word file', 'import', async () => {
  await runCommand('govreport.command.importReport');
  // code-server's own file dialog: a path in a quick input.
  const input = page.locator('.quick-input-box input');
  await input.waitFor();
  await page.locator('.quick-input-widget', { hasText: 'report-2023.docx' }).waitFor(); // the folder is listed
  await input.press('End');
  await page.keyboard.type('report-2023.docx');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  // The draft opens in the active editor group (the one beside, where the preview was).
  const opened = page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  await opened.locator('.view-lines', { hasText: '某某县人民政府2023年政府信息公开工作年度报告' }).waitFor();
  await page.locator('[id="status.editor.mode"]', { hasText: 'Government information disclosure annual report' }).waitFor();
  await page.locator('.notification-toast', { hasText: 'Imported report-2023.docx' }).waitFor();
  // The first tables of the Word file, as canonical markdown rows with the figures of the draft it was made from.
  const source = readFileSync(join(FIXTURES, '..', '..', 'fixtures', 'docx', 'canonical-2023.report.md'), 'utf8');
  for (const row of ['| 规章 | 1 | 2 | 3 |', '| 行政规范性文件 | 4 | 5 | 6 |']) {
    assert.ok(source.includes(row));
    await opened.locator('.view-lines', { hasText: row }).waitFor();
  }
});

step('a .txt draft that looks like a report is checked, and the report language is offered for it', 'text-draft', async () => {
  await openDraft('pasted-2021.txt');
  await showProblems();
  await problem(previewWrongTotal.message).first().waitFor();
  const offer = page.locator('.notification-toast', { hasText: 'pasted-2021.txt looks like a government information disclosure report' });
  await offer.waitFor();
  await offer.getByRole('button', { name: 'Open as report' }).click();
  await page.locator('[id="status.editor.mode"]', { hasText: 'Government information disclosure annual report' }).waitFor();
});

step(
  'two years of one agency in the workspace: the 2023 carry-over that disagrees with 2022; a .govreport.json turning the rule off removes it',
  'cross-year',
  async () => {
    // What the core finds in 2023 given the 2022 report, named as the server names it (its path in the workspace).
    const before = parseReport(readDraft('years/2022.md'));
    before.source = 'years/2022.md';
    const carried = check(readDraft('years/2023.md'), {}, { others: [before] }).findings.filter((f) => f.rule === 'carry-over');
    assert.equal(carried.length, 2, 'the fixture pair disagrees in two columns');
    await page.locator('.explorer-folders-view').getByRole('treeitem', { name: 'years', exact: true }).click();
    await openDraft('2023.md');
    await showProblems();
    // Only the problems that name 2022.md: the other drafts' problems would push the second one out of view.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.fill('2022.md');
    for (const finding of carried) await problem(finding.message).waitFor({ timeout: 60_000 });
    // Each links to the figure of 2022 it was compared with: 四、结转下年度继续办理, line 65.
    await page.locator('.markers-panel .monaco-list-row', { hasText: '2022.md[Ln 65' }).first().waitFor();
    await screenshot('cross-year-found');
    writeFileSync(join(workspace, 'years', '.govreport.json'), JSON.stringify({ rules: { 'carry-over': 'off' } }));
    for (const finding of carried) await problem(finding.message).waitFor({ state: 'detached', timeout: 60_000 });
    await filter.fill('');
  },
);
