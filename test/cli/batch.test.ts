import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLEAN, CLI, SEEDS, WITH_ERROR, WITH_WARNING, run, tempDir } from './cli';

interface JsonItem {
  file: string;
  error?: string;
  findings?: { rule: string; line: number; column: number; message: string }[];
}

/** A folder with a report, a binary file, a draft with CR line ends and lone CRs before headings, and an empty folder. */
function mixedBatch(dir: string): { good: string; binary: string; odd: string; empty: string; missing: string } {
  const paths = {
    good: join(dir, 'a-good.md'),
    binary: join(dir, 'b-binary.md'),
    odd: join(dir, 'c-odd.md'),
    empty: join(dir, 'd-empty'),
    missing: join(dir, 'gone.md'),
  };
  writeFileSync(paths.good, WITH_ERROR);
  writeFileSync(paths.binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00, 0x00]));
  writeFileSync(paths.odd, WITH_WARNING.replace(/\n(?=#)/g, '\r').replace(/\n/g, '\r\r\n'));
  mkdirSync(paths.empty);
  return paths;
}

describe('govreport check: every input is reported, nothing aborts the batch', () => {
  it('json: one item per input in order, {file, error} for each that could not be checked', (t) => {
    const dir = tempDir(t);
    const p = mixedBatch(dir);
    const result = run(['check', '--format', 'json', p.missing, p.good, p.binary, p.odd, p.empty]);
    assert.equal(result.status, 2);
    const items: JsonItem[] = JSON.parse(result.stdout);
    assert.deepEqual(
      items.map((i) => [i.file, i.error ?? 'checked']),
      [
        [p.missing, `${p.missing}：文件或目录不存在`],
        [p.good, 'checked'],
        [p.binary, `${p.binary}：是二进制文件，不是文本草稿`],
        [p.odd, 'checked'],
        [p.empty, `${p.empty}：目录中没有报告文件（.md、.txt、.html、.docx、.pdf）`],
      ],
    );
    assert.deepEqual(
      items[1].findings!.map((f) => f.rule),
      ['review-total'],
    );
    assert.deepEqual(
      items[3].findings!.map((f) => f.rule),
      ['label-wording'],
    );
  });

  it('json: odd line ends (CR, CR CR LF, a lone CR before a heading) give the findings of the LF file', (t) => {
    const dir = tempDir(t);
    const p = mixedBatch(dir);
    writeFileSync(join(dir, 'lf.md'), WITH_WARNING);
    const [odd, lf]: JsonItem[] = JSON.parse(run(['check', '--format', 'json', p.odd, join(dir, 'lf.md')]).stdout);
    assert.deepEqual(odd.findings, lf.findings);
    assert.deepEqual(
      lf.findings!.map((f) => f.rule),
      ['label-wording'],
    );
  });

  it('text: a file that failed is named with its reason and counted; never ✔ when one failed', (t) => {
    const dir = tempDir(t);
    const p = mixedBatch(dir);
    const mixed = run(['check', p.good, p.binary, p.missing], { cwd: dir });
    assert.equal(mixed.status, 2);
    assert.match(mixed.stdout, new RegExp(`\\n${p.binary}\\n  无法检查  是二进制文件，不是文本草稿\\n`));
    assert.match(mixed.stdout, new RegExp(`\\n${p.missing}\\n  无法检查  文件或目录不存在\\n`));
    assert.match(mixed.stdout, /✖ 1 个问题（1 个错误，0 个警告，0 个提示），共检查 1 个文件；2 个文件无法检查\n$/);
    writeFileSync(p.good, CLEAN);
    const onlyFailed = run(['check', p.good, p.binary]);
    assert.equal(onlyFailed.status, 2);
    assert.doesNotMatch(onlyFailed.stdout, /✔/);
    assert.match(onlyFailed.stdout, /\n✖ 1 个文件无法检查（共 2 个文件），其余没有发现问题\n$/);
    const en = run(['check', '--locale', 'en', p.good, p.binary]);
    assert.match(
      en.stdout,
      /\n {2}not checked {2}is a binary file, not a text draft\n\n✖ 1 file could not be checked \(of 2\); no problems in the others\n$/,
    );
  });

  it('sarif: each file that failed is a tool execution notification, the run marked unsuccessful', (t) => {
    const dir = tempDir(t);
    const p = mixedBatch(dir);
    const log = JSON.parse(run(['check', '--format', 'sarif', p.good, p.binary, p.missing, p.empty]).stdout);
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text),
      [
        `${p.binary}：是二进制文件，不是文本草稿`,
        `${p.missing}：文件或目录不存在`,
        `${p.empty}：目录中没有报告文件（.md、.txt、.html、.docx、.pdf）`,
      ],
    );
    assert.deepEqual(
      log.runs[0].results.map((r: { ruleId: string }) => r.ruleId),
      ['review-total'],
    );
  });

  it('a folder that cannot be listed is reported, and the rest of the walk goes on (run as an unprivileged user)', (t) => {
    const dir = tempDir(t);
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'a-locked'));
    writeFileSync(join(dir, 'a-locked', 'x.md'), CLEAN);
    writeFileSync(join(dir, 'b.md'), WITH_ERROR);
    chmodSync(join(dir, 'b.md'), 0o644);
    chmodSync(join(dir, 'a-locked'), 0o000);
    const cli = join(dir, 'cli.js');
    copyFileSync(CLI, cli);
    chmodSync(cli, 0o644);
    const asRoot = process.getuid?.() === 0;
    const result = run(['check', '--format', 'json', dir], { cli, ...(asRoot && { uid: 65534, gid: 65534 }) });
    chmodSync(join(dir, 'a-locked'), 0o755);
    assert.equal(result.status, 2);
    const items: JsonItem[] = JSON.parse(result.stdout);
    assert.deepEqual(
      items.map((i) => [i.file, i.error ?? i.findings!.map((f) => f.rule).join()]),
      [
        [join(dir, 'a-locked'), `${join(dir, 'a-locked')}：无法读取（没有权限，EACCES）`],
        [join(dir, 'b.md'), 'review-total'],
      ],
    );
  });
});

