/**
 * The PDF reader on PDFs made from real published reports (test/fixtures/pdf, see scripts/make-fixtures-pdf.ts):
 * the figures it reads equal those of the source web page's tables, cell by cell (read by hand from the pages in
 * ../shared/corpus/html), checks find what the report holds and nothing it does not.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ARITHMETIC_RULES, type CheckResult, type SourceDocument, check, locate, readSource } from '../../server/src/core';
import { Random } from '../support/random';

const FIXTURES = join(__dirname, '..', 'fixtures', 'pdf');

/** A report's figures as its web page shows them: Section 二 rows, Section 三 rows that are not all 0, Section 四. */
interface Figures {
  proactive: Record<string, string[]>;
  requests: Record<string, string[]>;
  appeals: string[];
}

const zeros = (n: number) => Array<string>(n).fill('0');
/** A Section 三 row of one applicant kind (自然人) and its total. */
const natural = (n: number) => [String(n), '0', '0', '0', '0', '0', String(n)];

const FIGURES: Record<string, Figures> = {
  'pingtan-shenpi-2024': {
    proactive: { rules: ['0', '0', '0'], normative: ['15', '6', '21'], licensing: ['3'], penalty: ['0'], coercion: ['0'], fees: ['0'] },
    requests: { received: natural(28), disclosed: natural(18), partly: natural(6), 'unavailable.notHeld': natural(4), total: natural(28) },
    appeals: ['1', ...zeros(14)],
  },
  'pingtan-jinjing-2019': {
    proactive: {
      rules: ['0', '0', '0'],
      normative: ['0', '0', '0'],
      licensing: ['0', '0', '0'],
      otherServices: ['0', '0', '0'],
      penalty: ['0', '0', '0'],
      coercion: ['0', '0', '0'],
      fees: ['0', '0'],
      procurement: ['3', '147230元'],
    },
    requests: {},
    appeals: zeros(15),
  },
  'pingtan-jinjing-2021': {
    proactive: { rules: ['0', '0', '0'], normative: ['1', '0', '6'], licensing: ['0'], penalty: ['0'], coercion: ['0'], fees: ['0'] },
    requests: {},
    appeals: zeros(15),
  },
  'pingtan-jinjing-2024': {
    proactive: { normative: ['0', '0', '1'], licensing: ['0'], penalty: ['0'], coercion: ['0'], fees: ['0'] },
    requests: {
      received: natural(8),
      disclosed: natural(4),
      'withheld.thirdParty': natural(1),
      'unavailable.notHeld': natural(2),
      'notProcessed.repeated': natural(1),
      total: natural(8),
      carriedForward: ['0', '', '0', '0', '0', '0', '0'],
    },
    appeals: zeros(15),
  },
  'pingtan-jiaojian-2024': {
    proactive: { rules: ['0', '0', '0'], normative: ['3', '1', '23'], licensing: ['0'], penalty: ['0'], coercion: ['0'], fees: ['0'] },
    requests: {
      received: natural(58),
      disclosed: natural(9),
      partly: natural(3),
      'withheld.secret': natural(4),
      'withheld.internal': natural(32),
      'unavailable.notHeld': natural(10),
      total: natural(58),
    },
    appeals: zeros(15),
  },
  'pingtan-jiaojian-2025': {
    proactive: { rules: ['0', '0', '0'], normative: ['1', '0', '24'], licensing: ['0'], penalty: ['0'], coercion: ['0'], fees: ['0'] },
    requests: { received: natural(21), disclosed: natural(10), partly: natural(1), 'unavailable.notHeld': natural(10), total: natural(21) },
    appeals: ['3', '1', '5', '0', '9', ...zeros(10)],
  },
  'pingtan-shichangjianguan-2025': {
    proactive: { normative: ['1', '1', '73'], licensing: ['0'], penalty: ['187'], coercion: ['42'], fees: ['0'] },
    requests: {
      received: natural(21),
      disclosed: natural(1),
      partly: natural(11),
      'withheld.enforcement': natural(3),
      'otherHandling.noCorrection': natural(2),
      'otherHandling.unpaid': natural(2),
      total: natural(19),
      carriedForward: natural(2),
    },
    appeals: ['10', '0', '0', '0', '10', ...zeros(10)],
  },
  'pingtan-caizheng-2025': {
    proactive: {
      rules: ['0', '0', '0'],
      normative: ['0', '1', '0'],
      licensing: ['0'],
      penalty: ['1'],
      coercion: ['0'],
      fees: ['4166.214619'],
    },
    requests: { received: natural(2), disclosed: natural(1), 'unavailable.notHeld': natural(1), total: natural(2) },
    appeals: zeros(15),
  },
  // examples/clean-2021.report.md
  'clean-2021': {
    proactive: {
      rules: ['0', '0', '2'],
      normative: ['5', '2', '37'],
      licensing: ['1268'],
      penalty: ['342'],
      coercion: ['17'],
      fees: ['12.5'],
    },
    requests: {
      received: ['118', '21', '1', '1', '3', '5', '149'],
      carriedOver: ['6', '1', '0', '0', '0', '0', '7'],
      disclosed: ['58', '12', '1', '0', '2', '3', '76'],
      partly: ['9', '2', '0', '0', '0', '1', '12'],
      'withheld.prohibited': ['1', '0', '0', '0', '0', '0', '1'],
      'withheld.thirdParty': ['2', '1', '0', '0', '0', '0', '3'],
      'withheld.internal': ['1', '0', '0', '0', '0', '0', '1'],
      'withheld.process': ['3', '1', '0', '0', '0', '0', '4'],
      'withheld.query': ['4', '0', '0', '0', '1', '0', '5'],
      'unavailable.notHeld': ['21', '3', '0', '1', '0', '1', '26'],
      'unavailable.mustCreate': ['3', '0', '0', '0', '0', '0', '3'],
      'unavailable.unclear': ['2', '0', '0', '0', '0', '0', '2'],
      'notProcessed.complaint': ['5', '0', '0', '0', '0', '0', '5'],
      'notProcessed.repeated': ['2', '1', '0', '0', '0', '0', '3'],
      'notProcessed.publication': ['1', '0', '0', '0', '0', '0', '1'],
      'notProcessed.confirmation': ['1', '0', '0', '0', '0', '0', '1'],
      'otherHandling.noCorrection': ['2', '0', '0', '0', '0', '0', '2'],
      'otherHandling.other': ['3', '1', '0', '0', '0', '0', '4'],
      total: ['118', '21', '1', '1', '3', '5', '149'],
      carriedForward: ['6', '1', '0', '0', '0', '0', '7'],
    },
    appeals: ['3', '1', '0', '1', '5', '1', '0', '1', '0', '2', '0', '0', '0', '1', '1'],
  },
};

