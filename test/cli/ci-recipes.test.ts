import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, tempDir } from './cli';

const ROOT = join(__dirname, '..', '..');
const GUIDE = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
// Unquoted: the hook expands $GOVREPORT into words (the paths here have no spaces).
const GOVREPORT = `${process.execPath} ${CLI}`;

/** The code block that follows `<!-- ci:NAME -->` in the command-line guide. */
function recipe(name: string): string {
  const start = GUIDE.indexOf(`<!-- ci:${name} -->`);
  assert.ok(start !== -1, `docs/cli.md has no ${name} recipe`);
  const block = /```\w*\n([\s\S]*?)```/.exec(GUIDE.slice(start));
  return block![1];
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CI recipes of docs/cli.md, run on examples/', () => {
  it('GitHub Actions: the SARIF step always passes and writes the log; the annotations step fails on the example with mistakes', (t) => {
    const dir = tempDir(t);
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    const steps = [...recipe('github-actions').matchAll(/^\s*- run: (.*govreport.*)$/gm)].map((m) =>
      m[1].replaceAll('npx govreport', GOVREPORT),
    );
    assert.equal(steps.length, 2);
    const sarif = sh(steps[0], dir);
    assert.equal(sarif.status, 0);
    const log = JSON.parse(readFileSync(join(dir, 'govreport.sarif'), 'utf8'));
    assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'review-total'));
    const annotations = sh(steps[1], dir);
    assert.equal(annotations.status, 1);
    assert.match(
      annotations.stdout,
      /^::error file=examples\/mistakes-2021\.report\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=review-total::/m,
    );
    assert.doesNotMatch(annotations.stdout, /clean-2021/);
  });

  it('pre-commit hook: a clean draft commits, the draft with mistakes is stopped with its findings', (t) => {
    const dir = tempDir(t);
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', GOVREPORT },
      });
    assert.equal(git('init', '-q').status, 0);
    const hook = join(dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, recipe('pre-commit'));
    chmodSync(hook, 0o755);
    cpSync(join(ROOT, 'examples', 'clean-2021.report.md'), join(dir, 'clean-2021.report.md'));
    git('add', 'clean-2021.report.md');
    assert.equal(git('commit', '-qm', 'clean').status, 0);
    cpSync(join(ROOT, 'examples', 'mistakes-2021.report.md'), join(dir, 'mistakes-2021.report.md'));
    git('add', 'mistakes-2021.report.md');
    const stopped = git('commit', '-qm', 'mistakes');
    assert.equal(stopped.status, 1);
    // git shows what a hook prints on its stderr.
    assert.match(stopped.stderr, /mistakes-2021\.report\.md\n[\s\S]*review-total/);
    assert.equal(git('log', '--oneline').stdout.trim().split('\n').length, 1);
  });
});
