import type { Settings } from '../../server/src/shared/settings';

/**
 * Inline expectations in fixtures, as markdownlint's test files have them: `{{rule-id}}` (or `{{rule-id*3}}` for
 * three findings) at the end of the line where the rule fires. Markers are removed before the text is checked.
 *
 * A fixture may open with its configuration, on its first line, removed before checking (line numbers count from
 * the line after it):
 *
 *     <!-- govreport-fixture {"settings": {"edition": "2019", "rules": {"fee-disclosure": "off"}}, "companion": "companion-2022.md"} -->
 *
 * `settings` are the settings the fixture is checked with; `companion` names another file of the fixture's folder,
 * checked with it as one of the other reports of the run (`RuleContext.others`).
 */
export interface Expectations {
  text: string;
  /** `line:rule` (1-based line), one entry per expected finding. */
  expected: string[];
  settings: Partial<Settings>;
  companion?: string;
}

const MARKER = /[ \t]*\{\{([a-z-]+)(?:\*(\d+))?\}\}/g;
const HEADER = /^<!-- govreport-fixture (\{.*\}) -->\r?\n/;

export function readMarkers(source: string): Expectations {
  const header = HEADER.exec(source);
  const config = (header ? JSON.parse(header[1]) : {}) as { settings?: Partial<Settings>; companion?: string };
  const expected: string[] = [];
  const text = source
    .slice(header ? header[0].length : 0)
    .split('\n')
    .map((line, i) =>
      line.replace(MARKER, (_, rule: string, times?: string) => {
        for (let n = 0; n < Number(times ?? 1); n++) expected.push(`${i + 1}:${rule}`);
        return '';
      }),
    )
    .join('\n');
  return { text, expected: expected.sort(), settings: config.settings ?? {}, companion: config.companion };
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
