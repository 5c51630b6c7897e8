import { readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { check, editionForYear, renderReport } from '../server/src/core';
import { Requests, type StatsResult } from '../server/src/shared/protocol';
import { Session } from '../test/lsp/harness';
import { MISTAKES } from '../test/lsp/drafts';

/**
 * Figures for the editor product (npm run bench:lsp): didChange → publishDiagnostics latency on a 15 KB draft
 * (debounce set to 0 so only the work is measured), alone and with a 1 MB draft open and edited meanwhile (it is
 * analysed in a thread of its own), the server main thread's longest event-loop delay, the longest check of a 1 MB draft and how long the server's
 * main thread was ever blocked meanwhile, activation time of the client bundle, bundle sizes, and the server's
 * memory with 100 drafts open.
 */

const ROOT = join(__dirname, '..');
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The example draft with its narrative grown to about `bytes`. */
function draftOf(bytes: number): string {
  const paragraph =
    '本年度，我县认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息1234条，其中政策文件56件，解读材料23件。\n\n';
  const at = MISTAKES.indexOf('## 二、');
  let narrative = '';
  while (Buffer.byteLength(MISTAKES) + Buffer.byteLength(narrative) < bytes) narrative += paragraph;
  return MISTAKES.slice(0, at) + narrative + MISTAKES.slice(at);
}

/** About 1 MB of tables: the tables of sections 三 and 四, over and over. */
function tableHeavyDraft(bytes: number): string {
  const base = renderReport(editionForYear(2023), 2023);
  const tables = base.slice(base.indexOf('## 三'), base.indexOf('## 五'));
  let text = base;
  while (Buffer.byteLength(text) < bytes) text += `\n${tables}`;
  return text;
}

/**
 * didChange → publishDiagnostics on a 15 KB draft, 200 edits of one cell. With `beside`, a 1 MB draft of tables is
 * open too and edited after every tenth edit of the small one (its checks run while the small one's are timed).
 */
async function changeLatency(beside?: string): Promise<{ p50: number; p95: number; max: number; size: number; loopMaxMs: number }> {
  const session = await Session.start({ initializationOptions: { debounceMs: 0 } });
  const text = draftOf(15_000);
  const uri = 'file:///bench/15k.report.md';
  const large = 'file:///bench/1mb-beside.report.md';
  if (beside) {
    session.open(large, beside);
    await session.diagnosticsFor(large, 1, 60_000);
  }
  session.open(uri, text);
  await session.diagnosticsFor(uri, 1);
  const cell = session.documents.get(uri)!.positionAt(text.indexOf('| 6 |', text.indexOf('## 四、')) + 2);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    if (beside && i % 10 === 0)
      session.change(large, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'x' }]);
    const started = performance.now();
    const document = session.change(uri, [
      { range: { start: cell, end: { line: cell.line, character: cell.character + 1 } }, text: String(i % 10) },
    ]);
    await session.diagnosticsFor(uri, document.version);
    times.push(performance.now() - started);
  }
  const stats = await session.request<StatsResult>(Requests.stats.method, {});
  await session.stop();
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    size: Buffer.byteLength(text),
    loopMaxMs: stats.mainLoopMaxDelayMs,
  };
}

async function bigDrafts(): Promise<{ name: string; size: number; syncCheckMs: number; stats: StatsResult; publishMs: number }[]> {
  const out = [];
  for (const [name, text] of [
    ['1 MB of tables', tableHeavyDraft(1 << 20)],
    ['1 MB of narrative', draftOf(1 << 20)],
  ] as const) {
    let syncCheckMs = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      check(text);
      syncCheckMs = Math.max(syncCheckMs, performance.now() - started);
    }
    const session = await Session.start({ initializationOptions: { debounceMs: 0 } });
    const uri = 'file:///bench/1mb.report.md';
    const started = performance.now();
    session.open(uri, text);
    await session.diagnosticsFor(uri, 1, 60_000);
    const publishMs = performance.now() - started;
    const at = { line: 3, character: 0 };
    for (let i = 0; i < 5; i++) {
      const document = session.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
      await session.diagnosticsFor(uri, document.version, 60_000);
    }
    const stats = await session.request<StatsResult>(Requests.stats.method, {});
    await session.stop();
    out.push({ name, size: Buffer.byteLength(text), syncCheckMs, stats, publishMs });
  }
  return out;
}

