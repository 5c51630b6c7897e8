import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { run, tempDir } from './cli';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

/** A region's folder: the two examples, 交通与建设局 2023 and 2024 (web pages), and an old .doc that cannot be checked. */
function folder(t: TestContext): string {
  const dir = tempDir(t);
  for (const file of [
    join(ROOT, 'examples', 'clean-2021.report.md'),
    join(ROOT, 'examples', 'mistakes-2021.report.md'),
    join(CORPUS, 'pingtan-jiaojian-2023.html'),
    join(CORPUS, 'pingtan-jiaojian-2024.html'),
    join(ROOT, 'test', 'fixtures', 'docx', 'pingtan-shenpi-2024.doc'),
  ]) {
    copyFileSync(file, join(dir, basename(file)));
  }
  return dir;
}

const FILES = [
  'clean-2021.report.md',
  'mistakes-2021.report.md',
  'pingtan-jiaojian-2023.html',
  'pingtan-jiaojian-2024.html',
  'pingtan-shenpi-2024.doc',
];

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('check --format summary|csv|junit|github on a folder', () => {
  it('summary: one line per report (agency, year, edition, errors, warnings, rules), the .doc with its reason, per-rule totals', (t) => {
    const result = run(['check', '--format', 'summary', '.'], { cwd: folder(t) });
    assert.equal(result.status, 2);
    const lines = result.stdout.split('\n');
    assert.match(lines[0], /^文件 +机关 +年度 +版本 +错误 +警告 +规则$/);
    assert.deepEqual(
      lines.slice(1, 6).map((l) => l.split(/ {2,}/)[0]),
      FILES,
    );
    assert.deepEqual(lines[3].split(/ {2,}/), ['pingtan-jiaojian-2023.html', '平潭综合实验区交通与建设局', '2023', '2021', '0', '0', '-']);
    assert.deepEqual(lines[4].split(/ {2,}/), [
      'pingtan-jiaojian-2024.html',
      '平潭综合实验区交通与建设局',
      '2024',
      '2021',
      '0',
      '1',
      'in-force-count',
    ]);
    assert.match(lines[5], /^pingtan-shenpi-2024\.doc +- +- +- +- +- +pingtan-shenpi-2024\.doc：未检查——\.doc 文件无法直接读取/);
    const totals = result.stdout.slice(result.stdout.indexOf('各规则合计:'));
    // mistakes-2021: 危机 for 危及 (its 2019-edition table keeps the 2023 report's correct 行政规范性文件: no finding).
    assert.match(totals, /\n {2}label-wording +1\n/);
    assert.match(totals, /\n {2}in-force-count +1\n/);
    assert.match(totals, /\n {2}review-total +1\n/);
  });

  it('csv: a row per finding, a row for a clean report and for a file not checked; UTF-8 with a BOM for spreadsheets', (t) => {
    const result = run(['check', '--format', 'csv', '.'], { cwd: folder(t) });
    assert.ok(result.stdout.startsWith('\uFEFFfile,status,agency,year,edition,rule,severity,place,message,expected,actual\r\n'));
    const [header, ...rows] = parseCsv(result.stdout.slice(1));
    const at = (name: string) => header.indexOf(name);
    assert.deepEqual([...new Set(rows.map((r) => r[0]))], FILES);
    assert.deepEqual(
      rows.find((r) => r[0] === 'clean-2021.report.md'),
      ['clean-2021.report.md', 'checked', '某某县人民政府', '2023', '2021'],
    );
    const inForce = rows.find((r) => r[at('rule')] === 'in-force-count')!;
    assert.deepEqual(
      [inForce[0], inForce[at('severity')], inForce[at('expected')], inForce[at('actual')]],
      ['pingtan-jiaojian-2024.html', 'warning', '17', '23'],
    );
    const doc = rows.find((r) => r[0] === 'pingtan-shenpi-2024.doc')!;
    assert.equal(doc[at('status')], 'not checked');
    assert.match(doc[at('message')], /另存为 \.docx/);
    assert.equal(rows.filter((r) => r[0] === 'mistakes-2021.report.md').length, 9);
  });

  it('junit: a suite per file, a failing case per finding, an error for the file not checked', (t) => {
    const result = run(['check', '--format', 'junit', '.'], { cwd: folder(t) });
    const xml = result.stdout;
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="govreport" tests="13" failures="10" errors="1">\n/);
    assert.equal(xml.match(/<testsuite /g)?.length, 5);
    assert.match(
      xml,
      /<testsuite name="clean-2021\.report\.md" tests="1" failures="0" errors="0">\n {4}<testcase classname="clean-2021\.report\.md" name="govreport"\/>/,
    );
    assert.match(
      xml,
      /<testcase classname="pingtan-jiaojian-2024\.html" name="in-force-count 355:\d+">\n {6}<failure type="warning" message="行政规范性文件现行有效件数为 23，/,
    );
    assert.match(
      xml,
      /<testsuite name="pingtan-shenpi-2024\.doc" tests="1" failures="0" errors="1">\n {4}<testcase [^>]*>\n {6}<error message="[^"]*另存为 \.docx[^"]*"\/>/,
    );
  });

  it('github: an annotation per finding at its line (error, warning, notice), an error for the file not checked, properties escaped', (t) => {
    const dir = folder(t);
    writeFileSync(join(dir, 'a,b.md'), readFileSync(join(ROOT, 'examples', 'mistakes-2021.report.md')));
    const result = run(['check', '--format', 'github', '.'], { cwd: dir });
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(
      lines.every((l) => /^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=[a-z-]+::\S/.test(l)),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) =>
        l.startsWith(
          '::error file=mistakes-2021.report.md,line=73,col=19,endLine=73,endColumn=20,title=review-total::“行政复议”的总计应为 5（3 + 1 + 1），实为 6；无法确定哪一格有误',
        ),
      ),
    );
    assert.ok(
      lines.includes(
        '::notice file=mistakes-2021.report.md,line=75,col=1,endLine=75,endColumn=15,title=fee-disclosure::第六部分应说明本年度信息处理费的收取情况',
      ),
    );
    assert.ok(
      lines.some((l) => l.startsWith('::warning file=pingtan-jiaojian-2024.html,line=355,') && l.includes('title=in-force-count::')),
    );
    assert.ok(lines.some((l) => l.startsWith('::error file=pingtan-shenpi-2024.doc,title=govreport::')));
    assert.ok(lines.some((l) => l.startsWith('::error file=a%2Cb.md,line=73,')));
  });
});
