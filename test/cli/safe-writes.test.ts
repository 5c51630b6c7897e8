import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readDraft, writeBack } from '../../server/src/cli/files';
import { messagesFor } from '../../server/src/cli/messages';
import { CLEAN, CLI, WITH_ERROR, WITH_WARNING, run, tempDir } from './cli';

const FIXED = WITH_WARNING.replace('危机', '危及');
const NOT_A_REPORT = '# 说明\n\n本目录存放年度报告草稿。\n\n| 文件 | 说明 |\n| --- | --- |\n| a.md | 草稿 |\n';

describe('govreport fix on a folder touches only reports', () => {
  it('README, LICENSE and notes next to the reports are left byte for byte, each named on stderr', (t) => {
    const dir = tempDir(t);
    const others = { 'README.md': NOT_A_REPORT, 'LICENSE.txt': 'MIT License\n\nCopyright\n', 'notes.txt': '三、待办\n1. 核对数字\n' };
    for (const [name, text] of Object.entries(others)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'report.md'), WITH_WARNING);
    const result = run(['fix', dir]);
    assert.equal(result.status, 0);
    assert.equal(readFileSync(join(dir, 'report.md'), 'utf8'), FIXED);
    for (const [name, text] of Object.entries(others)) {
      assert.equal(readFileSync(join(dir, name), 'utf8'), text, name);
      assert.ok(result.stderr.includes(`${join(dir, name)}：不像政府信息公开工作年度报告`), name);
    }
    assert.match(result.stdout, /已修复 1 个文件中的 1 处问题（共 4 个文件）\n$/);
    writeFileSync(join(dir, 'page.html'), '<html><body><h1>某某县2023年政府信息公开工作年度报告</h1></body></html>');
    const withPage = run(['fix', dir]);
    assert.equal(withPage.status, 0, 'a web page met in the walk is named, not an error');
    assert.ok(withPage.stderr.includes(`${join(dir, 'page.html')}：不是文本草稿`));
    run(['fix', join(dir, 'notes.txt')]);
    assert.notEqual(
      readFileSync(join(dir, 'notes.txt'), 'utf8'),
      others['notes.txt'],
      'a file named on the command line is fixed as asked',
    );
  });

  it('`fix . > log.txt` keeps the log: the shell creates it before the walk, and it is not a report', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'report.md'), WITH_WARNING);
    const shell = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" fix . > log.txt`], { cwd: dir, encoding: 'utf8' });
    assert.equal(shell.status, 0, shell.stderr);
    const log = readFileSync(join(dir, 'log.txt'), 'utf8');
    assert.match(log, /^report\.md：已修复 1 处（label-wording）\n已修复 1 个文件中的 1 处问题（共 2 个文件）\n$/);
    assert.equal(readFileSync(join(dir, 'report.md'), 'utf8'), FIXED);
  });

  it('text inside fenced code blocks is never rewritten', (t) => {
    const dir = tempDir(t);
    const example = '```markdown\n| 3.危机“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n## 五、存在的问题\n```\n';
    const text = WITH_WARNING.replace('## 四、', `${example}\n## 四、`);
    writeFileSync(join(dir, 'report.md'), text);
    assert.equal(run(['fix', join(dir, 'report.md')]).status, 0);
    const fixed = readFileSync(join(dir, 'report.md'), 'utf8');
    assert.ok(fixed.includes(example), 'the fenced example keeps its typo');
    assert.equal(fixed, text.replace('危机', '危及'));
  });
});

describe('symlinks are not followed out of the folder walked', () => {
  it('check and fix skip a link to a file outside; a link inside is read once; a link named is read', (t) => {
    const root = tempDir(t);
    const tree = join(root, 'tree');
    mkdirSync(tree);
    writeFileSync(join(root, 'outside.md'), WITH_WARNING);
    writeFileSync(join(tree, 'a.md'), WITH_ERROR);
    symlinkSync(join(root, 'outside.md'), join(tree, 'b-out.md'));
    symlinkSync('a.md', join(tree, 'c-in.md'));
    const items = JSON.parse(run(['check', '--format', 'json', tree]).stdout);
    assert.deepEqual(
      items.map((i: { file: string }) => i.file),
      [join(tree, 'a.md')],
    );
    run(['fix', tree]);
    assert.equal(readFileSync(join(root, 'outside.md'), 'utf8'), WITH_WARNING, 'the file outside is untouched');
    const named = JSON.parse(run(['check', '--format', 'json', join(tree, 'b-out.md')]).stdout);
    assert.deepEqual(
      named[0].findings.map((f: { rule: string }) => f.rule),
      ['label-wording'],
    );
  });
});

