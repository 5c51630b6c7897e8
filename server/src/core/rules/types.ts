import type { Report, Span } from '../model';
import type { Severity } from '../../shared/settings';

/** A message in both languages; the one shown follows the locale. */
export interface Message {
  zh: string;
  en: string;
}

/** A plain text edit: replace [start, end) of the original text with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RuleFix {
  title: Message;
  edits: TextEdit[];
  /** False where the fix may drop or invent figures (replacing a table of the other edition); `govreport fix` skips it. */
  safe?: boolean;
}

export interface RuleFinding {
  span: Span;
  message: Message;
  expected?: number;
  actual?: number | string;
  terms?: number[];
  /** The fixes offered, preferred first. */
  fixes?: RuleFix[];
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for the rule list (README, hover, SARIF rule metadata). */
  description: Message;
  /** What the fix does, for the rule list; absent where the rule offers none. */
  fixDescription?: Message;
  check(report: Report): RuleFinding[];
}
