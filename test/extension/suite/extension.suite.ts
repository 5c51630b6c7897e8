/// <reference types="mocha" />
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Runs inside VS Code with the examples folder open (see ../runTest.ts). */

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(get: () => T | undefined | false | Thenable<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function openDraft(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  return vscode.window.showTextDocument(document);
}

suite('govreport extension', () => {
  test('a *.report.md file is the govreport language and gets diagnostics from the server', async () => {
    const editor = await openDraft('mistakes-2021.report.md');
    assert.equal(editor.document.languageId, 'govreport');
    const review = await until(
      () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => (d.code as { value: string })?.value === 'review-total'),
      'review-total',
    );
    assert.equal(review.source, 'govreport');
    assert.equal(editor.document.getText(review.range), '6');
    assert.match(String((review.code as { target: vscode.Uri }).target), /#review-total$/);
  });

  test('the commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['govreport.newReport', 'govreport.insertStandardTable', 'govreport.checkWorkspace', 'govreport.insertSnippet']) {
      assert.ok(commands.includes(id), id);
    }
  });

  test('the preferred quick fix of a mistyped figure restores the figure every sum agrees on', async () => {
    const editor = await openDraft('clean-2021.report.md');
    // 予以公开 · 自然人 typed 85 for 58: its row total and its column's （七）总计 both point at it.
    const at = editor.document.getText().indexOf('| （一）予以公开 |  | 58 |') + '| （一）予以公开 |  | '.length;
    const cell = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 2));
    await editor.edit((edit) => edit.replace(cell, '85'));
    const arithmetic = (d: vscode.Diagnostic) => ['row-total', 'results-total'].includes((d.code as { value: string })?.value);
    const row = await until(() => vscode.languages.getDiagnostics(editor.document.uri).find(arithmetic), 'row-total');
    assert.ok(row.range.isEqual(cell), 'on the mistyped cell');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      row.range,
    );
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.ok(preferred, actions.map((a) => a.title).join(' / '));
    await vscode.workspace.applyEdit(preferred.edit!);
    assert.equal(editor.document.getText(cell), '58');
    await until(() => !vscode.languages.getDiagnostics(editor.document.uri).some(arithmetic), 'the fix');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('outline and formatting come from the server', async () => {
    const editor = await openDraft('clean-2021.report.md');
    const symbols = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      return found?.length ? found : undefined;
    }, 'document symbols');
    assert.ok(symbols.some((s) => s.name.startsWith('三、')));
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, {
      tabSize: 2,
      insertSpaces: true,
    });
    assert.ok(Array.isArray(edits));
  });

  test('check all reports in the workspace puts every draft in Problems', async () => {
    const result = await vscode.commands.executeCommand<{ reports: number; problems: number }>('govreport.checkWorkspace');
    assert.ok(result.reports >= 2, JSON.stringify(result));
    assert.ok(result.problems > 0);
  });
});
