import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { type Report, check, readSource } from '../../server/src/core';
import {
  type CheckDocumentResult,
  type ExportReportResult,
  type ImportReportResult,
  type ReportInfoResult,
  Requests,
} from '../../server/src/shared/protocol';
import { MISTAKES, seed } from './drafts';
import { Session } from './harness';

const DOCX = join(__dirname, '..', 'fixtures', 'docx');

/** Every figure of a report's standard tables, as `table/row: values`. */
function figures(report: Report): string[] {
  return report.sections
    .flatMap((s) => s.tables)
    .flatMap((table) =>
      table.rows.filter((row) => row.def).map((row) => `${table.def.id}/${row.def!.id}: ${row.values.map((c) => c.text).join(' ')}`),
    );
}

const importFile = (session: Session, name: string, bytes: Uint8Array) =>
  session.request<ImportReportResult>(Requests.importReport.method, {
    uri: `file:///drafts/${name}`,
    name,
    base64: Buffer.from(bytes).toString('base64'),
  });

describe('editor commands served over stdio: import, export, report info, drafts read from disk', () => {
  let session: Session;
  before(async () => (session = await Session.start({ settings: { locale: 'zh-CN' } })));
  after(() => session.stop());

  test('import of a Word file: a canonical draft naming its source, with every figure of the draft it was made from', async () => {
    const result = await importFile(session, 'canonical-2023.docx', readFileSync(join(DOCX, 'canonical-2023.docx')));
    assert.equal(result.refused, undefined);
    assert.match(result.text!, /^<!-- 导入自 canonical-2023\.docx（govreport） -->\n/);
    assert.match(result.text!, /^# 某某县人民政府2023年政府信息公开工作年度报告$/m);
    const expected = figures(check(readFileSync(join(DOCX, 'canonical-2023.report.md'), 'utf8')).report);
    assert.ok(expected.length > 20);
    assert.deepEqual(figures(check(result.text!).report), expected);
    assert.equal(
      result.tables,
      check(result.text!).report.sections.reduce((n, s) => n + s.tables.length, 0),
    );
  });

  test('import of a GBK text draft decodes it as the CLI does; a .doc is refused with the reason', async () => {
    const text = seed('000_');
    const result = await importFile(session, '报告.txt', iconv.encode(text, 'gbk'));
    assert.ok(result.text, result.refused);
    assert.deepEqual(figures(check(result.text).report), figures(check(text).report));
    const doc = await importFile(session, 'pingtan-shenpi-2024.doc', readFileSync(join(DOCX, 'pingtan-shenpi-2024.doc')));
    assert.equal(doc.text, undefined);
    assert.match(doc.refused!, /另存为 \.docx/);
  });

  test('export to Word: the file read back gives every figure of the open draft; to a web page: tables with merged header cells', async () => {
    const uri = 'untitled:export';
    const draft = readFileSync(join(DOCX, 'canonical-2023.report.md'), 'utf8');
    session.open(uri, draft);
    const word = await session.request<ExportReportResult>(Requests.exportReport.method, { uri, format: 'docx' });
    const bytes = Buffer.from(word.base64, 'base64');
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const back = await readSource(bytes, 'export.docx');
    assert.deepEqual(figures(check(back.text).report), figures(check(draft).report));
    assert.equal(word.errors, check(draft).findings.filter((f) => f.severity === 'error').length);
    const page = await session.request<ExportReportResult>(Requests.exportReport.method, { uri, format: 'html' });
    const html = Buffer.from(page.base64, 'base64').toString('utf8');
    assert.match(html, /<table class="govreport-table"/);
    assert.match(html, /colspan="\d+"/);
    assert.equal(page.tables, word.tables);
  });

  test('report info: the edition and year detected and the findings counted by severity; not a report for other text', async () => {
    const uri = 'file:///drafts/mistakes.report.md';
    session.open(uri, MISTAKES);
    await session.diagnosticsFor(uri, 1);
    const info = await session.request<ReportInfoResult>(Requests.reportInfo.method, { uri });
    const { report, findings } = check(MISTAKES, { locale: 'zh-CN' });
    assert.deepEqual(info, {
      isReport: true,
      edition: report.edition,
      followsFormat: true,
      year: report.year!.value,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    });
    assert.ok(info.errors > 0);
    session.open('file:///drafts/notes.txt', '会议记录\n\n今天讨论了三件事。\n', 'plaintext');
    const notes = await session.request<ReportInfoResult>(Requests.reportInfo.method, { uri: 'file:///drafts/notes.txt' });
    assert.equal(notes.isReport, false);
  });

  test('a .txt draft open as plain text is checked when it looks like a report', async () => {
    const uri = 'file:///drafts/pasted.txt';
    session.open(uri, MISTAKES, 'plaintext');
    const published = await session.diagnosticsFor(uri, 1);
    assert.equal(published.diagnostics.length, check(MISTAKES, { locale: 'zh-CN' }).findings.length);
  });

  test('workspace check of a file not open: the server reads it from disk, GBK and UTF-16 decoded as the CLI does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-lsp-'));
    const findings = check(MISTAKES, { locale: 'zh-CN' }).findings;
    const expected = findings.length;
    const encodings: [string, Buffer][] = [
      ['gbk.txt', iconv.encode(MISTAKES, 'gbk')],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MISTAKES, 'utf16le')])],
      ['utf8.md', Buffer.from(MISTAKES, 'utf8')],
    ];
    for (const [name, bytes] of encodings) {
      writeFileSync(join(dir, name), bytes);
      const uri = pathToFileURL(join(dir, name)).toString();
      const result = await session.request<CheckDocumentResult>(Requests.checkDocument.method, {
        uri,
        languageId: name.endsWith('.md') ? 'markdown' : 'plaintext',
      });
      assert.deepEqual(result, { checked: true, problems: expected }, name);
      const published = await session.waitFor(() => session.diagnostics.find((d) => d.uri === uri));
      assert.deepEqual(
        published.diagnostics.map((d) => d.message),
        findings.map((f) => f.message),
        name,
      );
    }
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0, 0, 1, 2]));
    const binary = await session.request<CheckDocumentResult>(Requests.checkDocument.method, {
      uri: pathToFileURL(join(dir, 'binary.txt')).toString(),
      languageId: 'plaintext',
    });
    assert.deepEqual(binary, { checked: false, problems: 0 });
  });
});
