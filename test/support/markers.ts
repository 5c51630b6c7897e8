/**
 * Inline expectations in fixtures, as markdownlint's test files have them: `{{rule-id}}` (or `{{rule-id*3}}` for
 * three findings) at the end of the line where the rule fires. Markers are removed before the text is checked.
 */
export interface Expectations {
  text: string;
  /** `line:rule` (1-based line), one entry per expected finding. */
  expected: string[];
}

const MARKER = /[ \t]*\{\{([a-z-]+)(?:\*(\d+))?\}\}/g;

export function readMarkers(source: string): Expectations {
  const expected: string[] = [];
  const text = source
    .split('\n')
    .map((line, i) =>
      line.replace(MARKER, (_, rule: string, times?: string) => {
        for (let n = 0; n < Number(times ?? 1); n++) expected.push(`${i + 1}:${rule}`);
        return '';
      }),
    )
    .join('\n');
  return { text, expected: expected.sort() };
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
