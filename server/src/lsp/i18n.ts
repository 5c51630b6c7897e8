import type { Locale } from '../shared/settings';

/** The text of the editor's own strings (action titles, hovers) in the locale of the settings. */
export function say(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

/** The locale an editor's UI language asks for: Chinese for any `zh`, English otherwise. */
export function localeOfUi(language: string | undefined): Locale | undefined {
  if (!language) return undefined;
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
