import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pkg from '../../package.json';
import { CLEAN, CLI, WITH_ERROR, WITH_WARNING, run, tempDir } from './cli';

describe('govreport check: exit status', () => {
  it('is 0 for a clean draft and for one with warnings only, 1 with an error finding', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'clean.md'), CLEAN);
    writeFileSync(join(dir, 'warning.md'), WITH_WARNING);
    writeFileSync(join(dir, 'error.md'), WITH_ERROR);
    assert.equal(run(['check', join(dir, 'clean.md')]).status, 0);
    const warning = run(['check', join(dir, 'warning.md')]);
    assert.equal(warning.status, 0);
    assert.match(warning.stdout, /label-wording/);
    assert.equal(run(['check', join(dir, 'error.md')]).status, 1);
    assert.equal(run(['check', dir]).status, 1, 'a directory with one erroneous draft');
  });

  it('is 2 for a missing path, with one line naming it, while the other paths are still checked', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'error.md'), WITH_ERROR);
    const missing = join(dir, 'nope.md');
    const result = run(['check', join(dir, 'error.md'), missing]);
    assert.equal(result.status, 2);
    assert.match(result.stdout, /review-total/);
    assert.equal(result.stderr, `govreport: ${missing}：文件或目录不存在\n`);
    assert.equal(run(['check', '--locale', 'en', missing]).stderr, `govreport: ${missing}: no such file or directory\n`);
  });

  it('is 2 for a directory without report files', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'notes.png'), 'x');
    const result = run(['check', dir]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, new RegExp(`${dir}：目录中没有报告文件（\\.md、\\.txt、\\.html、\\.docx、\\.pdf）`));
  });

  it('is 2 for a binary file, naming it, while the other files are still checked', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'a.md'), WITH_WARNING);
    writeFileSync(join(dir, 'b.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const result = run(['check', '--format', 'json', dir]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `govreport: ${join(dir, 'b.md')}：是二进制文件，不是文本草稿\n`);
    assert.deepEqual(
      JSON.parse(result.stdout).map((r: { file: string; error?: string }) => [r.file, r.error]),
      [
        [join(dir, 'a.md'), undefined],
        [join(dir, 'b.md'), `${join(dir, 'b.md')}：是二进制文件，不是文本草稿`],
      ],
    );
  });

  it('is 2 for a device, a named pipe or a socket, without reading it', async (t) => {
    const dir = tempDir(t);
    assert.equal(run(['check', '/dev/null']).stderr, 'govreport: /dev/null：是字符设备，不是普通文件\n');
    const socket = join(dir, 'draft.md');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    t.after(() => server.close());
    const result = run(['check', '--locale', 'en', socket]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `govreport: ${socket}: is a socket, not a regular file\n`);
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const pipe = run(['check', fifo], { timeout: 20_000 });
    assert.deepEqual([pipe.status, pipe.stderr], [2, `govreport: ${fifo}：是命名管道，不是普通文件\n`]);
  });

  it('is 2 for a file it may not read (run as an unprivileged user where the tests run as root)', (t) => {
    const dir = tempDir(t);
    chmodSync(dir, 0o755);
    const file = join(dir, 'secret.md');
    writeFileSync(file, CLEAN);
    chmodSync(file, 0o000);
    const asRoot = process.getuid?.() === 0;
    // The bundle is self-contained: a copy the unprivileged user can read runs as well as the original.
    const cli = join(dir, 'cli.js');
    copyFileSync(CLI, cli);
    chmodSync(cli, 0o644);
    const result = run(['check', file], { cli, ...(asRoot && { uid: 65534, gid: 65534 }) });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `govreport: ${file}：无法读取（没有权限，EACCES）\n`);
  });
});

describe('govreport check: paths', () => {
  it('walks directories in sorted order, only report files, skipping node_modules and dot-directories', (t) => {
    const dir = tempDir(t);
    for (const sub of ['b', 'a', 'node_modules', '.git', 'a/z']) mkdirSync(join(dir, sub), { recursive: true });
    const drafts = ['b/1.md', 'a/2.txt', 'a/10.MD', 'a/z/3.md', 'node_modules/4.md', '.git/5.md', 'a/6.png', 'c.md'];
    for (const d of drafts) writeFileSync(join(dir, d), CLEAN);
    const result = run(['check', '--format', 'json', dir, join(dir, 'c.md')]);
    assert.equal(result.status, 0);
    const files = JSON.parse(result.stdout).map((r: { file: string }) => r.file);
    assert.deepEqual(
      files,
      ['a/10.MD', 'a/2.txt', 'a/z/3.md', 'b/1.md', 'c.md'].map((f) => join(dir, f)),
      'c.md once, though named twice',
    );
  });
});