describe('govreport check on a folder: only the reports in it', () => {
  it('a README about the reports (its title names no year) found in the walk is named on stderr, not checked', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'report.md'), CLEAN);
    writeFileSync(join(dir, 'README.md'), '# 本目录的政府信息公开工作年度报告\n\n各单位的报告放在这里。\n');
    const result = run(['check', '--format', 'json', dir]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      (JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file),
      [join(dir, 'report.md')],
    );
    assert.match(result.stderr, /README\.md：不像政府信息公开工作年度报告.*未检查/);
    const named = run(['check', '--format', 'json', join(dir, 'README.md')]);
    assert.ok(
      (JSON.parse(named.stdout)[0].findings as { rule: string }[]).some((f) => f.rule === 'section-missing'),
      'a file named is checked as asked',
    );
  });
});

describe('govreport check: what a file holds', () => {
  const seed = readFileSync(join(SEEDS, '003_add447287257bd48.txt'));

  it('a stray NUL in a 15 KB Chinese report is read, with a note, and checked like the report without it', (t) => {
    assert.ok(seed.length > 15_000);
    const dir = tempDir(t);
    const at = seed.indexOf(Buffer.from('。')) + 3;
    const withNul = Buffer.concat([seed.subarray(0, at), Buffer.from([0]), seed.subarray(at)]);
    writeFileSync(join(dir, 'nul.txt'), withNul);
    writeFileSync(join(dir, 'plain.txt'), seed);
    const result = run(['check', '--format', 'json', join(dir, 'nul.txt'), join(dir, 'plain.txt')]);
    assert.equal(result.stderr, `govreport: ${join(dir, 'nul.txt')}：含有 1 个空字节（NUL），已照原样读取\n`);
    const [nul, plain]: JsonItem[] = JSON.parse(result.stdout);
    assert.equal(nul.error, undefined);
    assert.deepEqual(
      nul.findings!.map((f) => [f.rule, f.line, f.message]),
      plain.findings!.map((f) => [f.rule, f.line, f.message]),
    );
    assert.ok(plain.findings!.length > 0);
  });

  it('UTF-16 without a BOM is told by where its NULs are, both byte orders; fix writes it back as it came', (t) => {
    const dir = tempDir(t);
    const le = Buffer.from(WITH_WARNING, 'utf16le');
    const be = Buffer.from(le).swap16();
    writeFileSync(join(dir, 'le.md'), le);
    writeFileSync(join(dir, 'be.md'), be);
    const items: JsonItem[] = JSON.parse(run(['check', '--format', 'json', join(dir, 'le.md'), join(dir, 'be.md')]).stdout);
    assert.deepEqual(
      items.map((i) => i.findings?.map((f) => f.rule)),
      [['label-wording'], ['label-wording']],
    );
    assert.equal(run(['fix', join(dir, 'le.md')]).status, 0);
    const fixed = readFileSync(join(dir, 'le.md'));
    assert.notEqual(fixed[0], 0xff, 'no BOM added');
    assert.equal(fixed.toString('utf16le'), WITH_WARNING.replace('危机', '危及'));
  });

  it('the real seed reports in UTF-16 without a BOM are read as in UTF-8 (CJK characters such as 一 put NULs on the other side)', (t) => {
    const dir = tempDir(t);
    const names = readdirSync(SEEDS).filter((n) => n.endsWith('.txt'));
    const files: string[] = [];
    for (const name of names) {
      const le = Buffer.from(readFileSync(join(SEEDS, name), 'utf8'), 'utf16le');
      writeFileSync(join(dir, `${name}.le.txt`), le);
      writeFileSync(join(dir, `${name}.be.txt`), Buffer.from(le).swap16());
      files.push(join(SEEDS, name), join(dir, `${name}.le.txt`), join(dir, `${name}.be.txt`));
    }
    const items: JsonItem[] = JSON.parse(run(['check', '--format', 'json', ...files]).stdout);
    assert.equal(items.length, names.length * 3);
    for (let i = 0; i < items.length; i += 3) {
      assert.equal(items[i + 1].error ?? items[i + 2].error, undefined, items[i].file);
      assert.deepEqual(items[i + 1].findings, items[i].findings, items[i + 1].file);
      assert.deepEqual(items[i + 2].findings, items[i].findings, items[i + 2].file);
    }
  });

  it('bytes that look like UTF-16 without a BOM but are not are named as such', (t) => {
    const dir = tempDir(t);
    const odd = Buffer.concat([Buffer.from(WITH_WARNING, 'utf16le'), Buffer.from([0x41])]);
    writeFileSync(join(dir, 'odd.md'), odd);
    const result = run(['check', '--format', 'json', join(dir, 'odd.md')]);
    assert.equal(result.status, 2);
    assert.equal(
      JSON.parse(result.stdout)[0].error,
      `${join(dir, 'odd.md')}：看似没有字节顺序标记的 UTF-16LE 文本，但不是有效的 UTF-16，无法读取`,
    );
  });
});
