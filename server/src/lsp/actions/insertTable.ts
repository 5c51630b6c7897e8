import type { CodeAction, Range, TextEdit } from 'vscode-languageserver';
import {
  type EditionId,
  followsFormat,
  isEdition,
  lineAt,
  lineSpan,
  NEWEST_EDITION,
  renderStandardTable,
  type Section,
  TABLE_SECTIONS,
} from '../../core';
import { say } from '../../shared/i18n';
import { Commands, INSERT_TABLE_KIND, type InsertSnippetArgs } from '../../shared/protocol';
import { type Analysis, contains } from '../documents';
import { type ClientAbilities, workspaceEdit } from '../edits';
import { standardTables, tableLabel, tableSnippet } from '../snippets';

/** The edition of the tables to insert: the report's; the newest where the report has none yet. */
export function insertEdition(analysis: Analysis): EditionId | undefined {
  const { edition } = analysis.result.report;
  if (!followsFormat(edition)) return undefined;
  return isEdition(edition) ? edition : NEWEST_EDITION;
}

function sectionAt(analysis: Analysis, offset: number): Section | undefined {
  return analysis.result.report.sections.find((s) => s.span.start <= offset && offset < Math.max(s.span.end, s.span.start + 1));
}

/** Where a table goes: on the cursor's line when it is blank, else after it; blank lines around it as markdown needs. */
function insertionPoint(analysis: Analysis, offset: number): { at: number; before: string; after: string } {
  const { report } = analysis.result;
  const line = lineAt(report.lineStarts, offset);
  const span = lineSpan(report.text, report.lineStarts, line);
  const blank = report.text.slice(span.start, span.end).trim() === '';
  const at = blank ? span.start : span.end;
  const textBefore = report.text.slice(0, at);
  const before = blank ? (/\n\s*\n$/.test(textBefore) || at === 0 ? '' : '\n') : '\n\n';
  // A line right below a pipe table would be read as one of its rows.
  return { at, before, after: '\n' };
}

/** "Insert the standard table …" for each table the section at the cursor lacks. */
export function insertTableActions(analysis: Analysis, range: Range, abilities: ClientAbilities): CodeAction[] {
  const { document, settings } = analysis;
  const offset = document.offsetAt(range.start);
  const section = sectionAt(analysis, offset);
  const edition = insertEdition(analysis);
  if (!section || !edition || !TABLE_SECTIONS.includes(section.def.id)) return [];
  if (section.tables.some((t) => contains(t.span, offset))) return [];
  const present = new Set(section.tables.map((t) => t.def.id));
  const { at, before, after } = insertionPoint(analysis, offset);
  const position = document.positionAt(at);
  return standardTables(edition, section.def.id)
    .filter((t) => !present.has(t.def.id))
    .map(({ def }) => {
      const title = say(
        settings.locale,
        `插入标准表格：${tableLabel(def)}（${edition} 版）`,
        `Insert the standard table: ${tableLabel(def)} (edition ${edition})`,
      );
      if (abilities.snippetCommand) {
        const args: InsertSnippetArgs = {
          uri: document.uri,
          version: document.version,
          line: position.line,
          character: position.character,
          snippet: `${before}${tableSnippet(def)}${after}`,
        };
        return { title, kind: INSERT_TABLE_KIND, command: { title, command: Commands.insertSnippet, arguments: [args] } };
      }
      const edit: TextEdit = { range: { start: position, end: position }, newText: `${before}${renderStandardTable(def)}${after}` };
      return { title, kind: INSERT_TABLE_KIND, edit: workspaceEdit(document, [edit], abilities) };
    });
}
