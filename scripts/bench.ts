/**
 * `npm run bench` — issue #2's figures.
 * In process: a typical 15 KB draft checked (median after warm-up, goal ≤ 1 ms) and a 1 MB draft (goal ≤ 50 ms).
 * Command line: a corpus of 2,000 generated drafts in a temporary directory, checked by `node dist/cli.js check
 * --format json DIR`, side by side with `markdownlint-cli2` (default rules) and `cat` on the same files
 * (goal: ≥ 10× markdownlint-cli2's throughput). Prints a table; `npm run bench:lsp` has the editor figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, readSource } from '../server/src/core';
import { generateDraft, type InjectionKind, randomOptions } from '../test/support/generator';
import { Random } from '../test/support/random';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const MARKDOWNLINT = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const CORPUS_SIZE = Number(process.env.BENCH_CORPUS ?? 2000);

const bytes = (text: string) => Buffer.byteLength(text);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** A canonical markdown draft as close to `target` bytes as whole paragraphs allow (errors injected if asked). */
function draftOfSize(target: number, seed: number, inject: InjectionKind[] = []): string {
  let low = 0;
  let high = 4096;
  while (low < high) {
    const paragraphs = (low + high) >> 1;
    if (bytes(generateDraft(seed, { layout: 'markdown', year: 2023, paragraphs }).text) < target) low = paragraphs + 1;
    else high = paragraphs;
  }
  return generateDraft(seed, { layout: 'markdown', year: 2023, paragraphs: low, inject }).text;
}

function timeChecks(text: string, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) check(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    check(text);
    times.push(performance.now() - started);
  }
  return times;
}

const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));

// In process --------------------------------------------------------------------------------------------------------
const typical = draftOfSize(15 * 1024, 2023);
const typicalTimes = timeChecks(typical, 300, 1000);
row(
  'check, typical draft (in process)',
  `${(bytes(typical) / 1024).toFixed(1)} KB`,
  `median ${median(typicalTimes).toFixed(3)} ms, p95 ${percentile(typicalTimes, 0.95).toFixed(3)} ms`,
  '≤ 1 ms',
  median(typicalTimes) <= 1 ? 'met' : 'MISSED',
);

// Two wrong figures: error localization searches the table (one cell, then pairs) for what explains them.
const wrong = draftOfSize(15 * 1024, 2023, ['value', 'value']);
const wrongTimes = timeChecks(wrong, 300, 1000);
row(
  'check, typical draft with two wrong figures (in process)',
  `${(bytes(wrong) / 1024).toFixed(1)} KB`,
  `median ${median(wrongTimes).toFixed(3)} ms, p95 ${percentile(wrongTimes, 0.95).toFixed(3)} ms`,
  '≤ 1 ms',
  median(wrongTimes) <= 1 ? 'met' : 'MISSED',
);

const pasted = generateDraft(2023, { layout: 'cells', year: 2023, paragraphs: 8, traditional: true, noisyNumbers: true }).text;
const pastedTimes = timeChecks(pasted, 100, 300);
row(
  'check, pasted Traditional draft (in process)',
  `${(bytes(pasted) / 1024).toFixed(1)} KB`,
  `median ${median(pastedTimes).toFixed(3)} ms`,
  '—',
  '',
);

const large = draftOfSize(1024 * 1024, 7);
const largeTimes = timeChecks(large, 5, 21);
row(
  'check, 1 MB draft, mostly narrative (in process)',
  `${(bytes(large) / 1024).toFixed(0)} KB`,
  `median ${median(largeTimes).toFixed(1)} ms`,
  '≤ 50 ms',
  median(largeTimes) <= 50 ? 'met' : 'MISSED',
);

// The worst realistic shape: 1 MB of tables (whole reports without narrative, one after another).
const parts: string[] = [];
for (let seed = 1, size = 0; size < 1024 * 1024; seed++) {
  const part = generateDraft(seed, { layout: 'markdown', paragraphs: 0 }).text;
  parts.push(part);
  size += bytes(part) + 1;
}
const tables = parts.join('\n');
const tableTimes = timeChecks(tables, 3, 11);
row(
  'check, 1 MB draft of tables (in process)',
  `${(bytes(tables) / 1024).toFixed(0)} KB`,
  `median ${median(tableTimes).toFixed(1)} ms`,
  '≤ 50 ms',
  median(tableTimes) <= 50 ? 'met' : 'MISSED',
);

// Reading web pages and Word files: the corpus pages and the DOCX fixtures, read (and then checked) in process.
async function timeReading(dir: string, extension: string): Promise<void> {
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
  const size = inputs.reduce((sum, f) => sum + f.bytes.length, 0) / 1e6;
  for (const f of inputs) await readSource(f.bytes, f.name);
  const reads: number[] = [];
  const checks: number[] = [];
  for (let round = 0; round < 10; round++) {
    let started = performance.now();
    const texts: string[] = [];
    for (const f of inputs) texts.push((await readSource(f.bytes, f.name)).text);
    reads.push(performance.now() - started);
    started = performance.now();
    for (const text of texts) check(text);
    checks.push(performance.now() - started);
  }
  const perMb = (ms: number) => (ms / size).toFixed(1);
  row(
    `read ${extension} (${inputs.length} files), then check the drafts (in process)`,
    `${(size * 1000).toFixed(0)} KB`,
    `read ${perMb(median(reads))} ms/MB, check ${perMb(median(checks))} ms/MB`,
    '—',
    '',
  );
}

