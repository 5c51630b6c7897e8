import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { ARITHMETIC_RULES } from '../../server/src/core';
import { CLEAN, run, tempDir } from './cli';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');
const DOCX = join(__dirname, '..', 'fixtures', 'docx');
const SHENPI_HTML = join(CORPUS, 'pingtan-shenpi-2024.html');
const SHENPI_DOCX = join(DOCX, 'pingtan-shenpi-2024.docx');
const SHENPI_DOC = join(DOCX, 'pingtan-shenpi-2024.doc');

interface JsonFinding {
  rule: string;
  expected?: number;
  actual?: number | string;
  line?: number;
  column?: number;
  table?: number;
  row?: number;
  cell?: number;
}

/** A folder as an evaluator has it: a web page, its Word version and an old .doc. */
function mixedFolder(dir: string): string {
  for (const file of [SHENPI_HTML, SHENPI_DOCX, SHENPI_DOC]) copyFileSync(file, join(dir, basename(file)));
  return dir;
}

describe('govreport check on web pages and Word files', () => {
  it('text: findings at line:column of the page and at table/row/cell of the Word file; the .doc named as not checked', (t) => {
    const dir = mixedFolder(tempDir(t));
    const result = run(['check', dir]);
    assert.equal(result.status, 2);
    // 结果维持 1 against a total of 0: either cell may be the wrong one (error localization names both).
    const review = '“行政复议”的总计应为 1（1），实为 0；无法确定哪一格有误，可能是“行政复议 · 结果维持”为 0，或“行政复议 · 总计”为 1';
    assert.match(result.stdout, new RegExp(`pingtan-shenpi-2024\\.html\n(?:.*\n)*? {2}355:36169 +错误 +${review} +review-total\n`));
    assert.match(result.stdout, new RegExp(`pingtan-shenpi-2024\\.docx\n(?:.*\n)*? {2}表3 第4行第5格 +错误 +${review} +review-total\n`));
    assert.match(result.stdout, /共检查 2 个文件；1 个文件无法检查\n$/);
    assert.equal(
      result.stderr,
      `govreport: ${join(dir, 'pingtan-shenpi-2024.doc')}：未检查——.doc 文件无法直接读取：请在 Word 或 WPS 中另存为 .docx 后再检查\n`,
    );
  });

  it('JSON: line and column for the page, table/row/cell for the Word file, the .doc listed with its reason', (t) => {
    const dir = mixedFolder(tempDir(t));
    const files = JSON.parse(run(['check', '--format', 'json', dir]).stdout);
    assert.deepEqual(
      files.map((f: { file: string }) => basename(f.file)),
      ['pingtan-shenpi-2024.doc', 'pingtan-shenpi-2024.docx', 'pingtan-shenpi-2024.html'],
    );
    assert.equal(files[0].checked, false);
    assert.match(files[0].error, /另存为 \.docx/);
    const review = (i: number) => files[i].findings.find((f: JsonFinding) => f.rule === 'review-total');
    assert.deepEqual(
      [review(1).expected, review(1).actual, review(1).table, review(1).row, review(1).cell, review(1).line],
      [1, 0, 3, 4, 5, undefined],
    );
    assert.deepEqual([review(2).line, review(2).column, review(2).table], [355, 36169, undefined]);
    const html = readFileSync(SHENPI_HTML, 'utf8').split('\n')[354];
    assert.equal(html[36169 - 1], '0');
  });

  it("SARIF: a region where there is a line, the table cell in the result's properties, the .doc as a notification", (t) => {
    const dir = mixedFolder(tempDir(t));
    const log = JSON.parse(run(['check', '--format', 'sarif', dir]).stdout);
    const results = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'review-total');
    const [docx, html] = results;
    assert.equal(docx.locations[0].physicalLocation.region, undefined);
    assert.deepEqual(docx.properties, { table: 3, row: 4, cell: 5 });
    assert.deepEqual(html.locations[0].physicalLocation.region, { startLine: 355, startColumn: 36169, endLine: 355, endColumn: 36169 });
    assert.equal(html.properties, undefined);
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notes.length, 1);
    assert.match(notes[0].message.text, /pingtan-shenpi-2024\.doc：未检查/);
  });

  it('every corpus page: year, edition, and only the one real arithmetic error', () => {
    const files = JSON.parse(run(['check', '--format', 'json', CORPUS]).stdout);
    assert.equal(files.length, readdirSync(CORPUS).filter((f) => f.endsWith('.html')).length);
    for (const file of files) {
      assert.equal(file.year, Number(/(\d{4})\.html$/.exec(file.file)![1]));
      assert.equal(file.edition, file.year < 2021 ? '2019' : '2021');
      const arithmetic = file.findings
        .filter((f: JsonFinding) => ARITHMETIC_RULES.includes(f.rule))
        .map((f: JsonFinding) => [f.rule, f.expected, f.actual]);
      assert.deepEqual(arithmetic, file.file.endsWith('shenpi-2024.html') ? [['review-total', 1, 0]] : [], file.file);
    }
  });
});