/** Loads dist/client.js against a stand-in `vscode` module and times `activate` (it does not wait for the server). */
function activation(): { loadMs: number; activateMs: number } {
  // A function target (not an arrow): the client's classes extend vscode's, so the stand-in must be constructible.
  function stubTarget() {}
  const stub: any = new Proxy(stubTarget, {
    get: (_, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub),
    apply: () => stub,
    construct: () => stub,
    set: () => true,
  });
  // The module's top-level names, as @types/vscode declares them (the bundle copies them off the module object).
  const declarations = readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const vscode: Record<string, unknown> = { version: '1.90.0' };
  for (const m of declarations.matchAll(/^\s*export (?:namespace|class|enum|const|let|function) (\w+)/gm)) vscode[m[1]] ??= stub;
  const load = (Module as any)._load;
  (Module as any)._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  const process0 = performance.now();
  const extension = require(join(ROOT, 'dist', 'client.js'));
  const loaded = performance.now();
  const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => join(ROOT, p) };
  try {
    extension.activate(context);
  } finally {
    (Module as any)._load = load;
  }
  return { loadMs: loaded - process0, activateMs: performance.now() - loaded };
}

async function startup(): Promise<{ initializeMs: number; firstPublishMs: number }> {
  const started = performance.now();
  const session = await Session.start();
  const initializeMs = performance.now() - started;
  session.open('file:///bench/first.report.md', MISTAKES);
  await session.diagnosticsFor('file:///bench/first.report.md', 1);
  const firstPublishMs = performance.now() - started;
  await session.stop();
  return { initializeMs, firstPublishMs };
}

async function memory(): Promise<{ before: number; after: number; heap: number }> {
  const session = await Session.start({ initializationOptions: { debounceMs: 0 } });
  const before = (await session.request<StatsResult>(Requests.stats.method, {})).rssBytes;
  const text = draftOf(15_000);
  for (let i = 0; i < 100; i++) session.open(`file:///bench/many/${i}.report.md`, text.replace('某某县', `第${i}县`));
  for (let i = 0; i < 100; i++) await session.diagnosticsFor(`file:///bench/many/${i}.report.md`, 1, 60_000);
  const stats = await session.request<StatsResult>(Requests.stats.method, {});
  await session.stop();
  return { before, after: stats.rssBytes, heap: stats.heapUsedBytes };
}

async function main(): Promise<void> {
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const latency = await changeLatency();
  console.log(
    `didChange → publishDiagnostics, ${(latency.size / 1024).toFixed(1)} KB draft, 200 edits, debounce 0: p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, max ${ms(latency.max)} (target p95 ≤ 30 ms: ${verdict(latency.p95 <= 30)}); ` +
      `server main thread longest event-loop delay ${ms(latency.loopMaxMs)} (target ≤ 50 ms: ${verdict(latency.loopMaxMs <= 50)})`,
  );
  const beside = await changeLatency(tableHeavyDraft(1 << 20));
  console.log(
    `the same with a 1 MB draft of tables open and edited meanwhile: p50 ${ms(beside.p50)}, p95 ${ms(beside.p95)}, max ${ms(beside.max)} (target p95 ≤ 30 ms: ${verdict(beside.p95 <= 30)}); ` +
      `server main thread longest event-loop delay ${ms(beside.loopMaxMs)} (target ≤ 50 ms: ${verdict(beside.loopMaxMs <= 50)})`,
  );
  for (const big of await bigDrafts()) {
    console.log(
      `${big.name} (${(big.size / 1024 / 1024).toFixed(2)} MB): check() ${ms(big.syncCheckMs)} synchronous (in the analysis thread); ` +
        `server main thread longest event-loop delay ${ms(big.stats.mainLoopMaxDelayMs)} (target ≤ 50 ms); open → publish ${ms(big.publishMs)}; ` +
        `longest check seen by the server ${ms(big.stats.longestCheckMs)}`,
    );
  }
  const start = await startup();
  console.log(
    `server start: initialize answered after ${ms(start.initializeMs)}, first diagnostics after ${ms(start.firstPublishMs)} (from spawn)`,
  );
  const activate = activation();
  console.log(
    `client activation: loading dist/client.js ${ms(activate.loadMs)}, activate() ${ms(activate.activateMs)} (target ≤ 150 ms; the server starts in the background)`,
  );
  const client = statSync(join(ROOT, 'dist', 'client.js')).size;
  const server = statSync(join(ROOT, 'dist', 'server.js')).size;
  console.log(
    `bundles: client ${(client / 1024).toFixed(0)} KB + server ${(server / 1024).toFixed(0)} KB = ${((client + server) / 1024).toFixed(0)} KB (target ≤ 1024 KB)`,
  );
  const mem = await memory();
  console.log(
    `server memory (RSS, main + analysis thread): ${mb(mem.before)} idle, ${mb(mem.after)} with 100 drafts of 15 KB open (main heap ${mb(mem.heap)})`,
  );
  process.exit(0);
}

void main();