// Command line ------------------------------------------------------------------------------------------------------
const corpus = mkdtempSync(join(tmpdir(), 'govreport-bench-'));
let corpusBytes = 0;
for (let i = 0; i < CORPUS_SIZE; i++) {
  const seed = 1_000_000 + i;
  const options = randomOptions(new Random(seed));
  const text = generateDraft(seed, { ...options, inject: options.inject?.filter((k) => k !== 'truncate') }).text;
  writeFileSync(join(corpus, `draft-${String(i).padStart(4, '0')}.md`), text);
  corpusBytes += bytes(text);
}
const files = Array.from({ length: CORPUS_SIZE }, (_, i) => join(corpus, `draft-${String(i).padStart(4, '0')}.md`));
const mb = corpusBytes / 1e6;

// The same corpus checked in this process: what the CLI costs beyond the check itself.
{
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  for (const text of texts.slice(0, 200)) check(text);
  const started = performance.now();
  for (const text of texts) check(text);
  const ms = performance.now() - started;
  row(
    `check in process, the ${CORPUS_SIZE} drafts below`,
    `${mb.toFixed(1)} MB`,
    `${(ms / 1000).toFixed(2)} s, ${(mb / (ms / 1000)).toFixed(1)} MB/s`,
    '—',
    '',
  );
}

interface Run {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], keepOutput = false): Run {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'],
  });
  return { ms: performance.now() - started, status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Best of three wall times (the first run also warms the file cache for the others). */
function bestOf(command: string, args: string[]): Run {
  const runs = [run(command, args), run(command, args), run(command, args)];
  return runs.reduce((best, r) => (r.ms < best.ms ? r : best));
}

const throughput = (r: Run) => mb / (r.ms / 1000);
const cliRows: { name: string; run: Run }[] = [];

const cat = bestOf('sh', ['-c', `cat ${corpus}/*.md > /dev/null`]);
cliRows.push({ name: 'cat', run: cat });

// The CLI counts as doing real work when its JSON names findings for the corpus.
let cliNote = '';
const probe = statSync(CLI, { throwIfNoEntry: false })
  ? run(process.execPath, [CLI, 'check', '--format', 'json', files[0]], true)
  : undefined;
let cliWorks = false;
try {
  cliWorks = !!probe && probe.stdout.includes('"rule"') && JSON.parse(probe.stdout) !== undefined;
} catch {
  cliWorks = false;
}
let govreport: Run | undefined;
if (cliWorks) {
  govreport = bestOf(process.execPath, [CLI, 'check', '--format', 'json', corpus]);
  if (govreport.status !== 0 && govreport.status !== 1) cliNote = ` (exit ${govreport.status}: ${govreport.stderr.slice(0, 200)})`;
  cliRows.push({ name: 'govreport check --format json', run: govreport });
} else {
  cliNote = 'skipped: dist/cli.js does not check yet (no JSON findings for a draft)';
}

const markdownlint = bestOf(process.execPath, [MARKDOWNLINT, '*.md']);
cliRows.push({ name: 'markdownlint-cli2 (default rules)', run: markdownlint });

for (const { name, run: r } of cliRows) {
  const note =
    name.startsWith('govreport') && govreport
      ? ` ${(throughput(govreport) / throughput(markdownlint)).toFixed(1)}× markdownlint-cli2${cliNote}`
      : '';
  row(
    `${name}, ${CORPUS_SIZE} drafts`,
    `${mb.toFixed(1)} MB`,
    `${(r.ms / 1000).toFixed(2)} s, ${throughput(r).toFixed(1)} MB/s`,
    name.startsWith('govreport') ? '≥ 10× markdownlint-cli2' : '—',
    note.trim() && (throughput(govreport!) >= 10 * throughput(markdownlint) ? `met: ${note.trim()}` : `MISSED: ${note.trim()}`),
  );
}
if (!govreport) row(`govreport check --format json, ${CORPUS_SIZE} drafts`, `${mb.toFixed(1)} MB`, '—', '≥ 10× markdownlint-cli2', cliNote);
rmSync(corpus, { recursive: true, force: true });

// The table ---------------------------------------------------------------------------------------------------------
function printTable(): void {
  const header = ['measurement', 'size', 'result', 'goal', 'verdict'];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nnode ${process.version}, ${cpus().length} cores; CLI figures are the best of three runs (process start included).`);
}

// The readers are asynchronous: their rows come last.
void timeReading(join(ROOT, 'test', 'fixtures', 'corpus'), '.html')
  .then(() => timeReading(join(ROOT, 'test', 'fixtures', 'docx'), '.docx'))
  .then(printTable);
