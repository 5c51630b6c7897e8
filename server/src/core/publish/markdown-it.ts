import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import type { Settings } from '../../shared/settings';
import { check } from '../check';
import type { Table } from '../model';
import { lineAt } from '../parse/text';
import { FindingMarks, renderTableHtml } from './html';
import { tableLayout } from './layout';

export interface GovreportTablesOptions {
  /** The settings the draft is checked with (edition, year, rules, locale of the messages). */
  settings?: Partial<Settings>;
}

/** The index of the `table_close` that closes the table opened at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].type === 'table_open') depth++;
    else if (tokens[i].type === 'table_close' && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/**
 * A markdown-it plugin (`md.use(govreportTables)`, e.g. from VS Code's `extendMarkdownIt`): each standard table of a
 * report draft is rendered as published — merged header rows, the 勾稽关系 note in its corner, figures right-aligned —
 * with every wrong cell marked and its message listed below the table. Other markdown is left as it is.
 */
export function govreportTables(md: MarkdownIt, options: GovreportTablesOptions = {}): void {
  md.core.ruler.push('govreport_tables', (state: StateCore) => {
    if (!state.tokens.some((t) => t.type === 'table_open')) return;
    const { report, findings } = check(state.src, options.settings);
    const tables: { first: number; table: Table }[] = report.sections
      .flatMap((s) => s.tables)
      .filter((t) => t.layout === 'markdown')
      .map((table) => ({ first: lineAt(report.lineStarts, table.span.start), table }));
    if (!tables.length) return;
    const marks = new FindingMarks();
    const tokens: Token[] = [];
    for (let i = 0; i < state.tokens.length; i++) {
      const token = state.tokens[i];
      const map = token.map;
      const found = token.type === 'table_open' && map ? tables.find((t) => t.first >= map[0] && t.first < map[1]) : undefined;
      if (!found) {
        tokens.push(token);
        continue;
      }
      const html = new state.Token('html_block', '', 0);
      html.block = true;
      html.map = map;
      html.level = token.level;
      html.content = renderTableHtml(tableLayout(found.table, findings), marks, { caption: false });
      tokens.push(html);
      i = closing(state.tokens, i);
    }
    state.tokens = tokens;
  });
}
