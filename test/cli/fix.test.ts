import assert from 'node:assert/strict';
import {
  chmodSync,
  closeSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyPatch } from 'diff';
import iconv from 'iconv-lite';
import { CLEAN, WITH_ERROR, WITH_WARNING, run, tempDir } from './cli';

/** What `fix` makes of WITH_WARNING: the one label spelt as the standard has it. */
const FIXED = CLEAN;

const ENCODINGS: { name: string; encode: (text: string) => Buffer }[] = [
  { name: 'UTF-8', encode: (text) => Buffer.from(text, 'utf8') },
  { name: 'UTF-8 with BOM', encode: (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) },
  { name: 'UTF-16LE with BOM', encode: (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) },
  { name: 'UTF-16BE with BOM', encode: (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]) },
  { name: 'GBK', encode: (text) => iconv.encode(text, 'gbk') },
  { name: 'UTF-8 with CRLF line breaks', encode: (text) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8') },
];

describe('govreport fix: encodings', () => {
  for (const { name, encode } of ENCODINGS) {
    it(`reads ${name} and writes it back in ${name}, bytes outside the edit unchanged`, (t) => {
      const dir = tempDir(t);
      const file = join(dir, 'draft.md');
      const before = encode(WITH_WARNING);
      writeFileSync(file, before);
      const checked = JSON.parse(run(['check', '--format', 'json', file]).stdout)[0];
      assert.deepEqual(
        checked.findings.map((f: { rule: string }) => f.rule),
        ['label-wording'],
        `${name} is decoded as the same text`,
      );
      const result = run(['fix', file]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${file}：已修复 1 处（label-wording）\n已修复 1 个文件中的 1 处问题（共 1 个文件）\n`);
      const after = readFileSync(file);
      assert.deepEqual(after, encode(FIXED));
      // The edit replaced 机 with 及: everything before and after it is byte for byte what it was.
      const at = encode(WITH_WARNING.slice(0, WITH_WARNING.indexOf('危机') + 1)).length;
      const width = (ch: string) => encode(ch + ch).length - encode(ch).length;
      assert.deepEqual(after.subarray(0, at), before.subarray(0, at));
      assert.deepEqual(after.subarray(at + width('及')), before.subarray(at + width('机')));
    });
  }

  it('leaves a file alone that cannot be written back exactly (invalid bytes), exit 2, and still checks it', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'broken.md');
    const gbk = iconv.encode(WITH_WARNING, 'gbk');
    const at = gbk.indexOf(iconv.encode('本报告', 'gbk'));
    const broken = Buffer.concat([gbk.subarray(0, at), Buffer.from([0x80]), gbk.subarray(at)]);
    writeFileSync(file, broken);
    const fix = run(['fix', file]);
    assert.equal(fix.status, 2);
    assert.equal(fix.stderr, `govreport: ${file}：文件含有无效的 GB18030 字节，无法无损写回，已跳过，未写入\n`);
    assert.deepEqual(readFileSync(file), broken);
    const check = run(['check', '--format', 'json', file]);
    assert.equal(check.stderr, `govreport: ${file}：含有不是有效 GB18030 的字节，已按替换字符读取\n`);
    assert.deepEqual(
      JSON.parse(check.stdout)[0].findings.map((f: { rule: string }) => f.rule),
      ['label-wording'],
    );
  });

  it('reads UTF-8 with a damaged byte as UTF-8 (not as GB18030), and will not write it back', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'damaged.md');
    const bytes = Buffer.from(WITH_WARNING, 'utf8');
    bytes[bytes.indexOf(Buffer.from('本报告')) + 1] = 0xff;
    writeFileSync(file, bytes);
    const check = run(['check', '--format', 'json', file]);
    assert.match(check.stderr, /含有不是有效 UTF-8 的字节/);
    assert.equal(JSON.parse(check.stdout)[0].year, 2023, 'the title still reads');
    assert.equal(run(['fix', file]).status, 2);
    assert.deepEqual(readFileSync(file), bytes);
  });
});

describe('govreport fix: writing', () => {
  it('replaces the file atomically: mode kept, no temporary file left, a reader of the old file unaffected', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'draft.md');
    writeFileSync(file, WITH_WARNING);
    chmodSync(file, 0o640);
    const reader = openSync(file, 'r');
    t.after(() => closeSync(reader));
    assert.equal(run(['fix', file]).status, 0);
    assert.equal(statSync(file).mode & 0o7777, 0o640);
    assert.deepEqual(readdirSync(dir), ['draft.md']);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    const old = Buffer.alloc(Buffer.byteLength(WITH_WARNING));
    readSync(reader, old, 0, old.length, 0);
    assert.equal(old.toString('utf8'), WITH_WARNING, 'the old file was replaced, not overwritten in place');
  });

  it('writes through a symlink to its target, keeping the link', (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'real.md'), WITH_WARNING);
    symlinkSync('real.md', join(dir, 'link.md'));
    assert.equal(run(['fix', join(dir, 'link.md')]).status, 0);
    assert.equal(readFileSync(join(dir, 'real.md'), 'utf8'), FIXED);
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink());
    assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'real.md']);
  });

  it('exits 1 when errors remain after fixing, naming how many', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'draft.md');
    const unfixable = WITH_ERROR.replace('危及', '危机').replace('2023年12月31日。', '2023年12月1日。');
    writeFileSync(file, unfixable);
    const result = run(['fix', file]);
    assert.equal(result.status, 1);
    // Left: the period, and 行政复议's 1 against a total of 0 (either cell may be the wrong one: no fix).
    assert.match(result.stdout, /已修复 \d+ 处（.*label-wording.*）\n {2}仍有 2 个错误/);
  });

  it('does nothing to a file with nothing to fix', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'clean.md');
    writeFileSync(file, CLEAN);
    const mtime = statSync(file).mtimeMs;
    const result = run(['fix', file]);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '已修复 0 个文件中的 0 处问题（共 1 个文件）\n');
    assert.equal(statSync(file).mtimeMs, mtime);
  });

  it('names a device it refuses, and still fixes the other files', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'draft.md');
    writeFileSync(file, WITH_WARNING);
    const result = run(['fix', '/dev/null', file]);
    assert.deepEqual([result.status, result.stderr], [2, 'govreport: /dev/null：是字符设备，不是普通文件\n']);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
  });
});

describe('govreport fix --dry-run', () => {
  it('prints a unified diff that turns the file into what fix would write, and writes nothing', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'draft.md');
    const text = WITH_WARNING.replace('2023年12月31日。', '2023年12月1日。');
    writeFileSync(file, text);
    const mtime = statSync(file).mtimeMs;
    const dry = run(['fix', '--dry-run', 'draft.md'], { cwd: dir });
    assert.equal(dry.status, 1, 'the period error is left');
    assert.match(dry.stdout, /^--- draft\.md\n\+\+\+ draft\.md\n@@ /);
    assert.match(dry.stdout, /^-.*危机/m);
    assert.match(dry.stdout, /^\+.*危及/m);
    assert.equal(
      dry.stderr,
      'draft.md：可修复 1 处（label-wording）\n  仍有 1 个错误、0 个警告、0 个提示（运行 govreport check 查看）\n预演：可修复 1 个文件中的 1 处问题（共 1 个文件），未写入任何文件\n',
    );
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(statSync(file).mtimeMs, mtime);
    assert.deepEqual(readdirSync(dir), ['draft.md']);
    run(['fix', file]);
    assert.equal(applyPatch(text, dry.stdout), readFileSync(file, 'utf8'));
  });
});
