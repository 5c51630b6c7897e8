import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type EditionId, fixAll, followsFormat, isEdition, lineAt, lineSpan, NEWEST_EDITION, renderStandardTable, type Section, TABLE_SECTIONS } from '../core';
import {
  Commands,
  DIAGNOSTIC_SOURCE,
  type DiagnosticData,
  FIX_ALL_KIND,
  INSERT_TABLE_KIND,
  type InsertSnippetArgs,
  type ResolveData,
} from '../shared/protocol';
import type { Analysis } from './documents';
import { contains } from './documents';
import { editsBetween, toTextEdits } from './edits';
import { say } from './i18n';
import { standardTables, tableLabel, tableSnippet } from './snippets';

export interface ClientAbilities {
  /** `codeAction/resolve` can fill in `edit`. */
  resolveEdit: boolean;
  /** The client runs `govreport.insertSnippet`. */
  snippetCommand: boolean;
  /** Workspace edits may be versioned (`documentChanges`). */
  documentChanges: boolean;
}

export function workspaceEdit(document: TextDocument, edits: TextEdit[], abilities: ClientAbilities): WorkspaceEdit {
  if (abilities.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  return data && Array.isArray(data.fixes) ? data : undefined;
}

/** `only` asks for kind `kind` (an action of kind `a.b.c` is asked for by `a`, `a.b` and `a.b.c`). */
function asksFor(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function quickFixes(analysis: Analysis, diagnostics: Diagnostic[], abilities: ClientAbilities): CodeAction[] {
  const { document } = analysis;
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = dataOf(diagnostic);
    // Edits of another text would land in the wrong place; fresh diagnostics follow within the debounce.
    if (!data || data.version !== document.version || data.content !== analysis.contentKey) continue;
    data.fixes.forEach((fix, i) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && fix.safe,
        edit: workspaceEdit(document, fix.edits, abilities),
      });
    });
  }
  return actions;
}

function fixAllText(analysis: Analysis, rule?: string): TextEdit[] {
  const before = analysis.document.getText();
  const { text } = fixAll(before, analysis.settings, rule ? { rules: [rule] } : {});
  return toTextEdits(analysis.document, editsBetween(before, text));
}

function fixRuleActions(analysis: Analysis, diagnostics: Diagnostic[], abilities: ClientAbilities): CodeAction[] {
  const { locale } = analysis.settings;
  const rules = new Set(diagnostics.filter((d) => dataOf(d)?.fixes.length).map((d) => String(d.code)));
  const actions: CodeAction[] = [];
  for (const rule of rules) {
    const fixable = analysis.result.findings.filter((f) => f.rule === rule && f.fixes[0]?.safe);
    if (fixable.length < 2) continue;
    const action: CodeAction = {
      title: say(locale, `修复本文件中所有 ${rule} 问题（${fixable.length} 处）`, `Fix all ${rule} problems in this file (${fixable.length})`),
      kind: CodeActionKind.QuickFix,
    };
    if (abilities.resolveEdit) action.data = { kind: 'fixRule', uri: analysis.document.uri, rule } satisfies ResolveData;
    else action.edit = workspaceEdit(analysis.document, fixAllText(analysis, rule), abilities);
    actions.push(action);
  }
  return actions;
}

function fixAllAction(analysis: Analysis, abilities: ClientAbilities): CodeAction | undefined {
  const edits = fixAllText(analysis);
  if (edits.length === 0) return undefined;
  return {
    title: say(analysis.settings.locale, '修复所有可自动修复的问题（govreport）', 'Fix all auto-fixable problems (govreport)'),
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(analysis.document, edits, abilities),
  };
}

/** Computes the edit of an action offered without one (`fixRule` in the quick-fix menu). */
export function resolveCodeAction(analysis: Analysis, action: CodeAction, abilities: ClientAbilities): CodeAction {
  const data = action.data as ResolveData | undefined;
  if (!data) return action;
  const edits = fixAllText(analysis, data.kind === 'fixRule' ? data.rule : undefined);
  return { ...action, edit: workspaceEdit(analysis.document, edits, abilities) };
}

function lineStartOf(analysis: Analysis, offset: number): number {
  return analysis.result.report.lineStarts[lineAt(analysis.result.report.lineStarts, offset)];
}

/** Where a comment line goes so it silences a finding: above its line, or around the whole table it is in. */
function disableActions(analysis: Analysis, diagnostics: Diagnostic[], abilities: ClientAbilities): CodeAction[] {
  const { document, result, settings } = analysis;
  const { report } = result;
  const tables = report.sections.flatMap((s) => s.tables);
  const seen = new Set<string>();
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !diagnostic.code) continue;
    const rule = String(diagnostic.code);
    const offset = document.offsetAt(diagnostic.range.start);
    const table = tables.find((t) => contains(t.span, offset));
    const key = `${rule}@${table ? `t${table.span.start}` : lineAt(report.lineStarts, offset)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let edits: TextEdit[];
    let title: string;
    if (table) {
      // A comment line inside a table would end it (or become a row); silence the rule for the table instead.
      const above = table.item && table.item.span.start < table.span.start ? table.item.span.start : table.span.start;
      const start = document.positionAt(lineStartOf(analysis, above));
      const end = document.positionAt(lineSpan(report.text, report.lineStarts, lineAt(report.lineStarts, table.span.end)).end);
      edits = [
        { range: { start, end: start }, newText: `<!-- govreport-disable ${rule} -->\n` },
        { range: { start: end, end }, newText: `\n\n<!-- govreport-enable ${rule} -->` },
      ];
      title = say(settings.locale, `在此表格中停用 ${rule}`, `Disable ${rule} for this table`);
    } else {
      const lineStart = lineStartOf(analysis, offset);
      const indent = /^[ \t]*/.exec(report.text.slice(lineStart, lineStart + 40))![0];
      const at = document.positionAt(lineStart);
      edits = [{ range: { start: at, end: at }, newText: `${indent}<!-- govreport-disable-next-line ${rule} -->\n` }];
      title = say(settings.locale, `在此行停用 ${rule}`, `Disable ${rule} for this line`);
    }
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, edits, abilities) });
  }
  return actions;
}

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

function insertTableActions(analysis: Analysis, range: Range, abilities: ClientAbilities): CodeAction[] {
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
      const title = say(settings.locale, `插入标准表格：${tableLabel(def)}（${edition} 版）`, `Insert the standard table: ${tableLabel(def)} (edition ${edition})`);
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

export function codeActions(analysis: Analysis, params: CodeActionParams, abilities: ClientAbilities): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const diagnostics = params.context.diagnostics;
  if (asksFor(only, CodeActionKind.QuickFix)) {
    actions.push(...quickFixes(analysis, diagnostics, abilities));
    actions.push(...fixRuleActions(analysis, diagnostics, abilities));
    actions.push(...disableActions(analysis, diagnostics, abilities));
  }
  if (asksFor(only, INSERT_TABLE_KIND)) actions.push(...insertTableActions(analysis, params.range, abilities));
  // Fixing everything means checking the text again until nothing changes: done only when asked for by kind.
  if (only && asksFor(only, FIX_ALL_KIND)) {
    const action = fixAllAction(analysis, abilities);
    if (action) actions.push(action);
  }
  return actions;
}
