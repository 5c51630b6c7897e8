import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { DiagnosticData, InsertSnippetArgs } from '../../server/src/shared/protocol';
import { renderReport } from '../../server/src/core';
import { Session, editsOf } from './harness';
import { MISTAKES, TYPO, find, positionOf, seed, textAt } from './drafts';

async function actionsAt(session: Session, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

/** Applies an action's edit to the open document and returns the diagnostics of the new version. */
async function applyAction(session: Session, uri: string, action: CodeAction): Promise<Diagnostic[]> {
  const edits = editsOf(action.edit, uri);
  assert.ok(edits.length > 0, `${action.title} has no edit`);
  const document = session.apply(uri, edits);
  return (await session.diagnosticsFor(uri, document.version)).diagnostics;
}

const safeFixable = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => (d.data as DiagnosticData).fixes[0]?.safe);

describe('code actions', () => {
  let session: Session;
  before(async () => (session = await Session.start()));
  after(() => session.stop());

  test('the preferred quick fix for a mistyped figure sets the figure every sum agrees on', async () => {
    const uri = 'file:///a/total.report.md';
    session.open(uri, TYPO);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const row = find(diagnostics, 'row-total');
    assert.deepEqual(find(diagnostics, 'results-total').range, row.range, 'both sums point at the mistyped cell');
    assert.equal(textAt(session.documents.get(uri)!, row.range), '85');
    const actions = await actionsAt(session, uri, [row]);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0].kind, 'quickfix');
    assert.deepEqual(editsOf(preferred[0].edit, uri), [{ range: row.range, newText: '58' }]);
    const after = await applyAction(session, uri, preferred[0]);
    assert.ok(!after.some((d) => d.code === 'row-total' || d.code === 'results-total'));
  });

  test('the row total and the column total that blame one mistyped cell offer its fix once, for both findings', async () => {
    const uri = 'file:///a/once.report.md';
    session.open(uri, TYPO);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const both = [find(diagnostics, 'row-total'), find(diagnostics, 'results-total')];
    const actions = await actionsAt(session, uri, both);
    const setting = actions.filter((a) => a.title === '改为 58');
    assert.equal(setting.length, 1, actions.map((a) => a.title).join(' | '));
    assert.equal(setting[0].isPreferred, true);
    assert.deepEqual(
      setting[0].diagnostics!.map((d) => d.code),
      ['row-total', 'results-total'],
    );
  });

  test('a wrong total that any of its cells may explain (Section 四) gets no quick fix that changes a figure', async () => {
    const uri = 'file:///a/review.report.md';
    session.open(uri, MISTAKES);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const review = find(diagnostics, 'review-total');
    const actions = await actionsAt(session, uri, [review]);
    assert.deepEqual(
      actions.filter((a) => a.isPreferred || a.title.startsWith('改为')).map((a) => a.title),
      [],
    );
  });

  test('source.fixAll.govreport leaves no safely fixable finding (as editor.codeActionsOnSave runs it)', async () => {
    const uri = 'file:///a/fixall.report.md';
    session.open(uri, seed('000_'));
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    assert.ok(safeFixable(diagnostics).length > 5);
    const actions = await actionsAt(session, uri, [], ['source.fixAll.govreport']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.govreport');
    const after = await applyAction(session, uri, actions[0]);
    assert.deepEqual(
      safeFixable(after).map((d) => d.code),
      [],
    );
    assert.ok(!after.some((d) => d.code === 'table-not-markdown'));
    // Three （七）总计 cells disagree with their columns: no change of one or two cells explains it, so none is made.
    assert.equal(after.filter((d) => d.code === 'results-total').length, 3);
    // Fixing everything is offered only when asked for by kind (codeActionsOnSave, the Source Action menu).
    const unasked = await actionsAt(session, uri, []);
    assert.ok(!unasked.some((a) => a.kind === 'source.fixAll.govreport'));
  });

  test('"fix all <rule> in this file" is resolved to an edit fixing every finding of that rule only', async () => {
    const uri = 'file:///a/fixrule.report.md';
    session.open(uri, seed('000_'));
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const tables = diagnostics.filter((d) => d.code === 'table-not-markdown');
    const actions = await actionsAt(session, uri, [tables[0]]);
    const fixRule = actions.find((a) => a.title.startsWith('修复本文件中所有 table-not-markdown 问题'));
    assert.ok(fixRule, actions.map((a) => a.title).join(' / '));
    assert.equal(fixRule.edit, undefined);
    const resolved = await session.request<CodeAction>('codeAction/resolve', fixRule);
    const after = await applyAction(session, uri, resolved);
    assert.ok(!after.some((d) => d.code === 'table-not-markdown'));
    assert.ok(
      after.some((d) => d.code === 'results-total'),
      'other rules are left alone',
    );
  });

  test('a quick fix carried by stale diagnostics is not offered', async () => {
    const uri = 'file:///a/stale.report.md';
    session.open(uri, TYPO);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const row = find(diagnostics, 'row-total');
    assert.ok((await actionsAt(session, uri, [row])).some((a) => a.title === '改为 58'));
    session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const actions = await actionsAt(session, uri, [row]);
    assert.ok(!actions.some((a) => a.title === '改为 58'));
  });

  test('"disable <rule> for this line" inserts the directive above the line and silences the finding', async () => {
    const uri = 'file:///a/disable.report.md';
    session.open(uri, MISTAKES);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const period = find(diagnostics, 'period');
    const action = (await actionsAt(session, uri, [period])).find((a) => a.title === '在此行停用 period')!;
    assert.deepEqual(editsOf(action.edit, uri)[0].newText, '<!-- govreport-disable-next-line period -->\n');
    const after = await applyAction(session, uri, action);
    assert.ok(!after.some((d) => d.code === 'period'));
    assert.equal(after.length, diagnostics.length - 1);
  });

  test('inside a table the rule is disabled around the table, which stays one table', async () => {
    const uri = 'file:///a/disable-table.report.md';
    session.open(uri, MISTAKES);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    const review = find(diagnostics, 'review-total');
    const action = (await actionsAt(session, uri, [review])).find((a) => a.title === '在此表格中停用 review-total')!;
    const after = await applyAction(session, uri, action);
    assert.deepEqual(
      after.map((d) => d.code).sort(),
      diagnostics
        .filter((d) => d.code !== 'review-total')
        .map((d) => d.code)
        .sort(),
    );
  });

  test('inside a section without its table: insert the standard table of the report year’s edition', async () => {
    const uri = 'file:///a/insert.report.md';
    const full = renderReport('2019', 2020);
    const start = full.indexOf('## 三、');
    const text = `${full.slice(0, full.indexOf('\n', start))}\n\n${full.slice(full.indexOf('## 四、'))}`;
    const document = session.open(uri, text);
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.some((d) => d.code === 'table-missing'));
    const at = positionOf(document, '## 三、');
    const range = { start: { line: at.line + 1, character: 0 }, end: { line: at.line + 1, character: 0 } };
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [] },
    });
    const insert = actions.find((a) => a.title.startsWith('插入标准表格'))!;
    assert.equal(insert.title, '插入标准表格：三、收到和处理政府信息公开申请情况表（2019 版）');
    assert.equal(insert.kind, 'refactor.insert.govreport');
    const after = await applyAction(session, uri, insert);
    assert.deepEqual(
      after.filter((d) => d.code !== 'fee-disclosure'),
      [],
    );
  });

  test('a client that runs govreport.insertSnippet gets the table as a snippet with tab stops', async () => {
    const snippetSession = await Session.start({ initializationOptions: { snippetCommand: true } });
    try {
      const uri = 'file:///a/snippet.report.md';
      const full = renderReport('2021', 2023);
      const text = `${full.slice(0, full.indexOf('## 四、'))}## 四、政府信息公开行政复议、行政诉讼情况\n\n${full.slice(full.indexOf('## 五、'))}`;
      const document = snippetSession.open(uri, text);
      await snippetSession.diagnosticsFor(uri, 1);
      const at = positionOf(document, '## 四、');
      const range = { start: { line: at.line + 1, character: 0 }, end: { line: at.line + 1, character: 0 } };
      const actions = await snippetSession.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [], only: ['refactor'] },
      });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].command?.command, 'govreport.insertSnippet');
      const args = actions[0].command!.arguments![0] as InsertSnippetArgs;
      assert.equal(args.version, 1);
      assert.equal(args.line, at.line + 1);
      assert.match(args.snippet, /\| \$\{1:0\} \| \$\{2:0\} \|/);
      assert.match(args.snippet, /\$\{15:0\} \|/);
    } finally {
      await snippetSession.stop();
    }
  });
});