describe('govreport check on a folder of every kind', () => {
  it('a PDF, a Word file, a web page and pasted text are each checked with their year and edition; a scan is listed as not checked', (t) => {
    const dir = tempDir(t);
    const PDF = join(__dirname, '..', 'fixtures', 'pdf');
    copyFileSync(join(PDF, 'pingtan-shenpi-2024.libreoffice.pdf'), join(dir, 'shenpi-2024.pdf'));
    copyFileSync(join(PDF, 'scan.pdf'), join(dir, 'scan.pdf'));
    copyFileSync(join(DOCX, 'pingtan-shichangjianguan-2025.docx'), join(dir, 'shichangjianguan-2025.docx'));
    copyFileSync(join(CORPUS, 'pingtan-jiaojian-2025.html'), join(dir, 'jiaojian-2025.html'));
    copyFileSync(join(__dirname, '..', 'fixtures', 'seeds', '000_62583aa41b8f3eed.txt'), join(dir, 'tacheng-2020.txt'));
    const result = run(['check', '--format', 'json', dir]);
    const files = JSON.parse(result.stdout) as {
      file: string;
      year?: number;
      edition?: string;
      checked?: boolean;
      findings?: (JsonFinding & { page?: number })[];
    }[];
    const byName = new Map(files.map((f) => [basename(f.file), f]));
    assert.deepEqual([...byName.keys()].sort(), [
      'jiaojian-2025.html',
      'scan.pdf',
      'shenpi-2024.pdf',
      'shichangjianguan-2025.docx',
      'tacheng-2020.txt',
    ]);
    assert.deepEqual(
      ['shenpi-2024.pdf', 'shichangjianguan-2025.docx', 'jiaojian-2025.html', 'tacheng-2020.txt'].map((n) => [
        n,
        byName.get(n)!.year,
        byName.get(n)!.edition,
      ]),
      [
        ['shenpi-2024.pdf', 2024, '2021'],
        ['shichangjianguan-2025.docx', 2025, '2021'],
        ['jiaojian-2025.html', 2025, '2021'],
        ['tacheng-2020.txt', 2020, '2019'],
      ],
    );
    assert.equal(byName.get('scan.pdf')!.checked, false);
    const arithmetic = (n: string) =>
      byName
        .get(n)!
        .findings!.filter((f) => ARITHMETIC_RULES.includes(f.rule))
        .map((f) => [f.rule, f.expected, f.actual]);
    assert.deepEqual(arithmetic('shenpi-2024.pdf'), [['review-total', 1, 0]], 'the real error of 表四, read from the PDF');
    assert.equal(byName.get('shenpi-2024.pdf')!.findings!.find((f) => f.rule === 'review-total')!.page, 4);
    assert.deepEqual(arithmetic('shichangjianguan-2025.docx'), []);
    assert.deepEqual(arithmetic('jiaojian-2025.html'), []);
    assert.equal(result.status, 2, 'a file not checked makes the run exit 2');
  });
});

describe('govreport on scraped page text', () => {
  const SCRAPED = join(__dirname, '..', 'fixtures', 'scraped', 'pingtan-shenpi-2024.txt');

  it('check reads the run-together page by its structure: the real error of 表四 at its line and column in the file', () => {
    const result = run(['check', '--format', 'json', SCRAPED]);
    const [file] = JSON.parse(result.stdout) as { findings: JsonFinding[] }[];
    assert.deepEqual(
      file.findings.filter((f) => f.rule === 'section-missing'),
      [],
    );
    const review = file.findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
    assert.deepEqual(
      review.map((f) => [f.rule, f.expected, f.actual]),
      [['review-total', 1, 0]],
    );
    const line = readFileSync(SCRAPED, 'utf8').split('\n')[review[0].line! - 1];
    assert.equal(line.slice(review[0].column! - 1, review[0].column!), '0', 'the position is the figure 0 in the page text');
  });

  it('fix leaves scraped page text alone and says to import it first', (t) => {
    const dir = tempDir(t);
    const copy = join(dir, 'shenpi.txt');
    copyFileSync(SCRAPED, copy);
    const result = run(['fix', copy]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /govreport import/);
    assert.equal(readFileSync(copy, 'utf8'), readFileSync(SCRAPED, 'utf8'));
  });
});

