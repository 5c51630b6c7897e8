import type { Message, Report, UnreadTable } from '../model';
import type { RuleFinding } from './types';

/** One finding per table of `kind` a reader or the parser could not read, saying why (by its reason code). */
export function unreadFindings(
  report: Report,
  kind: UnreadTable['kind'],
  why: (reason: string) => Message,
  say: (name: string, why: Message) => Message,
): RuleFinding[] {
  return report.sections.flatMap((section) =>
    section.unread
      .filter((u) => u.kind === kind)
      .map((table) => ({ span: table.span, message: say(table.item ?? section.heading.text, why(table.reason)) })),
  );
}
