/**
 * `npm run bench` (command-line part) — the CLI figures of the performance issue, each beside its goal, in one run:
 * - start-up: `govreport check` of one small draft against `node -e 0` (median of interleaved runs; goal ≤ 1.3×);
 * - throughput on two corpora — generated drafts, and real reports imported with `govreport import` (the corpus pages
 *   and the seeds) replicated under varied names, agencies and years — against markdownlint-cli2 (default rules) and
 *   `cat` on the same files (goals: ≥ 20× markdownlint-cli2's throughput, ≤ 3× cat's time);
 * - 50,000 generated drafts checked by one `govreport check --format json DIR` (goal ≤ 20 s).
 * Sizes shrink for a quick run: BENCH_FILES (files per corpus, default 2000), BENCH_MANY (default 50000), BENCH_RUNS
 * (start-up pairs, default 15). The in-process, editor and PDF figures come from bench-core.ts, bench-lsp.ts and
 * bench-pdf.ts, which `npm run bench` runs next. Goals are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDraft, randomOptions } from '../test/support/generator';
import { Random } from '../test/support/random';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const MARKDOWNLINT = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const MANY = Number(process.env.BENCH_MANY ?? 50_000);
const STARTUP_RUNS = Number(process.env.BENCH_RUNS ?? 15);

const work = mkdtempSync(join(tmpdir(), 'govreport-bench-'));
const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (met: boolean, text: string) => `${met ? 'met' : 'MISSED'}: ${text}`;

interface Run {
  ms: number;
  status: number | null;
  stderr: string;
}

function run(command: string, args: string[], cwd = work): Run {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  return { ms: performance.now() - started, status: result.status, stderr: result.stderr ?? '' };
}

/** Best of three wall times (the first run also warms the file cache for the others). */
function bestOf(command: string, args: string[], cwd = work): Run {
  const runs = [run(command, args, cwd), run(command, args, cwd), run(command, args, cwd)];
  return runs.reduce((best, r) => (r.ms < best.ms ? r : best));
}

function sizeOf(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1e6;
}

// The corpora ---------------------------------------------------------------------------------------------------------

/** Generated drafts of every layout, with errors injected, as the fuzzer makes them. */
function generatedCorpus(dir: string, count: number, distinct = count): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const file = join(dir, `draft-${String(i).padStart(6, '0')}.md`);
    if (i >= distinct) {
      copyFileSync(join(dir, `draft-${String(i % distinct).padStart(6, '0')}.md`), file);
      continue;
    }
    const seed = 1_000_000 + i;
    const options = randomOptions(new Random(seed));
    writeFileSync(file, generateDraft(seed, { ...options, inject: options.inject?.filter((k) => k !== 'truncate') }).text);
  }
}

const REGIONS = ['东城', '西湖', '南山', '北塘', '江宁', '海淀', '龙岗', '滨海', '青山', '武侯'];

/**
 * Real reports (the corpus pages and the seeds) imported as drafts by `govreport import`, then replicated to `count`
 * files: each copy's title names another agency (a region in front) and its years shift by 0–2, so that a batch holds
 * agencies with consecutive years, as a region's folder does.
 */
function importedCorpus(dir: string, count: number): void {
  const imported = join(work, 'imported');
  const sources = [join(ROOT, 'test', 'fixtures', 'corpus'), join(ROOT, 'test', 'fixtures', 'seeds')].flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.(html|txt)$/.test(f))
      .map((f) => join(d, f)),
  );
  const result = spawnSync(process.execPath, [CLI, 'import', ...sources, '-d', imported], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`govreport import failed: ${result.stderr}`);
  const drafts = readdirSync(imported)
    .sort()
    .map((f) => ({ name: f.replace(/\.report\.md$/, ''), text: readFileSync(join(imported, f), 'utf8') }));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const draft = drafts[i % drafts.length];
    const copy = Math.floor(i / drafts.length);
    const agency = Math.floor(copy / 3);
    const shift = copy % 3;
    const region = `${REGIONS[agency % REGIONS.length]}${Math.floor(agency / REGIONS.length) + 1}号`;
    const text = draft.text
      .replace(/20([12]\d)年/g, (_, y: string) => `${2000 + Number(y) + shift}年`)
      .replace(/^# (.*)$/m, (_, title: string) => `# ${region}${title}`);
    writeFileSync(join(dir, `${region}-${draft.name}-${2020 + shift}.md`), text);
  }
}

