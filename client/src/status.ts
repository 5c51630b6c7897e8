import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID, Requests } from '../../server/src/shared/protocol';
import { say } from '../../server/src/shared/i18n';
import { uiLocale } from './settings';

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
  item.name = say(uiLocale(), '政府信息公开年度报告', 'Government information disclosure report');
  item.command = { title: say(uiLocale(), '问题', 'Problems'), command: 'workbench.actions.view.problems' };
  let asked = 0;

  async function update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const ticket = ++asked;
    const info = await (await client).sendRequest(Requests.reportInfo, { uri: document.uri.toString() }).catch(() => undefined);
    if (ticket !== asked || !info) return;
    const locale = uiLocale();
    if (!info.isReport) {
      item.text = say(locale, '不是年度报告', 'Not a report');
      item.detail = say(locale, '未检查', 'not checked');
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const edition = info.followsFormat
      ? say(locale, `${info.edition} 版格式`, `${info.edition} format`)
      : say(locale, '早于国家统一格式', 'before the national formats');
    const year = info.year ? say(locale, `${info.year} 年度`, `year ${info.year}`) : say(locale, '年度不明', 'year unknown');
    item.text = `${year} · ${edition}`;
    const total = info.errors + info.warnings + info.infos;
    item.detail = total
      ? say(
          locale,
          `${info.errors} 个错误，${info.warnings} 个警告，${info.infos} 个提示`,
          `${info.errors} errors, ${info.warnings} warnings, ${info.infos} infos`,
        )
      : say(locale, '未发现问题', 'no problems found');
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
