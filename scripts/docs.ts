// Writes the parts of README.md that derive from the code: the rule list (from the rule modules) and the
// standard tables (from the standard's data). `npm run docs` rewrites them; a test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITIONS, fullRowLabel, RULES, SECTIONS, standardHeading, type TableDef } from '../server/src/core';

export const README = join(__dirname, '..', 'README.md');

function rulesSection(): string {
  const lines = [
    '| 规则 rule | 默认 default | 检查什么 what it finds | 修复 fix |',
    '|---|---|---|---|',
    ...RULES.map(
      (r) =>
        `| <a id="${r.id}"></a>\`${r.id}\` | ${r.severity} | ${r.description.zh}<br>${r.description.en} | ${r.fixDescription ? `${r.fixDescription.zh}<br>${r.fixDescription.en}` : '—'} |`,
    ),
  ];
  return lines.join('\n');
}

/** Columns in runs of one group: `法人或其他组织（商业企业; 科研机构; …）`. */
function columnList(columns: TableDef['columns']): string {
  const runs: { group?: string; labels: string[] }[] = [];
  for (const c of columns) {
    const last = runs[runs.length - 1];
    if (last && last.group === c.group && c.group) last.labels.push(c.label);
    else runs.push({ group: c.group, labels: [c.label] });
  }
  return runs.map((r) => (r.group ? `${r.group}（${r.labels.join('; ')}）` : r.labels[0])).join('; ');
}

function standardSection(): string {
  const parts = [`Sections 部分: ${SECTIONS.map((s) => standardHeading(s)).join(' · ')}`];
  EDITIONS.forEach((edition, i) => {
    const next = EDITIONS[i + 1];
    parts.push(`**${edition.id} edition** (${edition.document}): report years ${edition.firstYear}–${next ? next.firstYear - 1 : ''}`);
    const rows = edition.tables.map((t) => {
      const name = t.item ?? standardHeading(SECTIONS.find((s) => s.id === t.section)!);
      const labels = t.rows.map(fullRowLabel).filter(Boolean);
      const rowText = labels.length === 0 ? 'one row of values' : labels.length <= 3 ? labels.join('; ') : `${labels.length} rows, ${labels[0]} … ${labels[labels.length - 1]}`;
      return `| ${name} | ${rowText} | ${columnList(t.columns)} |`;
    });
    parts.push(['| table | rows | value columns |', '|---|---|---|', ...rows].join('\n'));
  });
  return parts.join('\n\n');
}

export const GENERATED: Record<string, () => string> = { rules: rulesSection, standard: standardSection };

export function regenerate(readme: string): string {
  let out = readme;
  for (const [name, build] of Object.entries(GENERATED)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(out)) throw new Error(`README.md has no <!-- generated:${name} --> block`);
    out = out.replace(pattern, (_, open: string, close: string) => `${open}${build()}\n${close}`);
  }
  return out;
}

if (require.main === module) {
  writeFileSync(README, regenerate(readFileSync(README, 'utf8')));
  console.log('README.md: generated sections updated');
}
