import { type DocumentSymbol, type FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver';
import { lineAt, type Span, standardHeading } from '../core';
import { type Analysis, rangeOf } from './documents';
import { say } from '../shared/i18n';
import { tableLabel } from './snippets';

/** A span without the blank lines at its end (a section's span runs up to the next heading). */
function trimmedEnd(analysis: Analysis, span: Span): Span {
  const { text } = analysis.result.report;
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end: Math.max(end, span.start) };
}

/** Sections with their tables (Outline, breadcrumbs); the title first. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { document, result, settings } = analysis;
  const { report } = result;
  const symbols: DocumentSymbol[] = [];
  if (report.title) {
    const range = rangeOf(document, report.title.span);
    symbols.push({ name: report.title.text, kind: SymbolKind.File, range, selectionRange: rangeOf(document, report.title.textSpan) });
  }
  for (const section of report.sections) {
    const children: DocumentSymbol[] = section.tables.map((table) => {
      const span =
        table.item && table.item.span.start < table.span.start ? { start: table.item.span.start, end: table.span.end } : table.span;
      return {
        name: tableLabel(table.def),
        detail: say(settings.locale, `${table.edition} 版`, `edition ${table.edition}`),
        kind: SymbolKind.Struct,
        range: rangeOf(document, span),
        selectionRange: rangeOf(document, table.item?.span ?? { start: table.span.start, end: table.span.start }),
      };
    });
    const standard = standardHeading(section.def);
    symbols.push({
      name: section.heading.text || standard,
      detail: section.wording === 'standard' ? undefined : standard,
      kind: SymbolKind.Module,
      range: rangeOf(document, trimmedEnd(analysis, section.span)),
      selectionRange: rangeOf(document, section.heading.textSpan),
      children,
    });
  }
  return symbols;
}

/** A fold per section (heading to its last line) and per table. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const { report } = analysis.result;
  const lineOf = (offset: number) => lineAt(report.lineStarts, offset);
  const ranges: FoldingRange[] = [];
  for (const section of report.sections) {
    const end = trimmedEnd(analysis, section.span);
    const first = lineOf(section.heading.span.start);
    const last = lineOf(end.end);
    if (last > first) ranges.push({ startLine: first, endLine: last, kind: FoldingRangeKind.Region });
    for (const table of section.tables) {
      const top = lineOf(table.span.start);
      const bottom = lineOf(table.span.end);
      if (bottom > top) ranges.push({ startLine: top, endLine: bottom });
    }
  }
  return ranges;
}