describe('govreport check: output formats', () => {
  it('text: the file, then line:col severity message rule, then a summary', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'error.md'), WITH_ERROR);
    const line = WITH_ERROR.split('\n').findIndex((l) => l.startsWith('| 1 |')) + 1;
    const column = '| 1 | 0 | 0 | 0 | '.length + 1;
    const zh = run(['check', 'error.md'], { cwd: dir });
    assert.match(
      zh.stdout,
      new RegExp(
        `^\\nerror\\.md\\n  ${line}:${column}  错误  .*应为 1.*  review-total\\n\\n✖ 1 个问题（1 个错误，0 个警告，0 个提示），共检查 1 个文件\\n$`,
      ),
    );
    const en = run(['check', '--locale', 'en', 'error.md'], { cwd: dir });
    assert.match(
      en.stdout,
      new RegExp(`  ${line}:${column}  error  .*  review-total\\n\\n✖ 1 problem \\(1 error, 0 warnings, 0 info\\) in 1 file\\n$`),
    );
    writeFileSync(join(dir, 'error.md'), CLEAN);
    assert.equal(run(['check', 'error.md'], { cwd: dir }).stdout, '✔ 共检查 1 个文件，没有发现问题\n');
  });

  it('json: one object per file with 1-based UTF-16 positions, expected, actual and terms', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'error.md');
    writeFileSync(file, WITH_ERROR);
    const result = run(['check', '--format', 'json', file]);
    assert.equal(result.status, 1);
    const [report, ...more] = JSON.parse(result.stdout);
    assert.equal(more.length, 0);
    assert.deepEqual(Object.keys(report), ['file', 'agency', 'year', 'edition', 'findings']);
    assert.equal(report.file, file);
    assert.equal(report.year, 2023);
    assert.equal(report.edition, '2021');
    const [finding] = report.findings;
    assert.deepEqual(
      [finding.rule, finding.severity, finding.expected, finding.actual, finding.terms],
      ['review-total', 'error', 1, 0, [1, 0, 0, 0]],
    );
    assert.match(finding.message, /应为 1/);
    assert.equal(typeof finding.fixable, 'boolean');
    const lines = WITH_ERROR.split('\n');
    assert.equal(finding.endLine, finding.line);
    assert.equal(lines[finding.line - 1].slice(finding.column - 1, finding.endColumn - 1), '0', 'the range is the 总计 cell');
  });

  it('json: suspects — the explanations of failing sums, each cell with its position, labels, figure found and proposed', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'typo.md');
    // WITH_ERROR's Section 四 error, and in Section 三 予以公开 · 自然人 written 4 where every sum says 0.
    const lines = WITH_ERROR.split('\n');
    const at = lines.findIndex((l) => l.includes('（一）予以公开'));
    lines[at] = lines[at].replace('| 0 |', '| 4 |');
    writeFileSync(file, lines.join('\n'));
    const [report] = JSON.parse(run(['check', '--format', 'json', file]).stdout);
    const typo = report.findings.filter((f: { rule: string }) => f.rule !== 'review-total');
    assert.deepEqual(typo.map((f: { rule: string }) => f.rule).sort(), ['results-total', 'row-total']);
    for (const f of typo) {
      assert.deepEqual([f.line, f.fixable], [at + 1, true], `${f.rule}: on the mistyped cell, fixable`);
      assert.deepEqual(f.suspects, [
        { typo: true, cells: [{ line: at + 1, column: f.column, rowLabel: '予以公开', columnLabel: '自然人', found: 4, proposed: 0 }] },
      ]);
    }
    // Section 四: 行政复议 结果维持 1 with 总计 0 — either cell may be the wrong one: two suspects, no fix.
    const [review] = report.findings.filter((f: { rule: string }) => f.rule === 'review-total');
    assert.equal(review.fixable, false);
    assert.deepEqual(
      review.suspects.map((s: { cells: { columnLabel: string; proposed: number }[] }) =>
        s.cells.map((c) => `${c.columnLabel}=${c.proposed}`),
      ),
      [['行政复议 · 结果维持=0'], ['行政复议 · 总计=1']],
    );
  });

  it('json: columns count UTF-16 code units (a character outside the BMP counts two)', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'period.md');
    const wrongPeriod = CLEAN.replace('2023年12月31日。', '2023年12月1日。').replace('本报告根据', '𠀀𠀀本报告根据');
    writeFileSync(file, wrongPeriod);
    const [report] = JSON.parse(run(['check', '--format', 'json', file]).stdout);
    const period = report.findings.find((f: { rule: string }) => f.rule === 'period');
    assert.ok(period, JSON.stringify(report.findings));
    const line = wrongPeriod.split('\n')[period.line - 1];
    assert.equal(line.slice(period.column - 1, period.endColumn - 1), '2023年1月1日至2023年12月1日');
  });

  it('json: --year and --edition reach the checker; a directory with several files gives one object each', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'a.md'), CLEAN);
    writeFileSync(join(dir, 'b.md'), WITH_WARNING);
    const reports = JSON.parse(run(['check', '--format', 'json', '--year', '2020', dir]).stdout);
    assert.deepEqual(
      reports.map((r: { year: number; edition: string }) => [r.year, r.edition]),
      [
        [2020, '2019'],
        [2020, '2019'],
      ],
    );
    const forced = JSON.parse(run(['check', '--format', 'json', '--edition', '2019', join(dir, 'a.md')]).stdout);
    assert.equal(forced[0].edition, '2019');
    assert.equal(forced[0].year, 2023);
  });

  it('prints nothing but the results on stdout when asked for machine formats', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'a.md'), Buffer.from([0, 1, 2]));
    writeFileSync(join(dir, 'b.md'), CLEAN);
    const json = run(['check', '--format', 'json', dir]);
    assert.deepEqual(
      JSON.parse(json.stdout).map((r: { checked?: boolean }) => r.checked ?? true),
      [false, true],
    );
    assert.match(json.stderr, /a\.md：是二进制文件/);
  });
});

