import { type CompletionItem, CompletionItemKind, type Position } from 'vscode-languageserver';
import { fullRowLabel, SECTIONS, standardHeading, type TableDef, tablesOf } from '../core';
import { type Analysis, contains } from './documents';
import { insertEdition } from './actions';
import { say } from '../shared/i18n';

const PIPE = /(?<!\\)[|｜]/g;

function tablesAt(analysis: Analysis, offset: number): TableDef[] {
  const { report } = analysis.result;
  const section = report.sections.find((s) => s.span.start <= offset && offset <= s.span.end);
  if (!section) return [];
  const table = section.tables.find((t) => contains(t.span, offset));
  if (table) return [table.def];
  const edition = insertEdition(analysis);
  return edition ? tablesOf(edition, section.def.id) : [];
}

function rowLabelItems(analysis: Analysis, position: Position, prefix: string): CompletionItem[] {
  const offset = analysis.document.offsetAt(position);
  const pipes = [...prefix.matchAll(PIPE)];
  const cellIndex = pipes.length - (/^\s*[|｜]/.test(prefix) ? 1 : 0);
  const lastPipe = pipes[pipes.length - 1];
  let cellStart = lastPipe ? lastPipe.index + 1 : 0;
  while (cellStart < prefix.length && /\s/.test(prefix[cellStart])) cellStart++;
  const range = { start: { line: position.line, character: cellStart }, end: position };
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const def of tablesAt(analysis, offset)) {
    if (cellIndex >= Math.max(def.labelColumns, 1) || def.labelColumns === 0) continue;
    def.rows.forEach((row, i) => {
      const label = fullRowLabel(row);
      if (!label || seen.has(label + row.parents.join())) return;
      seen.add(label + row.parents.join());
      items.push({
        label,
        kind: CompletionItemKind.Field,
        detail: row.parents.length ? row.parents.join(' › ') : def.item,
        documentation: say(analysis.settings.locale, '标准行', 'Standard row'),
        sortText: String(i).padStart(3, '0'),
        filterText: label,
        textEdit: { range, newText: label },
      });
    });
  }
  return items;
}

function headingItems(analysis: Analysis, position: Position, prefix: string): CompletionItem[] {
  const hashes = /^\s*(#{1,6})/.exec(prefix)?.[1];
  const present = new Set(analysis.result.report.sections.map((s) => s.def.id));
  const range = { start: { line: position.line, character: 0 }, end: position };
  return SECTIONS.map((section, i) => {
    const heading = standardHeading(section);
    const newText = `${hashes ?? '##'} ${heading}`;
    return {
      label: heading,
      kind: CompletionItemKind.Module,
      detail: present.has(section.id) ? undefined : say(analysis.settings.locale, '本报告缺少此节', 'missing from this report'),
      sortText: String(i),
      filterText: hashes ? newText : heading,
      textEdit: { range, newText },
    };
  });
}

/** Standard row labels inside a table's label cells; the standard section headings at the start of a line. */
export function completions(analysis: Analysis, position: Position): CompletionItem[] {
  const { document } = analysis;
  const prefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
  if (/[|｜]/.test(prefix)) return rowLabelItems(analysis, position, prefix);
  if (/^\s*(#{1,6}\s*)?[^\s#]{0,20}$/.test(prefix)) return headingItems(analysis, position, prefix);
  return [];
}
