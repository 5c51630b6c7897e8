// Helpers for the CLI tests: the built CLI (dist/cli.js, built by `npm test`) run as a subprocess on temporary files.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { renderReport } from '../../server/src/core';

export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
export const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: SpawnSyncOptions & { cli?: string } = {}): Run {
  const { cli = CLI, ...spawnOptions } = options;
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...spawnOptions,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A fresh directory, removed when the test ends. */
export function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A complete 2023 report (edition 2021) in the canonical layout, all counts 0: no finding at all. */
export const CLEAN = renderReport('2021', 2023);

/** The clean report with one misspelt row label (`危机` for `危及`): a warning with a safe fix. */
export const WITH_WARNING = CLEAN.replace('危及', '危机');

const REVIEW_ROW = /^\| 0( \| 0){14} \|$/m;

/** The clean report with 行政复议 · 结果维持 = 1 but its 总计 still 0: a `review-total` error. */
export const WITH_ERROR = CLEAN.replace(REVIEW_ROW, (row) => row.replace('| 0', '| 1'));

if (WITH_WARNING === CLEAN || WITH_ERROR === CLEAN) throw new Error('the canonical report changed: update the test drafts');
