import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type EditionId, EDITIONS, type TableDef } from '../server/src/core';
import { reportSnippet, tableLabel, tableSnippet } from '../server/src/lsp/snippets';

/**
 * The VS Code snippets file, made from the core's standard data at build time (esbuild.mjs calls `writeSnippets`
 * into snippets/): it is never edited by hand and has no copy in git, so it cannot drift from the standard.
 */

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

const UNITS = '一二三四五六七八九';

/** The item numeral of Article 20 in digits (`五` → 5, `十五` → 15): items run from 一 to 十五. */
function itemNumber(numeral: string): number {
  const digit = (text: string) => UNITS.indexOf(text) + 1;
  const ten = numeral.indexOf('十');
  if (ten < 0) return digit(numeral);
  const [tens, units] = [numeral.slice(0, ten), numeral.slice(ten + 1)];
  return (tens ? digit(tens) : 1) * 10 + (units ? digit(units) : 0);
}

/** `gr-2021-proactive-1`, `gr-2021-requests`, `gr-2019-appeals`. */
export function tablePrefix(edition: EditionId, def: TableDef): string {
  const [section, item] = def.id.split('.');
  return `gr-${edition}-${section}${item ? `-${itemNumber(item)}` : ''}`;
}

export function snippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const edition of EDITIONS) {
    out[`${edition.id} 年度报告全文`] = {
      prefix: [`gr-${edition.id}-report`],
      body: reportSnippet(edition.id, { cells: true }).split('\n'),
      description: `政府信息公开工作年度报告（${edition.id} 版格式，${edition.document}）/ whole annual report, edition ${edition.id}`,
    };
    for (const def of edition.tables) {
      out[`${edition.id} ${tableLabel(def)}`] = {
        prefix: [tablePrefix(edition.id, def)],
        body: tableSnippet(def).split('\n'),
        description: `标准表格：${tableLabel(def)}（${edition.id} 版）/ standard table, edition ${edition.id}`,
      };
    }
  }
  return out;
}

export function writeSnippets(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(snippets(), null, 2)}\n`);
}
