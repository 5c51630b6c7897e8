import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, Requests } from '../../server/src/shared/protocol';

/** The documents the status item shows for (those the server checks). */
export const CHECKED_DOCUMENTS: vscode.DocumentSelector = [
  { language: LANGUAGE_ID },
  { language: 'markdown' },
  { language: 'plaintext', pattern: '**/*.txt' },
];

/**
 * The language status item of a report: the edition and year the checker took, and the number of findings. Updated
 * when the active editor changes and when its diagnostics do.
 */
export function reportStatus(client: Promise<LanguageClient>): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('govreport.report', CHECKED_DOCUMENTS);
  item.name = vscode.l10n.t('Government information disclosure report');
  item.command = { title: vscode.l10n.t('Problems'), command: 'workbench.actions.view.problems' };
  let asked = 0;

  async function update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const ticket = ++asked;
    const info = await (await client).sendRequest(Requests.reportInfo, { uri: document.uri.toString() }).catch(() => undefined);
    if (ticket !== asked || !info) return;
    if (!info.isReport) {
      item.text = vscode.l10n.t('Not a report');
      item.detail = vscode.l10n.t('not checked');
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const edition = info.followsFormat ? vscode.l10n.t('{0} format', info.edition ?? '') : vscode.l10n.t('before the national formats');
    const year = info.year ? vscode.l10n.t('year {0}', info.year) : vscode.l10n.t('year unknown');
    item.text = `${year} · ${edition}`;
    const total = info.errors + info.warnings + info.infos;
    item.detail = total
      ? vscode.l10n.t('{0} errors, {1} warnings, {2} infos', info.errors, info.warnings, info.infos)
      : vscode.l10n.t('no problems found');
    item.severity = info.errors
      ? vscode.LanguageStatusSeverity.Error
      : info.warnings
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
  }

  const refresh = () => void update();
  refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((uri) => uri.toString() === active)) refresh();
    }),
    { dispose: () => void (asked = -1) },
  );
}
