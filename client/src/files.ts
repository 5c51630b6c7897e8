import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ExportFormat, LANGUAGE_ID, Requests } from '../../server/src/shared/protocol';
import { say } from '../../server/src/shared/i18n';
import { uiLocale } from './settings';

/** The kinds of file "Import report…" offers (whatever the checker reads). */
const IMPORTABLE = ['docx', 'pdf', 'html', 'htm', 'shtml', 'txt', 'md'];

/** Import report (Word/PDF/web page)…: the chosen file's canonical draft, opened as a new govreport document. */
export async function importReport(client: Promise<LanguageClient>, given?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const locale = uiLocale();
  const file =
    given ??
    (
      await vscode.window.showOpenDialog({
        title: say(locale, '导入报告（Word/PDF/网页）', 'Import report (Word/PDF/web page)'),
        canSelectMany: false,
        filters: { [say(locale, '报告', 'Reports')]: IMPORTABLE },
      })
    )?.[0];
  if (!file) return undefined;
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const bytes = await vscode.workspace.fs.readFile(file);
  const result = await (await client).sendRequest(Requests.importReport, {
    uri: file.toString(),
    name,
    base64: Buffer.from(bytes).toString('base64'),
  });
  if (result.text === undefined) {
    void vscode.window.showErrorMessage(say(locale, `无法导入 ${name}：${result.refused}`, `Cannot import ${name}: ${result.refused}`));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
  await vscode.window.showTextDocument(document);
  const notes = result.notes.length ? say(locale, `（${result.notes.join('；')}）`, ` (${result.notes.join('; ')})`) : '';
  void vscode.window.showInformationMessage(
    say(locale, `已导入 ${name}：表格 ${result.tables} 个${notes}`, `Imported ${name}: ${result.tables} tables${notes}`),
  );
  return document;
}

/** `报告.report.md` → `报告.docx`, beside the draft. */
function besideDraft(draft: vscode.Uri, format: ExportFormat): vscode.Uri {
  const name = draft.path.slice(draft.path.lastIndexOf('/') + 1);
  const stem = name.replace(/(?:\.report)?\.[^.]+$/i, '') || name;
  return vscode.Uri.joinPath(draft, '..', `${stem}.${format}`);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Export as Word/web page: the active report as the file to publish, written beside the draft (an untitled draft
 * asks where); an existing file is replaced only when the user says so.
 */
export async function exportReport(client: Promise<LanguageClient>, format?: ExportFormat): Promise<vscode.Uri | undefined> {
  const locale = uiLocale();
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showWarningMessage(say(locale, '请先打开要导出的报告', 'Open the report to export first'));
    return undefined;
  }
  const chosen =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: say(locale, 'Word 文档（.docx）', 'Word document (.docx)'), format: 'docx' as const },
          { label: say(locale, '网页（.html）', 'Web page (.html)'), format: 'html' as const },
        ],
        { placeHolder: say(locale, '导出为', 'Export as') },
      )
    )?.format;
  if (!chosen) return undefined;
  let target: vscode.Uri | undefined = document.uri.scheme === 'untitled' ? undefined : besideDraft(document.uri, chosen);
  if (!target) {
    target = await vscode.window.showSaveDialog({ filters: { [chosen === 'docx' ? 'Word' : 'HTML']: [chosen] } });
    if (!target) return undefined;
  } else if (await exists(target)) {
    const replace = say(locale, '覆盖', 'Replace');
    const answer = await vscode.window.showWarningMessage(
      say(
        locale,
        `${vscode.workspace.asRelativePath(target)} 已存在，要覆盖吗？`,
        `${vscode.workspace.asRelativePath(target)} exists. Replace it?`,
      ),
      { modal: true },
      replace,
    );
    if (answer !== replace) return undefined;
  }
  const result = await (await client).sendRequest(Requests.exportReport, { uri: document.uri.toString(), format: chosen });
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.base64, 'base64'));
  const where = vscode.workspace.asRelativePath(target);
  const message = say(locale, `已导出到 ${where}（表格 ${result.tables} 个）`, `Exported to ${where} (${result.tables} tables)`);
  if (result.errors) {
    void vscode.window.showWarningMessage(
      `${message}${say(locale, `；报告中仍有 ${result.errors} 个错误`, `; the report still has ${result.errors} errors`)}`,
    );
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return target;
}

/**
 * Preview report: VS Code's own Markdown preview, to the side, with the standard tables as published (our
 * markdown-it plugin). The preview renders the document it is given whatever its language, so a `govreport`
 * document is previewed by passing its URI (the preview's "follow the active editor" applies to markdown only).
 */
export async function previewReport(file?: vscode.Uri): Promise<void> {
  const uri = file ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return;
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
}
