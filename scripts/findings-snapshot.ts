/**
 * The findings of every input we have, as one JSON file: for a change meant to leave behaviour alone (a faster core),
 * the file made on main and the one made on the branch must be byte-identical.
 *
 *     node --import tsx scripts/findings-snapshot.ts OUT.json      # write
 *     cmp base.json OUT.json                                       # compare
 *
 * Inputs: the seeds, the corpus and the other fixtures (web pages, Word files and PDFs through readSource), the real
 * pages of /work/shared/corpus/html where present, the examples, the rule fixtures (with their settings and
 * companion) and generated drafts of every layout, noise and injected error. For each: the findings with their fixes
 * in full, the outline of the report read (title, year, edition, sections, tables, fences) and what `fixAll` makes of it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CheckResult, check, fixAll, notCheckable, readSource, type Report } from '../server/src/core';
import type { Settings } from '../server/src/shared/settings';
import { generateDraft, randomOptions } from '../test/support/generator';
import { readMarkers } from '../test/support/markers';
import { Random } from '../test/support/random';

const ROOT = join(__dirname, '..');
const DRAFTS = Number(process.env.SNAPSHOT_DRAFTS ?? 400);
const READABLE = /\.(md|txt|html?|docx|pdf)$/;

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : READABLE.test(name) ? [path] : [];
    });
}

/** What the parser read, in plain data (no model objects: the table model may change shape without changing this). */
function outline(report: Report) {
  return {
    title: report.title && { text: report.title.text, span: report.title.span, year: report.title.year },
    year: report.year,
    edition: report.edition,
    fences: report.fences,
    period: report.period?.span,
    signingDate: report.signingDate?.span,
    directives: report.directives,
    sections: report.sections.map((s) => ({
      id: s.def.id,
      heading: [s.heading.span, s.heading.textSpan, s.heading.level],
      wording: s.wording,
      span: s.span,
      unread: s.unread,
      tables: s.tables.map((t) => ({
        id: t.def.id,
        edition: t.edition,
        layout: t.layout,
        span: t.span,
        item: t.item && [t.item.text, t.item.span],
        headers: t.headerLabels.map((h) => [h.column.id, h.wording, h.cell.span]),
        rows: t.rows.map((r) => [
          r.def?.id ?? null,
          r.wording ?? null,
          r.span,
          r.label?.span ?? null,
          r.labels.map((c) => [c.text, c.span]),
          r.values.map((c) => [c.text, c.span, c.value, c.missing ?? false]),
          r.extra.map((c) => [c.text, c.span, c.value]),
        ]),
      })),
    })),
  };
}

function entry(name: string, text: string, settings: Partial<Settings> = {}, others: Report[] = [], notes = undefined) {
  const result: CheckResult = check(text, settings, { others, notes });
  const fixed = fixAll(text, settings);
  const unsafe = fixAll(text, settings, { unsafe: true });
  return {
    name,
    chars: text.length,
    findings: result.findings,
    outline: outline(result.report),
    fixAll: { sha: sha(fixed.text), passes: fixed.passes, applied: fixed.applied.map((f) => [f.rule, f.span]) },
    fixAllUnsafe: { sha: sha(unsafe.text), passes: unsafe.passes, applied: unsafe.applied.map((f) => [f.rule, f.span]) },
  };
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node --import tsx scripts/findings-snapshot.ts OUT.json');
  const entries: unknown[] = [];
  const dirs = [
    join(ROOT, 'test', 'fixtures', 'seeds'),
    join(ROOT, 'test', 'fixtures', 'corpus'),
    join(ROOT, 'test', 'fixtures', 'scraped'),
    join(ROOT, 'test', 'fixtures', 'parse'),
    join(ROOT, 'test', 'fixtures', 'docx'),
    join(ROOT, 'test', 'fixtures', 'pdf'),
    join(ROOT, 'examples'),
    '/work/shared/corpus/html',
    '/work/shared/seeds',
  ];
  for (const dir of dirs) {
    const files = filesUnder(dir);
    const documents = await Promise.all(files.map(async (f) => ({ f, doc: await readSource(readFileSync(f), f) })));
    // The reports of one folder are checked together (the checks across reports compare them).
    const reports = documents.map(({ doc }) => check(doc.text).report);
    documents.forEach(({ f, doc }, i) => {
      const name = dir.startsWith(ROOT) ? relative(ROOT, f) : f;
      const unreadable = notCheckable(doc);
      if (unreadable) entries.push({ name, unreadable });
      else entries.push(entry(name, doc.text, {}, [...reports.slice(0, i), ...reports.slice(i + 1)], doc.notes as never));
    });
  }
  const rulesDir = join(ROOT, 'test', 'fixtures', 'rules');
  for (const rule of readdirSync(rulesDir).sort()) {
    for (const file of readdirSync(join(rulesDir, rule)).sort()) {
      if (!/^(pass|fail)-.*\.md$/.test(file) || file.endsWith('.fixed.md')) continue;
      const fixture = readMarkers(readFileSync(join(rulesDir, rule, file), 'utf8'));
      const others = fixture.companion
        ? [check(readFileSync(join(rulesDir, rule, fixture.companion), 'utf8'), fixture.settings).report]
        : [];
      entries.push(entry(`rules/${rule}/${file}`, fixture.text, fixture.settings, others));
    }
  }
  const random = new Random(20261201);
  for (let i = 0; i < DRAFTS; i++) {
    const seed = random.int(1, 1_000_000_000);
    const draft = generateDraft(seed, randomOptions(new Random(seed)));
    entries.push(entry(`draft-${seed}`, draft.text));
  }
  const json = `${JSON.stringify(entries, null, 1)}\n`;
  writeFileSync(out, json);
  console.log(`${entries.length} inputs, ${(json.length / 1e6).toFixed(1)} MB, sha ${sha(json)} → ${out}`);
}

main();
