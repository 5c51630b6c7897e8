import type { Locale } from './settings';

/**
 * The one localization helper: the Chinese or the English of a text (or of a table of texts), by locale. Used by the core (finding messages)
 * and the language server; the VS Code client's own strings go through vscode.l10n (l10n/bundle.l10n.zh-cn.json).
 */
export function say<T>(locale: Locale, zh: T, en: T): T {
  return locale === 'en' ? en : zh;
}

/** The locale an editor's UI language asks for: Chinese for any `zh`, English otherwise. */
export function localeOfUi(language: string | undefined): Locale | undefined {
  if (!language) return undefined;
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
