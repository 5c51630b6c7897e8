import type { Message, Report, Span, Suspect, TextEdit } from '../model';
import type { Settings, Severity } from '../../shared/settings';

export type { Message, TextEdit };

/** What a rule may look at besides the report: the settings of the run and the other reports checked with it. */
export interface RuleContext {
  settings: Settings;
  /** The other reports of the same run (a batch, the workspace), for checks across reports. */
  others: readonly Report[];
}

export interface RuleFix {
  title: Message;
  /**
   * The edits, or how to make them where that costs (rendering a table): made only when a fix is asked for (`fix`,
   * a code action, the editor's diagnostics), never for a run that only says a finding is fixable.
   */
  edits: TextEdit[] | (() => TextEdit[]);
  /** False where the fix may drop or invent figures (replacing a table of the other edition); `govreport fix` skips it. */
  safe?: boolean;
}

export interface RuleFinding {
  span: Span;
  message: Message;
  expected?: number;
  actual?: number | string;
  terms?: number[];
  /** Arithmetic: the smallest explanations of the table's failing sums (at most 12), plausible typos first. */
  suspects?: Suspect[];
  /** The fixes offered, preferred first. */
  fixes?: RuleFix[];
  /** A check that could not be made, told at info severity whatever the rule's (no problem was found). */
  note?: boolean;
  /** Checks across reports: the other report compared with, and the place there (the cell) the finding rests on. */
  related?: { report: Report; span: Span };
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for the rule list (README, hover, SARIF rule metadata). */
  description: Message;
  /** What the fix does, for the rule list; absent where the rule offers none. */
  fixDescription?: Message;
  check(report: Report, context: RuleContext): RuleFinding[];
}
