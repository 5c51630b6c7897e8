import * as vscode from 'vscode';
import { localeOfUi } from '../../server/src/shared/i18n';
import { CONFIG_SECTION } from '../../server/src/shared/protocol';
import type { Locale } from '../../server/src/shared/settings';

/**
 * The `govreport` settings as the server reads them. `locale` is left out unless the user set it, so the server
 * follows the UI language (which the client sends at initialization) instead of the manifest's default.
 */
export function serverSettings(scopeUri?: string): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const settings = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  const locale = config.inspect<string>('locale');
  const chosen = locale?.workspaceFolderValue ?? locale?.workspaceValue ?? locale?.globalValue;
  if (chosen === undefined) delete settings.locale;
  else settings.locale = chosen;
  return settings;
}

/** The client's own strings follow the UI language: Chinese for zh, English otherwise. */
export function uiLocale(): Locale {
  return localeOfUi(vscode.env.language) ?? 'en';
}
