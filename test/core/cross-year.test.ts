import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { agencyOf, check, type Report, readSource, sameAgency } from '../../server/src/core';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

describe('agency names', () => {
  const titled = (title: string) => check(`# ${title}\n`).report;

  it('come from the title, the year before or after the name', () => {
    assert.equal(agencyOf(titled('洪泽区人民政府2023年政府信息公开工作年度报告')), '洪泽区人民政府');
    assert.equal(agencyOf(titled('2023年洪泽区人民政府政府信息公开工作年度报告')), '洪泽区人民政府');
    assert.equal(agencyOf(titled('平潭综合实验区交通与建设局2024年度政府信息公开工作年度报告')), '平潭综合实验区交通与建设局');
  });

  it('match one agency written with or without the regions above it, never an office by its government', () => {
    assert.ok(sameAgency('洪泽区人民政府', '淮安市洪泽区人民政府'));
    assert.ok(sameAgency('淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府'));
    assert.ok(!sameAgency('某某县人民政府办公室', '某某县人民政府'));
    assert.ok(!sameAgency('淮安市洪泽区人民政府', '淮安市淮阴区人民政府'));
    // A bare office name says no place: it matches no placed agency.
    assert.ok(!sameAgency('财政局', '淮安市财政局'));
  });
});

async function corpusReport(name: string): Promise<Report> {
  const document = await readSource(readFileSync(join(CORPUS, `${name}.html`)), `${name}.html`);
  return check(document.text, {}, { source: `${name}.html` }).report;
}

async function crossYear(name: string, previous: string[]) {
  const document = await readSource(readFileSync(join(CORPUS, `${name}.html`)), `${name}.html`);
  const others = await Promise.all(previous.map(corpusReport));
  return check(document.text, {}, { source: `${name}.html`, others }).findings.filter(
    (f) => f.rule === 'carry-over' || f.rule === 'in-force-count',
  );
}

describe('real consecutive reports (test/fixtures/corpus)', () => {
  it('交通与建设局 2024: 行政规范性文件 in force 23, but 2023’s 15 + 3 issued − 1 repealed = 17', async () => {
    const findings = await crossYear('pingtan-jiaojian-2024', ['pingtan-jiaojian-2023', 'pingtan-jiaojian-2025']);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.expected, f.actual]),
      [['in-force-count', 17, 23]],
    );
    assert.match(findings[0].message, /pingtan-jiaojian-2023\.html/);
  });

  it('two reports of the same agency for the year before: neither is taken for it, and a note at info says so, naming both', async () => {
    const previous = await corpusReport('pingtan-jiaojian-2023');
    const copy = check(previous.text, {}, { source: 'copy-of-2023.docx' }).report;
    const document = await readSource(readFileSync(join(CORPUS, 'pingtan-jiaojian-2024.html')), 'pingtan-jiaojian-2024.html');
    const findings = check(document.text, {}, { others: [previous, copy] }).findings.filter(
      (f) => f.rule === 'carry-over' || f.rule === 'in-force-count',
    );
    // Compared with either, in-force-count would say 17 ≠ 23: with two, no comparison is guessed.
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.expected]).sort(), [
      ['carry-over', 'info', undefined],
      ['in-force-count', 'info', undefined],
    ]);
    for (const f of findings) {
      assert.match(f.message, /2023年度的报告有 2 份（“pingtan-jiaojian-2023\.html”、“copy-of-2023\.docx”）/);
    }
    assert.match(findings.find((f) => f.rule === 'carry-over')!.message, /未核对上年结转申请数/);
    assert.match(findings.find((f) => f.rule === 'in-force-count')!.message, /未核对现行有效件数/);
  });

  it('many copies of the year before: the note counts them all and names the first three (a batch can hold hundreds)', async () => {
    const previous = await corpusReport('pingtan-jiaojian-2023');
    const copies = Array.from({ length: 7 }, (_, i) => check(previous.text, {}, { source: `copy-${i}.md` }).report);
    const document = await readSource(readFileSync(join(CORPUS, 'pingtan-jiaojian-2024.html')), 'pingtan-jiaojian-2024.html');
    const note = check(document.text, {}, { others: copies }).findings.find((f) => f.rule === 'carry-over')!;
    assert.match(note.message, /2023年度的报告有 7 份（“copy-0\.md”、“copy-1\.md”、“copy-2\.md”等）/);
    assert.doesNotMatch(note.message, /copy-3/);
  });

  it('交通与建设局 2025 chains to 2024 (23 + 1 − 0 = 24; carried over 0 = 0)', async () => {
    assert.deepEqual(await crossYear('pingtan-jiaojian-2025', ['pingtan-jiaojian-2024', 'pingtan-jiaojian-2023']), []);
  });

  it('金井片区 2024: 规范性文件 in force 1, but 2023 had 7 with none issued or repealed', async () => {
    const findings = await crossYear('pingtan-jinjing-2024', ['pingtan-jinjing-2023']);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.expected, f.actual]),
      [['in-force-count', 7, 1]],
    );
  });

  it('金井片区 2019 → 2020 → 2021 and 2023 → 2024 carry 0 over each year (2023’s blank 商业企业 cell counts as 0)', async () => {
    for (const [name, previous] of [
      ['pingtan-jinjing-2020', 'pingtan-jinjing-2019'],
      ['pingtan-jinjing-2021', 'pingtan-jinjing-2020'],
      ['pingtan-jinjing-2024', 'pingtan-jinjing-2023'],
    ]) {
      assert.deepEqual(
        (await crossYear(name, [previous])).filter((f) => f.rule === 'carry-over'),
        [],
        name,
      );
    }
  });

  it('another agency’s report of the year before is not compared', async () => {
    assert.deepEqual(await crossYear('pingtan-jiaojian-2024', ['pingtan-jinjing-2023']), []);
  });
});

describe('in-force-count compares like with like', () => {
  it('金井片区 2021 (2021 edition) is not compared with 2020’s 对外公开总数量 (2019 edition)', async () => {
    assert.deepEqual(
      (await crossYear('pingtan-jinjing-2021', ['pingtan-jinjing-2020'])).filter((f) => f.rule === 'in-force-count'),
      [],
    );
  });
});