const PDFS = [
  'pingtan-shenpi-2024.chromium',
  'pingtan-shenpi-2024.libreoffice',
  'pingtan-jinjing-2019.chromium',
  'pingtan-jinjing-2021.libreoffice',
  'pingtan-jinjing-2024.chromium',
  'pingtan-jiaojian-2024.chromium',
  'pingtan-jiaojian-2025.libreoffice',
  'pingtan-shichangjianguan-2025.chromium',
  'pingtan-caizheng-2025.chromium',
  'pingtan-caizheng-2025.libreoffice',
  'clean-2021.libreoffice',
];

interface Read {
  doc: SourceDocument;
  result: CheckResult;
}
const read = new Map<string, Read>();

before(async () => {
  for (const name of PDFS) {
    const doc = await readSource(new Uint8Array(readFileSync(join(FIXTURES, `${name}.pdf`))), `${name}.pdf`);
    read.set(name, { doc, result: check(doc.text) });
  }
});

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The figures the parsed draft holds, in the shape of `Figures` (every Section 三 row, zeros included). */
function figuresOf(result: CheckResult): { proactive: Record<string, string[]>; requests: Record<string, string[]>; appeals: string[][] } {
  const tables = result.report.sections.flatMap((s) => s.tables);
  const rows = (section: string) =>
    Object.fromEntries(
      tables
        .filter((t) => t.def.section === section)
        .flatMap((t) => t.rows.filter((r) => r.def).map((r) => [r.def!.id, r.values.map((c) => squeeze(c.text))])),
    );
  const appeals = tables.filter((t) => t.def.section === 'appeals').flatMap((t) => t.rows.map((r) => r.values.map((c) => squeeze(c.text))));
  return { proactive: rows('proactive'), requests: rows('requests'), appeals };
}

