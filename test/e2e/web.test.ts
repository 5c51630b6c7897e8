import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { applyEdits } from '../../server/src/core';
import { findingOf, findingsOf, positionAt, readDraft } from './drafts';

/**
 * The language server of VS Code for the Web (dist/web/server.js) in real headless Chromium: a page starts it as a
 * web worker, as the browser client does, and speaks LSP with it over the worker's messages. Needs `node esbuild.mjs`
 * first; run alone with `npm run e2e:web`.
 */
const ROOT = join(__dirname, '../..');
const SERVER = join(ROOT, 'dist/web/server.js');
const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM ?? '/usr/bin/chromium';
/** An origin of our own: every request the page or the worker makes is answered (or refused) by the test itself. */
const ORIGIN = 'http://govreport.test';

/** The page: the worker and a log of every message it sends and every error it meets. */
const PAGE = `<!doctype html><meta charset="utf-8"><script>
window.received = [];
window.workerErrors = [];
const worker = new Worker('/dist/web/server.js');
worker.onmessage = (e) => window.received.push(e.data);
worker.onerror = (e) => window.workerErrors.push(String(e.message || 'error'));
worker.onmessageerror = () => window.workerErrors.push('messageerror');
window.send = (message) => worker.postMessage(message);
</script>`;

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}
interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
  data: unknown;
}
interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { edits: TextEdit[] }[] };
}

let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];
let nextId = 1;

before(async () => {
  assert.ok(existsSync(SERVER), 'build first: node esbuild.mjs');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext();
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: PAGE });
    if (url === `${ORIGIN}/dist/web/server.js`) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(SERVER) });
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${ORIGIN}/`);
});

after(() => browser?.close());

async function send(message: Message): Promise<void> {
  await page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), { jsonrpc: '2.0', ...message });
}

/** The first message from the server that fits, waited for. */
async function receive(fits: string, arg: unknown): Promise<Message> {
  const found = await page.waitForFunction(
    ([body, a]) => (window as unknown as { received: Message[] }).received.find((m) => new Function('m', 'a', body)(m, a)),
    [fits, arg] as const,
  );
  return (await found.jsonValue()) as Message;
}

async function request<T>(method: string, params: unknown): Promise<T> {
  const id = nextId++;
  await send({ id, method, params });
  const response = await receive('return m.id === a && !m.method', id);
  if (response.error) throw new Error(response.error.message);
  return response.result as T;
}

/** The diagnostics published for a document's version (each check of a new text is published with its version). */
async function diagnosticsOf(uri: string, version: number): Promise<Diagnostic[]> {
  const message = await receive(
    "return m.method === 'textDocument/publishDiagnostics' && m.params.uri === a.uri && m.params.version === a.version",
    { uri, version },
  );
  return (message.params as { diagnostics: Diagnostic[] }).diagnostics;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? action.edit?.documentChanges?.flatMap((c) => c.edits) ?? [];
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  return applyEdits(
    text,
    edits.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText })),
  );
}

async function open(uri: string, text: string): Promise<Diagnostic[]> {
  await send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
  return diagnosticsOf(uri, 1);
}

async function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
}

/** What the checking core finds in a text, as the editor shows it: rule, where, message. */
function expected(text: string): string[] {
  return findingsOf(text).map((f) => {
    const start = positionAt(text, f.span.start);
    return `${f.rule} ${start.line}:${start.character} ${f.message}`;
  });
}
const shown = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`);

// A report drafted as markdown in github.dev: its URI is not a file, and nothing tells the server it is a report.
const MISTAKES = 'vscode-vfs://github/agency/reports/mistakes-2021.md';
const mistakes = readFileSync(join(ROOT, 'examples/mistakes-2021.report.md'), 'utf8');
const DRAFT = 'vscode-vfs://github/agency/reports/draft-2021.md';
const draft = readDraft('draft-2021.md');

test('the server starts in a web worker and answers initialize', async () => {
  const result = await request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', {
    processId: null,
    rootUri: null,
    locale: 'zh-cn',
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { debounceMs: 0 },
  });
  assert.equal(result.serverInfo.name, 'govreport');
  for (const feature of ['codeActionProvider', 'hoverProvider', 'completionProvider', 'documentFormattingProvider'])
    assert.ok(result.capabilities[feature], feature);
  await send({ method: 'initialized', params: {} });
});