// The figures ---------------------------------------------------------------------------------------------------------

function startUp(): void {
  const draft = join(ROOT, 'examples', 'clean-2021.report.md');
  const node: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < STARTUP_RUNS + 2; i++) {
    const bare = run(process.execPath, ['-e', '0']).ms;
    const check = run(process.execPath, [CLI, 'check', draft]).ms;
    if (i < 2) continue; // warm-up: the file cache
    node.push(bare);
    ours.push(check);
  }
  const ratio = median(ours) / median(node);
  row(
    'start-up: `govreport check` of one small draft vs `node -e 0`',
    `${(statSync(draft).size / 1024).toFixed(1)} KB`,
    `${median(ours).toFixed(0)} ms vs ${median(node).toFixed(0)} ms (medians of ${STARTUP_RUNS})`,
    '≤ 1.3×',
    verdict(ratio <= 1.3, `${ratio.toFixed(2)}×`),
  );
}

function throughput(name: string, dir: string): void {
  const files = readdirSync(dir).length;
  const mb = sizeOf(dir);
  const cat = bestOf('sh', ['-c', 'cat ./*.md > /dev/null'], dir);
  const ours = bestOf(process.execPath, [CLI, 'check', '--format', 'json', '.'], dir);
  const markdownlint = bestOf(process.execPath, [MARKDOWNLINT, '*.md'], dir);
  const failed = ours.status !== 0 && ours.status !== 1 ? ` (exit ${ours.status}: ${ours.stderr.slice(0, 200)})` : '';
  const size = `${files} files, ${mb.toFixed(1)} MB`;
  const mbps = (r: Run) => `${(mb / (r.ms / 1000)).toFixed(1)} MB/s`;
  row(`${name}: cat`, size, `${seconds(cat.ms)}, ${mbps(cat)}`, '—', '');
  row(`${name}: markdownlint-cli2 (default rules)`, size, `${seconds(markdownlint.ms)}, ${mbps(markdownlint)}`, '—', '');
  const vsLint = markdownlint.ms / ours.ms;
  const vsCat = ours.ms / cat.ms;
  row(
    `${name}: govreport check --format json`,
    size,
    `${seconds(ours.ms)}, ${mbps(ours)}${failed}`,
    '≥ 20× markdownlint-cli2; ≤ 3× cat',
    `${verdict(vsLint >= 20, `${vsLint.toFixed(1)}× markdownlint-cli2`)}; ${verdict(vsCat <= 3, `${vsCat.toFixed(1)}× cat`)}`,
  );
}

function many(dir: string): void {
  const mb = sizeOf(dir);
  const ours = run(process.execPath, [CLI, 'check', '--format', 'json', '.'], dir);
  const failed = ours.status !== 0 && ours.status !== 1 ? ` (exit ${ours.status}: ${ours.stderr.slice(0, 200)})` : '';
  row(
    `${MANY} generated drafts, one \`govreport check --format json DIR\``,
    `${mb.toFixed(0)} MB`,
    `${seconds(ours.ms)}, ${(mb / (ours.ms / 1000)).toFixed(1)} MB/s${failed}`,
    MANY === 50_000 ? '≤ 20 s' : `≤ ${((20 * MANY) / 50_000).toFixed(1)} s (20 s for 50,000, scaled)`,
    verdict(ours.ms <= (20_000 * MANY) / 50_000, seconds(ours.ms)),
  );
}

function printTable(): void {
  const header = ['measurement', 'size', 'result', 'goal', 'verdict'];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nnode ${process.version}, ${cpus().length} cores; corpus figures are the best of three runs, process start included.`);
}

try {
  startUp();
  const generated = join(work, 'generated');
  generatedCorpus(generated, FILES);
  throughput(`generated drafts`, generated);
  rmSync(generated, { recursive: true, force: true });
  const imported = join(work, 'real');
  importedCorpus(imported, FILES);
  throughput(`imported real reports`, imported);
  rmSync(imported, { recursive: true, force: true });
  const large = join(work, 'many');
  // 5,000 distinct drafts, copied under other names up to the count: generating 50,000 would take longer than checking them.
  generatedCorpus(large, MANY, Math.min(MANY, 5000));
  many(large);
  printTable();
} finally {
  rmSync(work, { recursive: true, force: true });
}