describe('govreport: usage', () => {
  it('--help and -h print usage to stdout, exit 0; --version prints the package version', () => {
    for (const flag of ['--help', '-h']) {
      const help = run([flag]);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /govreport check \[选项\] 路径…/);
    }
    assert.match(run(['check', '--help', '--locale', 'en']).stdout, /Usage:\n {2}govreport check \[options\] PATH…/);
    assert.deepEqual(run(['--version']), { status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('an unknown option, command or value exits 2 with one clear line', () => {
    const cases: [string[], string][] = [
      [['check', '--bogus', 'x.md'], 'check 不支持选项 --bogus；运行 govreport --help 查看用法'],
      [['fix', '--format', 'json', 'x.md'], 'fix 不支持选项 --format；运行 govreport --help 查看用法'],
      [['lint', 'x.md'], '未知命令“lint”（可用：check、fix、import、export、extract）'],
      [[], '缺少命令（check、fix、import、export 或 extract）；运行 govreport --help 查看用法'],
      [['check', '--format', 'xml', 'x.md'], '--format 的值“xml”无效（应为 text|json|sarif|summary|csv|junit|github|html）'],
      [['check', '--format'], '选项 --format 缺少值'],
      [['check', '--year', '23', 'x.md'], '--year 的值“23”无效（应为 1990–2100 之间的四位年份）'],
      [['check', '--edition', '2020', 'x.md'], '--edition 的值“2020”无效（应为 auto|2019|2021）'],
      [['check'], 'check 需要至少一个文件或目录'],
      [['import', 'a.txt', 'b.txt'], 'import 需要一个输入文件（-o 输出）；多个输入请用 -d 目录'],
      [['check', '--locale', 'en', '--bogus', 'x.md'], 'check has no option --bogus; see govreport --help'],
    ];
    for (const [args, line] of cases) {
      assert.deepEqual(run(args), { status: 2, stdout: '', stderr: `govreport: ${line}\n` }, args.join(' '));
    }
  });
});
