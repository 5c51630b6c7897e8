import { readFileSync } from 'node:fs';
import { parseReport } from '../server/src/core/parse/report';
const text = readFileSync(process.argv[2], 'utf8');
const r = parseReport(text);
console.log('title', r.title?.text, r.year, r.edition, 'period', r.period && [r.period.start.year, r.period.end.month, r.period.end.day], 'sign', r.signingDate && [r.signingDate.year, r.signingDate.month, r.signingDate.day]);
for (const s of r.sections) {
  console.log('SECTION', s.def.id, s.wording, JSON.stringify(s.heading.text), 'tables', s.tables.length);
  for (const t of s.tables) {
    console.log('  TABLE', t.def.id, t.edition, t.layout, 'item', t.item?.text, 'headers', t.headerLabels.map(h => h.column.id + (h.wording !== 'standard' ? '!' : '')).join(','));
    for (const row of t.rows) console.log('    ', row.def?.id ?? '??', row.wording ?? '', JSON.stringify(row.labels.map(l => l.text)), row.values.map(v => v.value.kind === 'number' ? v.value.value : v.value.kind === 'blank' ? '_' : 'T:' + v.text).join(' '), row.extra.length ? 'EXTRA ' + row.extra.map(e => e.text) : '');
  }
}
