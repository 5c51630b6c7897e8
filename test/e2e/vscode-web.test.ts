import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { unzipSync } from 'fflate';
import { type Browser, type Page, chromium } from 'playwright-core';
import { FIXTURES, findingOf, findingsOf, readDraft } from './drafts';

/**
 * The extension as VS Code for the Web runs it: the packaged .vsix installed as a web extension ("Install Extension
 * from Location…", served over HTTP like the Marketplace's CDN) into code-server's web worker extension host, where
 * only the `browser` entry can run. code-server's own extension folder stays empty, so nothing runs in Node. Started
 * by scripts/e2e/run.sh, which passes the .vsix and code-server; this file starts a code-server of its own.
 */
const VSIX = process.env.GOVREPORT_E2E_VSIX;
const CODE_SERVER = process.env.GOVREPORT_E2E_CODE_SERVER;
const NODE24_BIN = process.env.GOVREPORT_E2E_NODE24_BIN;
const RESULTS = process.env.GOVREPORT_E2E_RESULTS ?? join(__dirname, '../../test-results/e2e');
const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM ?? '/usr/bin/chromium';
if (!VSIX || !CODE_SERVER || !NODE24_BIN) throw new Error('run the real-editor tests with `npm run e2e`');

const state = mkdtempSync(join(tmpdir(), 'govreport-web-'));
const extensions = join(state, 'extensions');
let codeServer: ChildProcess;
let extensionServer: Server;
const served: string[] = [];
let url: string;
let browser: Browser;
let page: Page;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The .vsix's `extension/` folder over HTTP: what a web editor fetches an installed extension's files from. */
async function serveExtension(): Promise<number> {
  const files = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(VSIX!)))) {
    if (name.startsWith('extension/')) files.set(`/${name.slice('extension/'.length)}`, bytes);
  }
  const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  extensionServer = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    served.push(path);
    const bytes = files.get(path);
    if (bytes) response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(bytes);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => extensionServer.listen(0, '127.0.0.1', resolve));
  return (extensionServer.address() as AddressInfo).port;
}

async function startCodeServer(workspace: string): Promise<string> {
  const data = join(state, 'code-server');
  mkdirSync(join(data, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(
    join(data, 'User/settings.json'),
    JSON.stringify({
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'workbench.startupEditor': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'editor.minimap.enabled': false,
    }),
  );
  writeFileSync(join(data, 'config.yaml'), 'auth: none\ncert: false\n');
  const port = await freePort();
  // Its own process group, stopped as a whole at the end. Its port proxy (/proxy/<port>/) serves the extension from
  // the page's own origin, which the workbench's content security policy allows.
  codeServer = spawn(
    CODE_SERVER!,
    [
      ...['--config', join(data, 'config.yaml'), '--user-data-dir', data, '--extensions-dir', extensions],
      ...['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check'],
      ...['--disable-workspace-trust', '--disable-getting-started-override', workspace],
    ],
    { detached: true, stdio: 'ignore', env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` } },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 30_000; waited += 250) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return base;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('code-server did not start');
}

/**
 * Runs a command from the palette by its title. A command the workbench registers late (the extension gallery's) is
 * not offered at first: the palette is opened again until it is.
 */
async function runCommand(title: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(title);
    try {
      await row.waitFor({ timeout: 5_000 });
      return row.click();
    } catch (error) {
      if (attempt === 12) throw error;
    }
  }
}

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const workspace = join(state, 'workspace');
  cpSync(FIXTURES, workspace, { recursive: true });
  const extensionPort = await serveExtension();
  url = await startCodeServer(workspace);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view').getByRole('treeitem', { name: 'draft-2021.md', exact: true }).waitFor();
  await runCommand('Developer: Install Extension from Location');
  await page.keyboard.type(`${url}/proxy/${extensionPort}/`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
});

after(async () => {
  await browser?.close();
  if (codeServer?.pid) {
    try {
      process.kill(-codeServer.pid, 'SIGTERM');
    } catch {}
  }
  extensionServer?.close();
  rmSync(state, { recursive: true, force: true });
});

/** A test that leaves a screenshot of how the editor looked at its end, passed or failed. */
function step(name: string, slug: string, body: () => Promise<void>): void {
  test(name, { timeout: 120_000 }, async () => {
    await page.keyboard.press('Escape');
    try {
      await body();
      await page.screenshot({ path: join(RESULTS, `web-${slug}.png`) });
    } catch (error) {
      await page.screenshot({ path: join(RESULTS, `web-${slug}-FAILED.png`) }).catch(() => {});
      throw error;
    }
  });
}

const editor = () => page.locator('.editor-instance .monaco-editor').first();
const problem = (message: string) => page.locator('.markers-panel .monaco-list-row', { hasText: message });

async function openDraft(name: string): Promise<void> {
  await page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true }).dblclick();
  await page.locator('.tab.active', { hasText: name }).first().waitFor();
  await editor().locator('.view-lines').waitFor();
}

async function showProblems(): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor();
}

const draft = readDraft('draft-2021.md');
const wrongTotal = findingOf(draft, 'row-total');

step('installed as a web extension, a markdown draft gets its findings in Problems', 'diagnostics', async () => {
  await openDraft('draft-2021.md');
  await showProblems();
  for (const finding of findingsOf(draft)) await problem(finding.message).waitFor({ timeout: 60_000 });
  // The web bundles were fetched, and nothing was installed where Node would run it.
  assert.ok(served.includes('/dist/web/client.js') && served.includes('/dist/web/server.js'), served.join(' '));
  assert.ok(!served.includes('/dist/client.js') && !served.includes('/dist/server.js'), served.join(' '));
  assert.deepEqual(
    readdirSync(extensions).filter((name) => name.startsWith('govreport')),
    [],
  );
});

step('Ctrl+. on the wrong total offers the fix; applying it changes the total and clears the problem', 'quick-fix', async () => {
  await openDraft('draft-2021.md');
  await showProblems();
  // Choosing the entry puts the cursor at the start of the wrong total.
  await problem(wrongTotal.message).click({ position: { x: 80, y: 10 } });
  await page.keyboard.press('Enter'); // open it with the focus in the editor
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row', { hasText: wrongTotal.fixes[0].title }).click();
  await editor().locator('.view-lines', { hasText: '| 2 | 28 |' }).waitFor();
  await problem(wrongTotal.message).waitFor({ state: 'detached' });
  await problem(findingOf(draft, 'section-missing').message).waitFor();
});

const NLS = JSON.parse(readFileSync(join(__dirname, '../../package.nls.json'), 'utf8')) as Record<string, string>;

step('import and export are not offered in the web', 'no-files', async () => {
  // On a report draft, where the desktop offers both.
  await openDraft('draft-2021.md');
  await page.keyboard.press('F1');
  await page.keyboard.type('govreport:');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: NLS['govreport.command.insertStandardTable'].replace(/…$/, '') })
    .waitFor();
  const offered = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  for (const command of ['importReport', 'exportReport']) {
    const title = NLS[`govreport.command.${command}`].replace(/…$/, '');
    assert.ok(!offered.some((row) => row.includes(title)), offered.join('\n'));
  }
});
