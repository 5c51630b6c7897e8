/**
 * The in-process figures of the checking core (issue 11), each beside its goal:
 * - a typical 15 KB draft: median and p95 of `check`, their ratio (goal p95 ≤ 2× median);
 * - 1 MB of Section 三/四 tables against 1 MB of narrative (goal ≤ 2×);
 * - the adversarial inputs: ms per 100 KB (goal ≤ 50 ms);
 * - what a check allocates (sampling heap profiler) and the share of time spent collecting garbage.
 *
 * Runs alone: `node --import tsx scripts/bench-core.ts` (ratios are measured in one run; absolute times drift).
 */
import { Session } from 'node:inspector/promises';
import { cpus } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { check } from '../server/src/core';
import { ADVERSARIES } from '../test/support/adversarial';
import { generateDraft } from '../test/support/generator';

const bytes = (text: string) => Buffer.byteLength(text);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (n: number, digits = 2) => `${n.toFixed(digits)} ms`;

/** A canonical markdown draft as close to `target` bytes as whole paragraphs allow. */
export function draftOfSize(target: number, seed: number): string {
  let low = 0;
  let high = 4096;
  while (low < high) {
    const paragraphs = (low + high) >> 1;
    if (bytes(generateDraft(seed, { layout: 'markdown', year: 2023, paragraphs }).text) < target) low = paragraphs + 1;
    else high = paragraphs;
  }
  return generateDraft(seed, { layout: 'markdown', year: 2023, paragraphs: low }).text;
}

/** About `target` bytes of tables: whole generated reports without narrative, one after another. */
export function tablesOfSize(target: number): string {
  const parts: string[] = [];
  for (let seed = 1, size = 0; size < target; seed++) {
    const part = generateDraft(seed, { layout: 'markdown', paragraphs: 0 }).text;
    parts.push(part);
    size += bytes(part) + 1;
  }
  return parts.join('\n');
}

/** Garbage collection pauses, as the runtime reports them. */
const pauses: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
}).observe({ entryTypes: ['gc'] });
// GC entries are delivered a little after the pause: give them time to arrive.
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

interface Timing {
  times: number[];
  /** Share of the wall time spent in GC pauses. */
  gcShare: number;
}

async function timeChecks(text: string, warmup: number, runs: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) check(text);
  await settle();
  const from = performance.now();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    check(text);
    times.push(performance.now() - started);
  }
  const to = performance.now();
  await settle();
  const gc = pauses.filter((p) => p.start >= from && p.start < to).reduce((sum, p) => sum + p.duration, 0);
  return { times, gcShare: gc / (to - from) };
}

/** Bytes allocated by one check (sampled, short-lived objects included), after warm-up. */
async function allocatedPerCheck(text: string, runs: number): Promise<number> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 8192,
    includeObjectsCollectedByMinorGC: true,
    includeObjectsCollectedByMajorGC: true,
  });
  for (let i = 0; i < runs; i++) check(text);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let total = 0;
  const walk = (node: { selfSize: number; children: unknown[] }) => {
    total += node.selfSize;
    for (const child of node.children) walk(child as typeof node);
  };
  walk(profile.head as never);
  return total / runs;
}

const rows: string[][] = [];
const row = (...cells: string[]) => {
  rows.push(cells);
  console.error(cells.join(' · '));
};
const verdict = (met: boolean, how = '') => `${met ? 'met' : 'MISSED'}${how ? ` (${how})` : ''}`;

async function main(): Promise<void> {
  const typical = draftOfSize(15 * 1024, 2023);
  const t = await timeChecks(typical, 300, 2000);
  const typicalRatio = percentile(t.times, 0.95) / median(t.times);
  row(
    'check, typical draft',
    `${(bytes(typical) / 1024).toFixed(1)} KB`,
    `median ${ms(median(t.times), 3)}, p95 ${ms(percentile(t.times, 0.95), 3)}, p99 ${ms(percentile(t.times, 0.99), 3)}: p95 ${typicalRatio.toFixed(2)}× median; GC ${(t.gcShare * 100).toFixed(0)}%`,
    'p95 ≤ 2× median',
    verdict(typicalRatio <= 2),
  );

  const narrative = draftOfSize(1024 * 1024, 7);
  const tables = tablesOfSize(1024 * 1024);
  // Paired: the two drafts alternate, so that a load on the machine weighs on both alike.
  for (let i = 0; i < 3; i++) check(narrative), check(tables);
  const narrativeTimes: number[] = [];
  const tableTimes: number[] = [];
  for (let i = 0; i < 11; i++) {
    let started = performance.now();
    check(narrative);
    narrativeTimes.push(performance.now() - started);
    started = performance.now();
    check(tables);
    tableTimes.push(performance.now() - started);
  }
  const ratio = median(tableTimes) / median(narrativeTimes);
  row(
    'check, 1 MB of tables vs 1 MB of narrative',
    `${(bytes(tables) / 1024).toFixed(0)} KB / ${(bytes(narrative) / 1024).toFixed(0)} KB`,
    `tables median ${ms(median(tableTimes), 1)}, narrative ${ms(median(narrativeTimes), 1)}: ${ratio.toFixed(2)}×`,
    '≤ 2×',
    verdict(ratio <= 2),
  );

  const tableGc = await timeChecks(tables, 0, 11);
  const typicalAlloc = await allocatedPerCheck(typical, 200);
  const tablesAlloc = await allocatedPerCheck(tables, 5);
  const narrativeAlloc = await allocatedPerCheck(narrative, 5);
  row(
    'allocation per check (sampled) and GC share',
    '—',
    `typical ${(typicalAlloc / 1024).toFixed(0)} KB; 1 MB tables ${(tablesAlloc / 1e6).toFixed(1)} MB (GC ${(tableGc.gcShare * 100).toFixed(0)}% of its checks); 1 MB narrative ${(narrativeAlloc / 1e6).toFixed(1)} MB`,
    'GC share: 46% on the tables draft before (issue 11)',
    '',
  );

  for (const adversary of ADVERSARIES) {
    if (adversary.bug) continue;
    const text = adversary.make();
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      check(text);
      best = Math.min(best, performance.now() - started);
    }
    const per100k = best / (bytes(text) / 100_000);
    row(
      `adversarial: ${adversary.name}`,
      `${(bytes(text) / 1024).toFixed(0)} KB`,
      `${ms(best, 0)}, ${ms(per100k, 1)} per 100 KB`,
      '≤ 50 ms per 100 KB',
      verdict(per100k <= 50),
    );
  }

  const header = ['core, in process', 'size', 'result', 'goal', 'verdict'];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nnode ${process.version}, ${cpus().length} cores; ratios measured in this run.`);
}

if (require.main === module) void main();
