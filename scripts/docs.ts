// Writes the parts of the documentation and of the extension manifest that derive from the code: the rule list in
// README.md (from the rule modules), the standard tables in docs/format.md and the edition choices (from the
// standard's data). `npm run docs` rewrites them; a test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  configJsonSchema,
  EDITION_IDS,
  EDITIONS,
  editionYears,
  fullRowLabel,
  RULES,
  SECTIONS,
  standardHeading,
  type TableDef,
} from '../server/src/core';
import { CONFIG_SECTION } from '../server/src/shared/protocol';
import { EDITION_CHOICES, severitySetting } from '../server/src/shared/settings';

const ROOT = join(__dirname, '..');
export const README = join(ROOT, 'README.md');
/** The draft format and the standard, for readers who want the detail. */
export const FORMAT = join(ROOT, 'docs', 'format.md');
export const MANIFEST = join(ROOT, 'package.json');
/** The manifest's strings, English and Chinese. */
export const NLS = { en: join(ROOT, 'package.nls.json'), zh: join(ROOT, 'package.nls.zh-cn.json') } as const;
type NlsLocale = keyof typeof NLS;
/** The JSON Schema of `.govreport.json(c)`, from the zod schema (the manifest's jsonValidation names it). */
export const CONFIG_SCHEMA = join(ROOT, 'schemas', 'govreport.schema.json');
type Json = Record<string, any>;

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
      const rowText =
        labels.length === 0
          ? 'one row of values'
          : labels.length <= 3
            ? labels.join('; ')
            : `${labels.length} rows, ${labels[0]} … ${labels[labels.length - 1]}`;
      return `| ${name} | ${rowText} | ${columnList(t.columns)} |`;
    });
    parts.push(['| table | rows | value columns |', '|---|---|---|', ...rows].join('\n'));
  });
  return parts.join('\n\n');
}

/** Each generated block: the file it lives in and what it holds. */
export const GENERATED: Record<string, { file: string; build: () => string }> = {
  rules: { file: README, build: rulesSection },
  standard: { file: FORMAT, build: standardSection },
};

/** A document (`file` says which) with each of its generated blocks rebuilt. */
export function regenerate(text: string, file: string): string {
  let out = text;
  for (const [name, { build }] of Object.entries(GENERATED).filter(([, block]) => block.file === file)) {
    const pattern = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(out)) throw new Error(`${relative(ROOT, file)} has no <!-- generated:${name} --> block`);
    out = out.replace(pattern, (_, open: string, close: string) => `${open}${build()}\n${close}`);
  }
  return out;
}

const EDITION_KEY = `${CONFIG_SECTION}.config.edition`;
const RULE_KEY = `${CONFIG_SECTION}.config.rules`;

/** package.json with its generated configuration entries: the edition choices and one severity entry per rule. */
export function regenerateManifest(manifest: Json): Json {
  const out = structuredClone(manifest);
  const properties = out.contributes.configuration.properties;
  Object.assign(properties[`${CONFIG_SECTION}.edition`], {
    enum: EDITION_CHOICES,
    enumDescriptions: EDITION_CHOICES.map((choice) => `%${EDITION_KEY}.${choice}%`),
  });
  properties[`${CONFIG_SECTION}.rules`].properties = Object.fromEntries(
    RULES.map((r) => [
      r.id,
      { type: 'string', enum: severitySetting.options, default: r.severity, markdownDescription: `%${RULE_KEY}.${r.id}%` },
    ]),
  );
  return out;
}

function editionChoices(locale: NlsLocale): Record<string, string> {
  const byYear = EDITION_IDS.map((id) => {
    const { from, to } = editionYears(id);
    if (locale === 'en') return to ? `${id} for ${from === to ? from : `${from}–${to}`}` : `${id} from ${from} on`;
    return to ? `${from === to ? from : `${from}—${to}`} 年用 ${id} 版` : `${from} 年起用 ${id} 版`;
  });
  const auto = locale === 'en' ? `From the report year (${byYear.join(', ')}).` : `按报告年度确定（${byYear.join('，')}）。`;
  return Object.fromEntries([['auto', auto], ...EDITIONS.map((e) => [e.id, e.document])].map(([k, v]) => [`${EDITION_KEY}.${k}`, v]));
}

function ruleDescriptions(locale: NlsLocale): Record<string, string> {
  return Object.fromEntries(
    RULES.map((r) => [
      `${RULE_KEY}.${r.id}`,
      locale === 'en' ? `${r.description.en} (default: \`${r.severity}\`)` : `${r.description.zh}（默认：\`${r.severity}\`）`,
    ]),
  );
}

/** A package.nls file with its generated strings put in place of the old ones (the hand-written ones kept in order). */
export function regenerateNls(nls: Record<string, string>, locale: NlsLocale): Record<string, string> {
  const groups = [
    { prefix: `${EDITION_KEY}.`, strings: editionChoices(locale) },
    { prefix: `${RULE_KEY}.`, strings: ruleDescriptions(locale) },
  ];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(nls)) {
    const group = groups.find((g) => key.startsWith(g.prefix));
    if (group) Object.assign(out, group.strings);
    else out[key] = value;
  }
  for (const group of groups) Object.assign(out, group.strings);
  return out;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every generated file: its path and what it should hold, given what it holds now. */
export const GENERATED_FILES: { file: string; build: (current: string) => string }[] = [
  ...[...new Set(Object.values(GENERATED).map((block) => block.file))].map((file) => ({
    file,
    build: (current: string) => regenerate(current, file),
  })),
  { file: CONFIG_SCHEMA, build: () => json(configJsonSchema()) },
  { file: MANIFEST, build: (current) => json(regenerateManifest(JSON.parse(current))) },
  ...(Object.keys(NLS) as NlsLocale[]).map((locale) => ({
    file: NLS[locale],
    build: (current: string) => json(regenerateNls(JSON.parse(current), locale)),
  })),
];

if (require.main === module) {
  for (const { file, build } of GENERATED_FILES) writeFileSync(file, build(readFileSync(file, 'utf8')));
  console.log(`${GENERATED_FILES.map(({ file }) => relative(ROOT, file)).join(', ')}: generated parts updated`);
}
