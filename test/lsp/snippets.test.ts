import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EDITIONS, renderReport, renderStandardTable } from '../../server/src/core';

/** What a snippet inserts when every tab stop keeps its default. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\\([\\$}])/g, '$1');
}

const tabStops = (body: string[]) => [...body.join('\n').matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1]));

describe('snippets generated from the standard at build time', () => {
  const file = join(__dirname, '..', '..', 'snippets', 'govreport.code-snippets');
  const snippets: Record<string, { prefix: string[]; body: string[] }> = JSON.parse(readFileSync(file, 'utf8'));

  for (const edition of EDITIONS) {
    for (const def of edition.tables) {
      test(`edition ${edition.id}, ${def.id}: the canonical table with a tab stop on every value cell`, () => {
        const matches = Object.values(snippets).filter(
          (s) => s.prefix[0].startsWith(`gr-${edition.id}-`) && expand(s.body) === renderStandardTable(def),
        );
        assert.equal(matches.length, 1, `one snippet for ${edition.id} ${def.id}`);
        const stops = tabStops(matches[0].body);
        assert.equal(stops.length, def.rows.length * def.columns.length);
        assert.deepEqual(
          stops,
          stops.map((_, i) => i + 1),
        );
      });
    }

    test(`edition ${edition.id}: the whole report, the agency mirrored, tab stops on its value cells`, () => {
      const report = snippets[`${edition.id} 年度报告全文`];
      const text = expand(report.body);
      const year = Number(/(\d{4})年政府信息公开/.exec(text)![1]);
      assert.equal(text, renderReport(edition.id, year, '某某县人民政府'));
      const cells = edition.tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0);
      assert.equal(new Set(tabStops(report.body)).size, 3 + cells);
      assert.ok(report.body.join('\n').split('${1:某某县人民政府}').length === 3, 'agency in the title and the closing');
    });
  }
});
