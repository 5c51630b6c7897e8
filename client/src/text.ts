import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, Requests } from '../../server/src/shared/protocol';

const DECLINED_KEY = 'govreport.textDraftsDeclined';

/**
 * A `.txt` draft opens as plain text; the server checks it when it looks like a report. Then the report language is
 * offered for it once (highlighting, outline, preview), unless the user said no for that file before. Called once the
 * client runs, so that its own open notification reaches the server before our question.
 */
export function offerLanguageForTextDrafts(client: LanguageClient, state: vscode.Memento): vscode.Disposable {
  const offered = new Set<string>();
  async function consider(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'plaintext' || !document.uri.path.toLowerCase().endsWith('.txt')) return;
    const uri = document.uri.toString();
    if (offered.has(uri) || state.get<string[]>(DECLINED_KEY, []).includes(uri)) return;
    offered.add(uri);
    const info = await client.sendRequest(Requests.reportInfo, { uri }).catch(() => undefined);
    if (!info?.isReport) {
      offered.delete(uri);
      return;
    }
    const name = vscode.workspace.asRelativePath(document.uri);
    const use = vscode.l10n.t('Open as report');
    const never = vscode.l10n.t('Not for this file');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} looks like a government information disclosure report; it is checked as one.', name),
      use,
      never,
    );
    if (answer === use) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    else if (answer === never) await state.update(DECLINED_KEY, [...state.get<string[]>(DECLINED_KEY, []), uri]);
  }
  for (const document of vscode.workspace.textDocuments) void consider(document);
  return vscode.workspace.onDidOpenTextDocument((document) => void consider(document));
}