describe('PDF reader: the figures of each PDF are its source’s, cell by cell', () => {
  for (const name of PDFS) {
    it(name, () => {
      const { result } = read.get(name)!;
      const expected = FIGURES[name.replace(/\.(chromium|libreoffice)$/, '')];
      const found = figuresOf(result);
      assert.deepEqual(found.proactive, expected.proactive, 'Section 二');
      const requestRows = result.report.sections.flatMap((s) => s.tables).find((t) => t.def.section === 'requests')!.def.rows;
      assert.deepEqual(
        found.requests,
        Object.fromEntries(requestRows.map((r) => [r.id, expected.requests[r.id] ?? zeros(7)])),
        'Section 三',
      );
      assert.deepEqual(found.appeals, [expected.appeals], 'Section 四');
    });
  }
});

describe('PDF reader: checks on the read draft', () => {
  it('finds no section missing and no table missing in any of them', () => {
    for (const name of PDFS) {
      const findings = read
        .get(name)!
        .result.findings.filter((f) => ['section-missing', 'table-missing', 'row-unknown', 'table-shape'].includes(f.rule));
      assert.deepEqual(
        findings.map((f) => f.message),
        [],
        name,
      );
    }
  });

  it('finds no arithmetic error in a correct report', () => {
    for (const name of PDFS.filter((n) => !n.startsWith('pingtan-shenpi-2024'))) {
      const findings = read.get(name)!.result.findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
      assert.deepEqual(
        findings.map((f) => f.message),
        [],
        name,
      );
    }
  });

  it('finds pingtan-shenpi-2024’s real error: 行政复议 结果维持 1 but 总计 0', () => {
    for (const name of ['pingtan-shenpi-2024.chromium', 'pingtan-shenpi-2024.libreoffice']) {
      const findings = read.get(name)!.result.findings.filter((f) => ARITHMETIC_RULES.includes(f.rule));
      assert.deepEqual(
        findings.map((f) => [f.rule, f.expected, f.actual]),
        [['review-total', 1, 0]],
        name,
      );
    }
  });

  it('reads the year and the edition', () => {
    const editions = PDFS.map((name) => [name, read.get(name)!.result.report.edition, read.get(name)!.result.report.year?.value]);
    assert.deepEqual(
      editions,
      PDFS.map((name) => [
        name,
        /jinjing-2019/.test(name) ? '2019' : '2021',
        Number(/(20\d\d)/.exec(name)![1]) + (name.startsWith('clean') ? 2 : 0),
      ]),
    );
  });
});