describe('govreport fix and import with web pages and Word files', () => {
  it('fix leaves a web page alone and says to import it first', (t) => {
    const dir = tempDir(t);
    const page = join(dir, 'page.html');
    copyFileSync(SHENPI_HTML, page);
    const result = run(['fix', page]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /page\.html：不是文本草稿.*govreport import/);
    assert.deepEqual(readFileSync(page), readFileSync(SHENPI_HTML));
  });

  it('import -d: several inputs of every kind, each a draft naming its source, with the same arithmetic findings', (t) => {
    const dir = tempDir(t);
    const out = join(dir, 'drafts');
    const inputs = [SHENPI_HTML, SHENPI_DOCX, join(CORPUS, 'pingtan-jinjing-2019.html')];
    const result = run(['import', ...inputs, '-d', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(out).sort(), [
      'pingtan-jinjing-2019.report.md',
      'pingtan-shenpi-2024.docx.report.md',
      'pingtan-shenpi-2024.report.md',
    ]);
    const draft = readFileSync(join(out, 'pingtan-shenpi-2024.docx.report.md'), 'utf8');
    assert.match(
      draft,
      /^<!-- 导入自 pingtan-shenpi-2024\.docx（govreport import） -->\n\n# 平潭综合实验区行政审批局2024年政府信息公开工作年度报告\n/,
    );
    const arithmetic = (file: string) =>
      JSON.parse(run(['check', '--format', 'json', file]).stdout)[0]
        .findings.filter((f: JsonFinding) => ARITHMETIC_RULES.includes(f.rule))
        .map((f: JsonFinding) => [f.rule, f.expected, f.actual]);
    assert.deepEqual(arithmetic(join(out, 'pingtan-shenpi-2024.report.md')), arithmetic(SHENPI_HTML));
    assert.deepEqual(arithmetic(join(out, 'pingtan-shenpi-2024.docx.report.md')), arithmetic(SHENPI_DOCX));
    assert.deepEqual(arithmetic(join(out, 'pingtan-jinjing-2019.report.md')), []);
  });

  it('import -d: a PDF and scraped page text become drafts with the same arithmetic findings as their sources', (t) => {
    const out = join(tempDir(t), 'drafts');
    const pdf = join(__dirname, '..', 'fixtures', 'pdf', 'pingtan-shenpi-2024.libreoffice.pdf');
    const scraped = join(__dirname, '..', 'fixtures', 'scraped', 'pingtan-jiaojian-2024.txt');
    const result = run(['import', pdf, scraped, '-d', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['pingtan-jiaojian-2024.report.md', 'pingtan-shenpi-2024.libreoffice.report.md']);
    const arithmetic = (file: string) =>
      JSON.parse(run(['check', '--format', 'json', file]).stdout)[0]
        .findings.filter((f: JsonFinding) => ARITHMETIC_RULES.includes(f.rule))
        .map((f: JsonFinding) => [f.rule, f.expected, f.actual]);
    assert.deepEqual(arithmetic(join(out, 'pingtan-shenpi-2024.libreoffice.report.md')), [['review-total', 1, 0]]);
    assert.deepEqual(arithmetic(pdf), [['review-total', 1, 0]]);
    assert.deepEqual(arithmetic(join(out, 'pingtan-jiaojian-2024.report.md')), []);
    assert.deepEqual(arithmetic(scraped), []);
    assert.equal(JSON.parse(run(['check', '--format', 'json', join(out, 'pingtan-jiaojian-2024.report.md')]).stdout)[0].year, 2024);
  });

  it('import -d goes on past a file it cannot read, and says which', (t) => {
    const dir = tempDir(t);
    const out = join(dir, 'drafts');
    const broken = join(dir, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    const result = run(['import', broken, SHENPI_HTML, '-d', out]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /broken\.docx：未检查——不是有效的 Word（\.docx）文件/);
    assert.deepEqual(readdirSync(out), ['pingtan-shenpi-2024.report.md']);
  });
});

describe('the readers load only when used', () => {
  it('the CLI checks drafts without the reader bundles, and names a page it cannot read without them', (t) => {
    const dir = tempDir(t);
    const cli = join(dir, 'cli.js');
    copyFileSync(join(__dirname, '..', '..', 'dist', 'cli.js'), cli);
    writeFileSync(join(dir, 'a.md'), CLEAN);
    assert.deepEqual(run(['check', join(dir, 'a.md')], { cli }), { status: 0, stdout: '✔ 共检查 1 个文件，没有发现问题\n', stderr: '' });
    const page = run(['check', SHENPI_HTML], { cli });
    assert.equal(page.status, 2);
    assert.match(page.stderr, /pingtan-shenpi-2024\.html：未检查——无法读取/);
  });

  it('the server and client bundles hold no reader and stay within 1 MB together', () => {
    const dist = join(__dirname, '..', '..', 'dist');
    const server = readFileSync(join(dist, 'server.js'), 'utf8');
    const size = statSync(join(dist, 'server.js')).size + statSync(join(dist, 'client.js')).size;
    assert.ok(size <= 1024 * 1024, `${size} bytes`);
    for (const bundle of [server, readFileSync(join(dist, 'cli.js'), 'utf8')])
      assert.doesNotMatch(bundle, /w:gridSpan|TRS_Editor|附件下载/);
    assert.match(readFileSync(join(dist, 'readers', 'docx.js'), 'utf8'), /w:gridSpan/);
  });
});
