import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { Requests } from '../../server/src/shared/protocol';
import { CLEAN, MISTAKES, TYPO, find, positionOf, seed } from './drafts';
import { Session, editsOf } from './harness';

const ARITHMETIC = ['row-total', 'results-total', 'review-total', 'balance'];

describe('重新计算合计 in the language server', () => {
  let session: Session;
  before(async () => (session = await Session.start()));
  after(() => session.stop());

  const actionsAt = (uri: string, range: Range, diagnostics: Diagnostic[] = []) =>
    session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  const recalculate = (actions: CodeAction[]) => actions.filter((a) => a.title.startsWith('重新计算合计'));

  test('a wrong 行政复议 total: the action sets it from its four outcomes and the finding clears', async () => {
    const uri = 'file:///r/review.report.md';
    session.open(uri, MISTAKES);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const review = find(diagnostics, 'review-total');
    const [action] = recalculate(await actionsAt(uri, review.range, [review]));
    assert.equal(action.title, '重新计算合计（1 处）');
    // The parts may be what is wrong: a rewrite the user chooses, never a quick fix (nor one applied on save).
    assert.equal(action.kind, 'refactor.rewrite.govreport');
    const quickFixes = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: review.range,
      context: { diagnostics: [review], only: ['quickfix'] },
    });
    assert.deepEqual(recalculate(quickFixes), []);
    assert.deepEqual(
      editsOf(action.edit, uri).map((e) => e.newText),
      ['5'],
    );
    const document = session.apply(uri, editsOf(action.edit, uri));
    const afterFix = (await session.diagnosticsFor(uri, document.version)).diagnostics;
    assert.ok(!afterFix.some((d) => d.code === 'review-total'));
  });

  test('not offered where totals hold, outside tables, or where the only sum that fails blames a part', async () => {
    const uri = 'file:///r/clean.report.md';
    const document = session.open(uri, CLEAN);
    await session.diagnosticsFor(uri, 1);
    for (const needle of ['| （一）予以公开 |', '| 3 | 1 | 0 | 1 | 5 |', '## 一、总体情况']) {
      const at = positionOf(document, needle, 3);
      assert.deepEqual(recalculate(await actionsAt(uri, { start: at, end: at })), [], needle);
    }
    const typo = 'file:///r/typo.report.md';
    session.open(typo, TYPO);
    const { diagnostics } = await session.diagnosticsFor(typo, 1);
    const row = find(diagnostics, 'row-total');
    assert.deepEqual(recalculate(await actionsAt(typo, row.range, [row])), []);
  });

  test('govreport/recalculateTotals (the command) returns the edits for the whole report and says what it did', async () => {
    const uri = 'file:///r/seed.md';
    session.open(uri, seed('000_'), 'markdown');
    await session.diagnosticsFor(uri, 1);
    const result = await session.request<{
      version: number;
      edits: { newText: string }[];
      summary: string;
      changed: string[];
      left: string[];
    }>(Requests.recalculateTotals.method, { uri });
    assert.equal(result.version, 1);
    assert.deepEqual(
      result.edits.map((e) => e.newText),
      ['111', '110', '435'],
    );
    assert.equal(result.summary, '已重新计算 3 个合计。');
    assert.deepEqual(result.changed, [
      '362: “（七）总计”行“商业企业”列 0 → 111',
      '366: “（七）总计”行“其他”列 109 → 110',
      '367: “（七）总计”行“总计”列 323 → 435',
    ]);
    const document = session.apply(uri, result.edits as never);
    const afterFix = (await session.diagnosticsFor(uri, document.version)).diagnostics;
    assert.deepEqual(
      afterFix.filter((d) => ARITHMETIC.includes(String(d.code))),
      [],
    );
  });

  test('a document that is not a report gets no answer to recalculate', async () => {
    const uri = 'file:///r/notes.md';
    session.open(uri, '# 会议记录\n\n今天讨论了预算。\n', 'markdown');
    assert.equal(await session.request(Requests.recalculateTotals.method, { uri }), null);
  });
});