describe('PDF reader: layout', () => {
  it('leaves out running headers, footers and page numbers (3/7, - 3 -, 第3页 共7页)', () => {
    const texts = ['pingtan-shenpi-2024.chromium', 'pingtan-jiaojian-2024.chromium', 'pingtan-caizheng-2025.chromium'].map(
      (n) => read.get(n)!.doc.text,
    );
    assert.doesNotMatch(texts[0], /^\d+\/\d+$|file:\/\/|\d+\/\d+\/\d+, \d+:\d+/m);
    assert.doesNotMatch(texts[1], /^- ?\d+ ?-$/m);
    assert.doesNotMatch(texts[2], /第\d+页/);
  });

  it('makes the title a heading: the larger print over two lines, or the line naming the year’s report amid a site’s chrome', () => {
    assert.equal(
      read.get('pingtan-jinjing-2021.libreoffice')!.result.report.title?.text,
      '平潭综合实验区金井片区管理局2021年政府信息公开工作年度报告',
    );
    assert.match(read.get('pingtan-shenpi-2024.chromium')!.doc.text, /^# 平潭综合实验区行政审批局2024年政府信息公开工作年度报告$/m);
  });

  it('reads tables drawn without rules from where their text stands, and leaves alone one it cannot read for certain', async () => {
    const doc = await readSource(new Uint8Array(readFileSync(join(FIXTURES, 'clean-2021.borderless.libreoffice.pdf'))), 'borderless.pdf');
    const result = check(doc.text);
    const found = figuresOf(result);
    assert.deepEqual(found.proactive, FIGURES['clean-2021'].proactive);
    assert.deepEqual(found.appeals, [FIGURES['clean-2021'].appeals]);
    // Section 三's labels wrap around its figures in narrow columns: no table is made of it, and no figure guessed.
    assert.deepEqual(found.requests, {});
    assert.deepEqual(
      result.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
      ['table-missing'],
    );
  });

  it('keeps a table continued over page breaks as one table, its repeated header once', () => {
    const { doc, result } = read.get('clean-2021.libreoffice')!;
    const table = result.report.sections.flatMap((s) => s.tables).find((t) => t.def.section === 'requests')!;
    const pages = new Set(table.rows.map((r) => locate(doc.origins, r.values[0].span.start)?.page));
    assert.ok(pages.size >= 2, `rows on pages ${[...pages].join(', ')}`);
    assert.equal(table.headerLabels.filter((h) => h.column.id === 'natural').length, 1);
  });

  it('joins labels wrapped over several lines and merged header cells', () => {
    const { result } = read.get('pingtan-shenpi-2024.chromium')!;
    const table = result.report.sections.flatMap((s) => s.tables).find((t) => t.def.section === 'requests')!;
    const labels = table.rows.map((r) => r.label && squeeze(r.label.text));
    assert.ok(labels.includes('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'));
    const headers = table.headerLabels.map((h) => [h.column.id, squeeze(h.cell.text)]).sort();
    assert.deepEqual(headers, [
      ['business', '商业企业'],
      ['legal', '法律服务机构'],
      ['natural', '自然人'],
      ['other', '其他'],
      ['research', '科研机构'],
      ['total', '总计'],
      ['welfare', '社会公益组织'],
    ]);
  });

  it('gives every cell and paragraph a page and a box inside that page', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const name of PDFS) {
      const { doc, result } = read.get(name)!;
      const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(FIXTURES, `${name}.pdf`))), verbosity: 0 }).promise;
      const views = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1).then((p) => p.view)));
      await pdf.destroy();
      assert.ok(doc.origins.length > 0);
      for (const { location } of doc.origins) {
        const view = views[location.page! - 1];
        assert.ok(view, `${name}: page ${location.page}`);
        const [x0, y0, x1, y1] = location.box!;
        assert.ok(
          x0 >= view[0] - 1 && y0 >= view[1] - 1 && x1 <= view[2] + 1 && y1 <= view[3] + 1 && x0 <= x1 && y0 <= y1,
          `${name}: box ${location.box}`,
        );
      }
      for (const cell of result.report.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.flatMap((r) => r.values)))) {
        if (cell.text) assert.ok(locate(doc.origins, cell.span.start)?.box, `${name}: cell ${cell.text}`);
      }
    }
  });
});