describe('govreport fix writes only what it may', () => {
  it('a file with hard links is written in place: every link sees the fix', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'a.md'), WITH_WARNING);
    linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
    const inode = statSync(join(dir, 'a.md')).ino;
    assert.equal(run(['fix', join(dir, 'a.md')]).status, 0);
    assert.equal(readFileSync(join(dir, 'b.md'), 'utf8'), FIXED);
    assert.equal(statSync(join(dir, 'a.md')).ino, inode);
    assert.equal(statSync(join(dir, 'a.md')).nlink, 2);
    assert.deepEqual(readdirSync(dir).sort(), ['a.md', 'b.md']);
  });

  it('a read-only file is refused with a message, the others still fixed', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'locked.md'), WITH_WARNING);
    chmodSync(join(dir, 'locked.md'), 0o444);
    writeFileSync(join(dir, 'open.md'), WITH_WARNING);
    const result = run(['fix', dir]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `govreport: ${join(dir, 'locked.md')}：文件为只读，未写入\n`);
    assert.equal(readFileSync(join(dir, 'locked.md'), 'utf8'), WITH_WARNING);
    assert.equal(readFileSync(join(dir, 'open.md'), 'utf8'), FIXED);
    assert.equal(
      result.stdout,
      `${join(dir, 'open.md')}：已修复 1 处（label-wording）\n已修复 1 个文件中的 1 处问题（共 2 个文件）；1 个文件未能处理（原因见上）\n`,
    );
  });

  it("another user's file is refused, even by root", (t) => {
    if (process.getuid?.() !== 0) return t.skip('needs root to give a file away');
    const dir = tempDir(t);
    writeFileSync(join(dir, 'theirs.md'), WITH_WARNING);
    chownSync(join(dir, 'theirs.md'), 65534, 65534);
    const result = run(['fix', '--locale', 'en', join(dir, 'theirs.md')]);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `govreport: ${join(dir, 'theirs.md')}: belongs to another user; not written\n`);
    assert.equal(readFileSync(join(dir, 'theirs.md'), 'utf8'), WITH_WARNING);
  });

  it('a file changed on disk since it was read is left alone', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'draft.md');
    writeFileSync(file, WITH_WARNING);
    const m = messagesFor('zh-CN');
    const draft = readDraft(file, m);
    writeFileSync(file, `${WITH_WARNING}用户刚保存的一句话。\n`);
    assert.throws(() => writeBack(draft, Buffer.from(FIXED), m), { message: `${file}：读取后文件已被修改，未写入（请重新运行）` });
    assert.equal(readFileSync(file, 'utf8'), `${WITH_WARNING}用户刚保存的一句话。\n`);
    writeBack(readDraft(file, m), Buffer.from(FIXED), m);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
  });

  it('what fix inserts in a CR LF file has CR LF line breaks', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'crlf.md');
    const withoutSix = CLEAN.replace(/## 六、[^\n]*\n\n[^\n]*\n\n/, '').replace(/\n/g, '\r\n');
    assert.notEqual(withoutSix, CLEAN.replace(/\n/g, '\r\n'));
    writeFileSync(file, withoutSix);
    assert.equal(run(['fix', file]).status, 0);
    const fixed = readFileSync(file, 'utf8');
    assert.match(fixed, /\r\n## 六、其他需要报告的事项\r\n/);
    assert.doesNotMatch(fixed, /[^\r]\n/, 'no bare LF');
  });

  it('SIGINT or SIGTERM during a batch ends it between files: no temporary file left, no file half-written', async (t) => {
    const dir = tempDir(t);
    const count = 300;
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.md`), WITH_WARNING);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const child = spawn(process.execPath, [CLI, 'fix', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      // Wait until some files are fixed, then interrupt.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.kill(signal);
      const [code, killedBy] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
      assert.deepEqual([code, killedBy], [signal === 'SIGINT' ? 130 : 143, null], stderr);
      assert.match(stderr, new RegExp(`已中断（${signal}），没有留下写了一半的文件`));
      const names = readdirSync(dir);
      assert.deepEqual(
        names.filter((n) => !n.endsWith('.md')),
        [],
        'no temporary file',
      );
      assert.equal(names.length, count);
      const fixed = names.filter((n) => readFileSync(join(dir, n), 'utf8') === FIXED).length;
      const untouched = names.filter((n) => readFileSync(join(dir, n), 'utf8') === WITH_WARNING).length;
      assert.equal(fixed + untouched, count, 'every file whole, fixed or not');
      assert.ok(untouched > 0, `stopped early (${stdout.split('\n').length} lines of output)`);
      for (const n of names) writeFileSync(join(dir, n), WITH_WARNING);
    }
  });
});

describe('govreport import never overwrites what it must not', () => {
  it('never its input, by any path, even with --force; an existing output only with --force', (t) => {
    const dir = tempDir(t);
    const input = join(dir, 'pasted.txt');
    const pasted = CLEAN.replace(/^#+ /gm, '');
    writeFileSync(input, pasted);
    linkSync(input, join(dir, 'same.txt'));
    for (const output of [input, join(dir, '.', 'pasted.txt'), join(dir, 'same.txt')]) {
      for (const force of [[], ['--force']]) {
        const result = run(['import', input, '-o', output, ...force]);
        assert.deepEqual([result.status, result.stderr], [2, `govreport: ${output}：输出文件就是输入文件，import 不会覆盖原文\n`]);
      }
    }
    assert.equal(readFileSync(input, 'utf8'), pasted);
    const out = join(dir, 'draft.md');
    writeFileSync(out, '我的笔记\n');
    const refused = run(['import', input, '-o', out]);
    assert.deepEqual([refused.status, refused.stderr], [2, `govreport: ${out}：输出文件已存在；如需覆盖，请加 --force\n`]);
    assert.equal(readFileSync(out, 'utf8'), '我的笔记\n');
    assert.equal(run(['import', input, '-o', out, '--force']).status, 0);
    assert.match(readFileSync(out, 'utf8'), /^# 某某县人民政府2023年政府信息公开工作年度报告\n/);
  });
});
