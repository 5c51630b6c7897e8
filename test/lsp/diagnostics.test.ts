import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import type { DiagnosticData } from '../../server/src/shared/protocol';
import { Session } from './harness';
import { CLEAN, MISTAKES, find, seed, textAt } from './drafts';

describe('diagnostics over stdio', () => {
  let session: Session;
  before(async () => (session = await Session.start()));
  after(() => session.stop());

  test('a draft gets its findings with rule codes, links to the rule pages, severities and exact ranges', async () => {
    const document = session.open('file:///drafts/mistakes.report.md', MISTAKES);
    const { diagnostics, version } = await session.diagnosticsFor(document.uri, 1);
    assert.equal(version, 1);
    const review = find(diagnostics, 'review-total');
    assert.equal(textAt(document, review.range), '6');
    assert.equal(review.source, 'govreport');
    assert.equal(review.severity, DiagnosticSeverity.Error);
    const page = readFileSync(fileURLToPath(review.codeDescription!.href), 'utf8');
    assert.ok(page.includes('# 规则 `review-total`'), 'the link opens the rule’s own page (docs/rules/review-total.md)');
    assert.match(review.message, /应为 5/);
    const wording = diagnostics.filter((d) => d.code === 'label-wording').map((d) => textAt(document, d.range));
    assert.ok(wording.includes('3.危机“三安全一稳定”'), wording.join());
    assert.equal(find(diagnostics, 'label-wording').severity, DiagnosticSeverity.Warning);
    assert.equal(textAt(document, find(diagnostics, 'cell-not-number').range), '二');
    const data = review.data as DiagnosticData;
    assert.equal(data.version, 1);
    // 3 + 1 + 0 + 1 against 6: any of the group's five cells may be the wrong one, so no figure is changed.
    assert.deepEqual(data.fixes, []);
    assert.match(review.message, /无法确定哪一格有误/);
  });

  test('a clean draft publishes an empty list', async () => {
    const document = session.open('file:///drafts/clean.report.md', CLEAN);
    const { diagnostics } = await session.diagnosticsFor(document.uri, 1);
    assert.deepEqual(diagnostics, []);
  });

  test('a pasted report (seed 000) gets the findings the spec lists, each on its cell', async () => {
    const document = session.open('file:///drafts/000.report.md', seed('000_'));
    const { diagnostics } = await session.diagnosticsFor(document.uri, 1);
    const results = diagnostics.filter((d) => d.code === 'results-total');
    assert.deepEqual(results.map((d) => textAt(document, d.range)).sort(), ['0', '109', '323']);
    assert.ok(diagnostics.filter((d) => d.code === 'table-not-markdown').length >= 5);
    assert.ok(diagnostics.some((d) => d.code === 'signing-date'));
  });

  test('a change is checked again and published for the new version', async () => {
    const uri = 'file:///drafts/edit.report.md';
    session.open(uri, CLEAN);
    await session.diagnosticsFor(uri, 1);
    const document = session.documents.get(uri)!;
    const offset = CLEAN.indexOf('## 五、');
    const edited = session.change(uri, [
      { range: { start: document.positionAt(offset), end: document.positionAt(offset) }, text: '## 三、重复\n\n' },
    ]);
    const { diagnostics } = await session.diagnosticsFor(uri, edited.version);
    assert.ok(
      diagnostics.some((d) => d.code === 'section-duplicate'),
      diagnostics.map((d) => d.code).join(),
    );
  });
});

describe('a large draft is analysed beside the others, not before them', () => {
  let session: Session;
  before(async () => (session = await Session.start({ initializationOptions: { debounceMs: 0 } })));
  after(() => session.stop());

  /** The draft with its overview grown past a megabyte of narrative. */
  const large = MISTAKES.replace('## 二、', `${'本年度，我县全面推进政府信息公开工作，主动公开各类信息。\n\n'.repeat(20_000)}## 二、`);

  test('a small draft opened right after a 1 MB one gets its diagnostics first', async () => {
    session.open('file:///drafts/large.report.md', large);
    session.open('file:///drafts/small.report.md', CLEAN);
    await session.diagnosticsFor('file:///drafts/large.report.md', 1, 120_000);
    await session.diagnosticsFor('file:///drafts/small.report.md', 1);
    const order = session.diagnostics.map((d) => d.uri);
    assert.ok(order.indexOf('file:///drafts/small.report.md') < order.indexOf('file:///drafts/large.report.md'), order.join());
  });

  test('a draft that grows large and shrinks again keeps its findings', async () => {
    const uri = 'file:///drafts/growing.report.md';
    session.open(uri, MISTAKES);
    const before = (await session.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code).sort();
    const whole = (document: { lineCount: number }) => ({
      start: { line: 0, character: 0 },
      end: { line: document.lineCount, character: 0 },
    });
    let document = session.change(uri, [{ range: whole(session.documents.get(uri)!), text: large }]);
    const grown = (await session.diagnosticsFor(uri, document.version, 120_000)).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(grown, before);
    document = session.change(uri, [{ range: whole(document), text: MISTAKES }]);
    assert.deepEqual((await session.diagnosticsFor(uri, document.version)).diagnostics.map((d) => d.code).sort(), before);
  });
});
