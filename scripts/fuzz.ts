/**
 * `npm run fuzz [-- CASES] [--seed N] [--fixes-every N] [--all]`: runs the fuzzer (test/support/fuzz.ts) over
 * CASES cases (default 100,000, or FUZZ_CASES), prints cases, failures and the slowest case, saves the first failure of
 * each kind as a regression fixture (test/regression/fixtures/fuzz-<seed>.json), then reports the time of each
 * adversarial input against the goal of ≤ 50 ms per 100 KB (`--all` includes those an open bug makes take minutes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../server/src/core';
import { ADVERSARIES } from '../test/support/adversarial';
import { type FuzzFailure, runFuzz } from '../test/support/fuzz';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const positional = args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--'));
const cases = Number(positional ?? process.env.FUZZ_CASES ?? 100_000);
const firstSeed = Number(option('--seed') ?? process.env.FUZZ_SEED ?? Math.floor(Math.random() * 1e9));
const fixesEvery = Number(option('--fixes-every') ?? 5);
const FIXTURES = join(__dirname, '..', 'test', 'regression', 'fixtures');
const GOAL_MS_PER_100KB = 50;

const signature = (f: FuzzFailure) =>
  `${[...new Set(f.violations.map((v) => `${v.property}|${v.rule ?? ''}|${v.table ?? ''}`))].sort().join(' ')} @${f.truth.layout}`;

console.log(`fuzz: ${cases} cases from seed ${firstSeed}, fix safety on one case in ${fixesEvery}`);
const result = runFuzz({
  cases,
  firstSeed,
  fixesEvery,
  onProgress: (done, r) => {
    if (done % 10_000 === 0) console.log(`  ${done} cases, ${r.failures.length} failing`);
  },
});

const kinds = new Map<string, FuzzFailure[]>();
for (const failure of result.failures) kinds.set(signature(failure), [...(kinds.get(signature(failure)) ?? []), failure]);
const saved: string[] = [];
for (const [kind, failures] of kinds) {
  if (saved.length >= 20) break;
  const first = failures[0];
  const file = join(FIXTURES, `fuzz-${first.seed}.json`);
  const found = first.violations.map((v) => `${v.property}: ${v.detail}`);
  writeFileSync(file, `${JSON.stringify({ status: 'open', kind, found, truth: first.truth }, null, 2)}\n`);
  saved.push(file);
}

const mb = result.bytes / 1e6;
console.log('');
console.log('| figure | value |');
console.log('|---|---|');
console.log(`| cases | ${result.cases} |`);
console.log(`| failing cases | ${result.failures.length} (${kinds.size} kinds) |`);
console.log(
  `| known issues met | ${
    Object.entries(result.known)
      .map(([id, n]) => `${id}: ${n}`)
      .join(', ') || 'none'
  } |`,
);
console.log(`| text checked | ${mb.toFixed(1)} MB, check ${(mb / (result.checkMs / 1000)).toFixed(1)} MB/s |`);
console.log(
  `| slowest case | ${result.slowest.ms.toFixed(1)} ms on ${(result.slowest.bytes / 1024).toFixed(1)} KB (${result.slowest.origin.slice(0, 100)}) |`,
);
console.log(`| wall time | ${(result.ms / 1000).toFixed(1)} s |`);
for (const [kind, failures] of kinds)
  console.log(
    `\nFAILURE ×${failures.length}: ${kind}\n  ${failures[0].truth.origin}\n  ${failures[0].violations.map((v) => `${v.property}: ${v.detail}`).join('\n  ')}`,
  );
if (saved.length) console.log(`\nsaved as regression fixtures:\n  ${saved.join('\n  ')}`);

console.log(`\nadversarial inputs (goal ≤ ${GOAL_MS_PER_100KB} ms per 100 KB):`);
console.log('| input | size | time | per 100 KB | goal |');
console.log('|---|---:|---:|---:|---|');
check('warm-up');
for (const adversary of ADVERSARIES) {
  if (adversary.bug && !args.includes('--all')) {
    console.log(`| ${adversary.name} | | | | skipped: open bug ${adversary.bug} (--all runs it) |`);
    continue;
  }
  const text = adversary.make();
  const started = performance.now();
  check(text);
  const ms = performance.now() - started;
  const kb = Buffer.byteLength(text) / 1024;
  const per100 = (ms / kb) * 100;
  console.log(
    `| ${adversary.name} | ${kb.toFixed(0)} KB | ${ms.toFixed(0)} ms | ${per100.toFixed(1)} ms | ${per100 <= GOAL_MS_PER_100KB ? 'met' : 'MISSED'} |`,
  );
}
process.exitCode = result.failures.length ? 1 : 0;