test('a markdown draft with a wrong total: the findings in Chinese, the same as the core finds in Node', async () => {
  const diagnostics = await open(MISTAKES, mistakes);
  assert.deepEqual(shown(diagnostics), expected(mistakes));
  // Section 四's 行政复议: 3 维持 + 1 纠正 + 0 其他 + 1 尚未审结 = 5, but its 总计 says 6.
  const reviewRow = mistakes.split('\n').findIndex((line) => line.startsWith('| 3 | 1 | 0 | 1 | 6 |'));
  const wrongTotal = diagnostics.find((d) => d.code === 'review-total');
  assert.ok(wrongTotal, shown(diagnostics).join('\n'));
  assert.equal(wrongTotal.range.start.line, reviewRow);
  assert.match(wrongTotal.message, /行政复议.*总计应为 5.*实为 6/);
  // Which of the five cells is wrong cannot be told: no quick fix changes a figure.
  const actions = await quickFixes(MISTAKES, wrongTotal);
  assert.deepEqual(
    actions.flatMap((a) => editsOf(a, MISTAKES)).filter((e) => /\d/.test(e.newText)),
    [],
  );
});

test('a quick fix from the web server fixes a label typo: 危机 → 危及', async () => {
  const typo = (await diagnosticsOf(MISTAKES, 1)).find((d) => d.code === 'label-wording');
  assert.ok(typo);
  const [fix] = (await quickFixes(MISTAKES, typo)).filter((a) => a.kind === 'quickfix' && editsOf(a, MISTAKES).length);
  assert.ok(fix, 'a quick fix with an edit');
  const fixed = applyTextEdits(mistakes, editsOf(fix, MISTAKES));
  assert.ok(fixed.includes('|  |  | 3.危及“三安全一稳定” |'));
  assert.ok(!fixed.includes('危机'));
});

test('a wrong row total: the fix puts the sum of its parts there, and after the edit the finding is gone', async () => {
  const diagnostics = await open(DRAFT, draft);
  assert.deepEqual(shown(diagnostics), expected(draft));
  // 予以公开: 20 + 4 + 0 + 1 + 1 + 2 = 28, but its 总计 says 29.
  const rowTotal = diagnostics.find((d) => d.code === 'row-total');
  assert.ok(rowTotal);
  assert.equal(draft.split('\n')[rowTotal.range.start.line], '| 三、本年度办理结果 | （一）予以公开 |  | 20 | 4 | 0 | 1 | 1 | 2 | 29 |');
  assert.equal(draft.slice(offsetOf(draft, rowTotal.range.start), offsetOf(draft, rowTotal.range.end)), '29');
  const fix = (await quickFixes(DRAFT, rowTotal)).find((a) => editsOf(a, DRAFT).some((e) => e.newText === '28'));
  assert.ok(fix, 'the fix writes 28');
  const fixed = applyTextEdits(draft, editsOf(fix, DRAFT));
  assert.ok(fixed.includes('| （一）予以公开 |  | 20 | 4 | 0 | 1 | 1 | 2 | 28 |'));

  await send({
    method: 'textDocument/didChange',
    params: { textDocument: { uri: DRAFT, version: 2 }, contentChanges: [{ text: fixed }] },
  });
  const after = await diagnosticsOf(DRAFT, 2);
  assert.ok(!after.some((d) => d.code === 'row-total' || d.code === 'results-total'), shown(after).join('\n'));
  assert.deepEqual(shown(after), expected(fixed));
  assert.ok(findingOf(fixed, 'section-missing'));
});

test('hover on the wrong total shows its parts and the sum they make', async () => {
  const row = draft.split('\n').findIndex((line) => line.includes('（一）予以公开'));
  const hover = await request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', {
    textDocument: { uri: DRAFT },
    position: { line: row, character: draft.split('\n')[row].lastIndexOf('29') + 1 },
  });
  assert.ok(hover, 'a hover on the 总计 of 予以公开');
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /20 \+ 4 \+ 0 \+ 1 \+ 1 \+ 2 = \*\*28\*\*/);
});

test('no file system on the web: import says so instead of failing silently', async () => {
  await assert.rejects(
    request('govreport/importReport', { uri: 'vscode-vfs://github/agency/reports/2022.docx', base64: '' }),
    /网页版 VS Code 中不能导入/,
  );
});

test('the worker made no network request and met no error', async () => {
  assert.deepEqual(await page.evaluate(() => (window as unknown as { workerErrors: string[] }).workerErrors), []);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(requests, [`${ORIGIN}/`, `${ORIGIN}/dist/web/server.js`]);
});