describe('PDF reader: the process around it', () => {
  it('works as the bundle the build makes (dist/readers/pdf.js, without @napi-rs/canvas beside it) and prints nothing', () => {
    const script = `require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'readers', 'pdf.js'))}).readPdf(new Uint8Array(require('fs').readFileSync(process.argv[1])), 'x.pdf').then((d) => require('fs').writeSync(3, d.text))`;
    const child = spawnSync(process.execPath, ['-e', script, join(FIXTURES, 'pingtan-shenpi-2024.libreoffice.pdf')], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout + child.stderr, '');
    assert.match(String(child.output[3]), /^\| 1 \| 0 \| 0 \| 0 \| 0 \|/m);
  });

  it('reads a Chinese font the PDF names without embedding it (as WPS writes) from the bundle alone, with no node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-cmaps-'));
    try {
      const dist = join(__dirname, '..', '..', 'dist');
      cpSync(join(dist, 'readers', 'pdf.js'), join(dir, 'readers', 'pdf.js'));
      cpSync(join(dist, 'cmaps'), join(dir, 'cmaps'), { recursive: true });
      writeFileSync(join(dir, 'wps.pdf'), pdfWithUnembeddedChineseFont('政府信息公开'));
      const script = `require('./readers/pdf.js').readPdf(new Uint8Array(require('fs').readFileSync('wps.pdf')), 'wps.pdf').then((d) => process.stdout.write(d.text))`;
      const child = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      assert.equal(child.stdout.trim(), '政府信息公开');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves V8’s own Array.prototype.push, JSON.parse and JSON.stringify in place (pdf.js’s polyfills are slow)', () => {
    assert.ok(read.size > 0);
    for (const f of [Array.prototype.push, JSON.parse, JSON.stringify])
      assert.match(Function.prototype.toString.call(f), /\[native code\]/);
  });
});

describe('PDF reader: files it cannot read', () => {
  it('a scan (an image without a text layer) gives one clear note and no text', async () => {
    const doc = await readSource(new Uint8Array(readFileSync(join(FIXTURES, 'scan.pdf'))), 'scan.pdf');
    assert.equal(doc.text, '');
    assert.deepEqual(
      doc.notes.map((n) => n.kind),
      ['no-text-layer'],
    );
    assert.match(doc.notes[0].message.zh, /^PDF 没有文字层/);
  });

  it('a damaged, truncated or encrypted PDF gives a note, never an exception', async () => {
    const whole = readFileSync(join(FIXTURES, 'pingtan-shenpi-2024.libreoffice.pdf'));
    const broken = [
      new Uint8Array(0),
      new TextEncoder().encode('%PDF-1.7\nnot really'),
      new Uint8Array(whole.subarray(0, 2000)),
      new TextEncoder().encode('<html>'),
    ];
    for (const bytes of broken) {
      const doc = await readSource(bytes, 'broken.pdf');
      assert.equal(doc.kind, 'pdf');
      assert.ok(doc.notes.length === 1 || doc.text === '', 'a note or nothing');
    }
  });

  it('a PDF with damaged bytes never throws, and whatever it reads points inside the document', async () => {
    const whole = readFileSync(join(FIXTURES, 'pingtan-jinjing-2021.libreoffice.pdf'));
    const random = new Random(8);
    for (let n = 0; n < 8; n++) {
      const bytes = new Uint8Array(whole);
      for (let k = 0; k < 40; k++) bytes[random.int(0, bytes.length - 1)] = random.int(0, 255);
      const doc = await readSource(n % 2 ? bytes.subarray(0, random.int(1000, bytes.length)) : bytes, 'damaged.pdf');
      assert.equal(doc.kind, 'pdf');
      for (const origin of doc.origins) {
        assert.ok(origin.start >= 0 && origin.end <= doc.text.length && origin.start < origin.end);
        assert.ok(origin.location.page! >= 1 && origin.location.page! <= 5);
      }
    }
  });
});

/** A one-page PDF whose text is in SimSun, named (encoding UniGB-UCS2-H, Adobe-GB1) but not embedded, no ToUnicode. */
function pdfWithUnembeddedChineseFont(text: string): string {
  const codes = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 24 Tf 72 700 Td <${codes}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 996 855] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}
