import assert from 'node:assert/strict';
import { copyFileSync, existsSync, linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, run, tempDir } from '../cli/cli';
import { unzip, wordTables } from './tables';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const DIST = join(__dirname, '..', '..', 'dist');

describe('govreport export', () => {
  it('writes the Word file beside the draft, and says so', (t) => {
    const dir = tempDir(t);
    const input = join(dir, 'clean-2021.report.md');
    copyFileSync(join(EXAMPLES, 'clean-2021.report.md'), input);
    const result = run(['export', input]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /clean-2021\.report\.md → .*clean-2021\.docx：已导出（标准表格 6 个）/);
    const docx = readFileSync(join(dir, 'clean-2021.docx'));
    assert.equal(wordTables(unzip(docx).get('word/document.xml')!.toString('utf8')).length, 6);
  });

  it('writes the web page for -o *.html or --format html', (t) => {
    const dir = tempDir(t);
    const input = join(EXAMPLES, 'clean-2021.report.md');
    assert.equal(run(['export', input, '-o', join(dir, 'page.html')]).status, 0);
    assert.match(
      readFileSync(join(dir, 'page.html'), 'utf8'),
      /^<!DOCTYPE html>[\s\S]*<table class="govreport-table" data-table="requests">/,
    );
    assert.equal(run(['export', '--format', 'html', input, '-o', join(dir, 'page.htm.out')]).status, 0);
    assert.match(readFileSync(join(dir, 'page.htm.out'), 'utf8'), /^<!DOCTYPE html>/);
  });

  it('never writes over its input, nor over an existing file without --force', (t) => {
    const dir = tempDir(t);
    const input = join(dir, 'page.html');
    writeFileSync(input, readFileSync(join(EXAMPLES, 'clean-2021.report.md')));
    const before = readFileSync(input);
    const link = join(dir, 'link.html');
    linkSync(input, link);
    for (const args of [
      ['export', '--format', 'html', input, '-o', input],
      ['export', '--force', input, '-o', link],
    ]) {
      const refused = run(args);
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /输出文件就是输入文件/);
      assert.ok(readFileSync(input).equals(before));
    }
    const output = join(dir, 'out.docx');
    writeFileSync(output, 'older');
    const exists = run(['export', input, '-o', output]);
    assert.equal(exists.status, 2);
    assert.match(exists.stderr, /输出文件已存在；如需覆盖，请加 --force/);
    assert.equal(readFileSync(output, 'utf8'), 'older');
    assert.equal(run(['export', '--force', input, '-o', output]).status, 0);
    assert.equal(readFileSync(output).subarray(0, 2).toString(), 'PK');
  });

  it('exports a published web page as a Word file beside it', (t) => {
    const dir = tempDir(t);
    const input = join(dir, 'pingtan-jinjing-2021.html');
    copyFileSync(join(__dirname, '..', 'fixtures', 'corpus', 'pingtan-jinjing-2021.html'), input);
    const result = run(['export', input]);
    assert.equal(result.status, 0, result.stderr);
    const tables = wordTables(
      unzip(readFileSync(join(dir, 'pingtan-jinjing-2021.docx')))
        .get('word/document.xml')!
        .toString('utf8'),
    );
    assert.ok(tables.some((t) => t.header[0]?.some((c) => c.text === '申请人情况')));
  });

  it('exports a draft that still has errors, and tells how many', (t) => {
    const dir = tempDir(t);
    const result = run(['export', join(EXAMPLES, 'mistakes-2021.report.md'), '-o', join(dir, 'm.docx'), '--locale', 'en']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /note: the report still has \d+ errors; run govreport check/);
    assert.ok(existsSync(join(dir, 'm.docx')));
  });

  it('refuses a format it does not write, and needs exactly one input', () => {
    const bad = run(['export', '--format', 'pdf', join(EXAMPLES, 'clean-2021.report.md')]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format 的值“pdf”无效（应为 docx\|html）/);
    assert.match(run(['export']).stderr, /export 需要且只接受一个输入文件/);
  });

  it('keeps the Word writer out of the CLI and server bundles', () => {
    const writer = join(DIST, 'publish', 'docx.js');
    assert.match(readFileSync(writer, 'utf8'), /w:gridSpan/);
    for (const bundle of [CLI, join(DIST, 'server.js'), join(DIST, 'client.js')]) {
      assert.doesNotMatch(readFileSync(bundle, 'utf8'), /w:gridSpan/, bundle);
    }
    assert.ok(statSync(writer).size > 50_000);
  });
});
