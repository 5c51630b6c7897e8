import { type SectionDef, SECTIONS, fold, labelKey } from '../standard';
import { editDistance, typoAllowance } from '../standard/text';

/** A standard section heading found inside a text: from its numeral to the end of its title. */
export interface Found {
  def: SectionDef;
  start: number;
  end: number;
}

const SECTION_LABELS = new Map(SECTIONS.map((s) => [s, [s.title, ...s.variants].sort((a, b) => b.length - a.length)]));

/** The heading of `section` at `at` (its numeral), as far as its title goes; undefined if none stands there. */
export function sectionHeadingEnd(text: string, at: number, section: SectionDef): number | undefined {
  let after = at + 1;
  const comma = /[、.．]/.test(text[after] ?? '');
  if (comma) after++;
  while (text[after] === ' ' || text[after] === '\u3000') after++;
  const labels = SECTION_LABELS.get(section)!;
  for (const label of labels) {
    if (fold(text.slice(after, after + label.length)) === fold(label)) return after + label.length;
  }
  if (!comma) return undefined;
  for (const label of labels) {
    const key = labelKey(label);
    const allowance = typoAllowance(key);
    for (const length of [label.length, label.length + 1, label.length - 1]) {
      const window = labelKey(text.slice(after, after + length));
      if (editDistance(window, key, allowance) <= allowance) return after + length;
    }
  }
  return undefined;
}

/** The standard sections' headings in `text[from, to)`, in the standard order (a section not found is skipped). */
export function findHeadings(text: string, from: number, to: number): Found[] {
  const found: Found[] = [];
  let pos = from;
  for (const def of SECTIONS) {
    for (let at = text.indexOf(def.numeral, pos); at !== -1 && at < to; at = text.indexOf(def.numeral, at + 1)) {
      const end = sectionHeadingEnd(text, at, def);
      if (end !== undefined && end <= to) {
        found.push({ def, start: at, end });
        pos = end;
        break;
      }
    }
  }
  return found;
}
