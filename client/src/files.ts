import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ExportFormat, LANGUAGE_ID, Requests } from '../../server/src/shared/protocol';

/** The kinds of file "Import report…" offers (whatever the checker reads). */
const IMPORTABLE = ['docx', 'pdf', 'html', 'htm', 'shtml', 'txt', 'md'];

/** Import report (Word/PDF/web page)…: the chosen file's canonical draft, opened as a new govreport document. */
export async function importReport(client: Promise<LanguageClient>, given?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const file =
    given ??
    (
      await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import report (Word/PDF/web page)'),
        canSelectMany: false,
        filters: { [vscode.l10n.t('Reports')]: IMPORTABLE },
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
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}', name, result.refused ?? ''));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.text });
  await vscode.window.showTextDocument(document);
  const notes = result.notes.length ? vscode.l10n.t(' ({0})', result.notes.join(vscode.l10n.t('; '))) : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}: {1} tables{2}', name, result.tables, notes));
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
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the report to export first'));
    return undefined;
  }
  const chosen =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Word document (.docx)'), format: 'docx' as const },
          { label: vscode.l10n.t('Web page (.html)'), format: 'html' as const },
        ],
        { placeHolder: vscode.l10n.t('Export as') },
      )
    )?.format;
  if (!chosen) return undefined;
  let target: vscode.Uri | undefined = document.uri.scheme === 'untitled' ? undefined : besideDraft(document.uri, chosen);
  if (!target) {
    target = await vscode.window.showSaveDialog({ filters: { [chosen === 'docx' ? 'Word' : 'HTML']: [chosen] } });
    if (!target) return undefined;
  } else if (await exists(target)) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} exists. Replace it?', vscode.workspace.asRelativePath(target)),
      { modal: true },
      replace,
    );
    if (answer !== replace) return undefined;
  }
  const result = await (await client).sendRequest(Requests.exportReport, { uri: document.uri.toString(), format: chosen });
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.base64, 'base64'));
  const where = vscode.workspace.asRelativePath(target);
  const message = vscode.l10n.t('Exported to {0} ({1} tables)', where, result.tables);
  if (result.errors) {
    void vscode.window.showWarningMessage(`${message}${vscode.l10n.t('; the report still has {0} errors', result.errors)}`);
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
