// Writes the parts of the documentation and of the extension manifest that derive from the code: the rule list in
// README.md (from the rule modules), the standard tables in docs/format.md and the edition choices (from the
// standard's data), and one page per rule (docs/rules/<id>.md, shipped with the extension and opened from a
// diagnostic's code link). `npm run docs` rewrites them; a test fails when they are stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ARITHMETIC_RULES,
  applyEdits,
  check,
  configJsonSchema,
  EDITION_IDS,
  EDITIONS,
  editionYears,
  fullRowLabel,
  lineAt,
  type Report,
  type Rule,
  RULES,
  SECTIONS,
  standardHeading,
  type TableDef,
} from '../server/src/core';
import { CONFIG_SECTION } from '../server/src/shared/protocol';
import { EDITION_CHOICES, type Locale, severitySetting } from '../server/src/shared/settings';
import { readMarkers } from '../test/support/markers';
import { RATIONALE } from './rule-rationale';

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
/** One page per rule, named by its id. */
export const RULE_DOCS = join(ROOT, 'docs', 'rules');
const RULE_FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');
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

// Rule pages ------------------------------------------------------------------------------------------------------

/** Lines shown around a finding: its paragraph or table, at most this many lines either side. */
const CONTEXT_LINES = 6;

/** The lines of the block (paragraph, table) around line `at` (0-based), cut to CONTEXT_LINES either side. */
function excerpt(text: string, at: number): string {
  const lines = text.split('\n');
  let [from, to] = [at, at];
  while (from > 0 && lines[from - 1].trim() && at - from < CONTEXT_LINES) from--;
  while (to < lines.length - 1 && lines[to + 1].trim() && to - at < CONTEXT_LINES) to++;
  const shown = lines.slice(from, to + 1);
  if (from > 0 && lines[from - 1].trim()) shown.unshift('…');
  if (to < lines.length - 1 && lines[to + 1].trim()) shown.push('…');
  return shown.join('\n');
}

interface Example {
  file: string;
  before: string;
  line: number;
  message: Record<Locale, string>;
  after?: string;
  fixTitle?: Record<Locale, string>;
}

/** The rule run on its shortest failing fixture: the lines it blames, its message, and those lines once fixed. */
function exampleOf(rule: Rule): Example {
  const dir = join(RULE_FIXTURES, rule.id);
  const files = readdirSync(dir).filter((f) => f.startsWith('fail-') && !f.endsWith('.fixed.md'));
  const sources = files.map((file) => ({ file, source: readFileSync(join(dir, file), 'utf8') }));
  const { file, source } = sources.sort((a, b) => a.source.length - b.source.length || a.file.localeCompare(b.file))[0];
  const fixture = readMarkers(source);
  const others: Report[] = fixture.companion ? [check(readFileSync(join(dir, fixture.companion), 'utf8'), fixture.settings).report] : [];
  const [zh, en] = (['zh-CN', 'en'] as const).map(
    (locale) => check(fixture.text, { ...fixture.settings, locale }, { others }).findings.filter((f) => f.rule === rule.id)[0],
  );
  if (!zh || !en) throw new Error(`${rule.id}: ${file} has no finding of the rule`);
  const { lineStarts } = check(fixture.text, fixture.settings).report;
  const line = lineAt(lineStarts, zh.span.start);
  const example: Example = { file, before: excerpt(fixture.text, line), line: line + 1, message: { 'zh-CN': zh.message, en: en.message } };
  const [fixZh, fixEn] = [zh.fixes[0], en.fixes[0]];
  if (!fixZh || !fixEn) return example;
  const fixed = applyEdits(fixture.text, fixZh.edits);
  const first = Math.min(...fixZh.edits.map((e) => e.start));
  const fixedLine = lineAt(check(fixed, fixture.settings).report.lineStarts, Math.min(first, fixed.length));
  return { ...example, after: excerpt(fixed, fixedLine), fixTitle: { 'zh-CN': fixZh.title, en: fixEn.title } };
}

const SEVERITY_NAMES: Record<string, Record<Locale, string>> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'info' },
};

const fence = (body: string, language = 'markdown') => `\`\`\`${language}\n${body}\n\`\`\``;

function pageIn(locale: Locale, rule: Rule, example: Example): string {
  const zh = locale === 'zh-CN';
  const say = (chinese: string, english: string) => (zh ? chinese : english);
  const text = (m: { zh: string; en: string }) => (zh ? m.zh : m.en);
  const h = zh ? '##' : '###';
  const settings = JSON.stringify({ [`${CONFIG_SECTION}.rules`]: { [rule.id]: 'off' } }, null, 2);
  const config = JSON.stringify({ rules: { [rule.id]: 'off' } }, null, 2);
  const fix = example.after
    ? [say(`快速修复“${example.fixTitle![locale]}”之后：`, `After the quick fix “${example.fixTitle![locale]}”:`), '', fence(example.after)]
    : [];
  const recalculate = ARITHMETIC_RULES.includes(rule.id)
    ? [
        '',
        say(
          '填好各项后，也可以用命令“重新计算合计”（或在表格中按 Ctrl+.）按各项重算本报告的合计：它只改合计，不改任何一项；各项不全或另有合计与现值相符时，保留原数并说明原因。',
          'Once the parts are filled in, the command “Recalculate totals” (or Ctrl+. in a table) sets every total of the report from its parts: it changes totals only, never a part, and leaves a total as written, saying why, where its parts are incomplete or another sum holds with it.',
        ),
      ]
    : [];
  return [
    `${zh ? '#' : '##'} ${say(`规则 \`${rule.id}\``, `Rule \`${rule.id}\``)}`,
    '',
    `${say('默认级别', 'Default severity')}: **${SEVERITY_NAMES[rule.severity][locale]}**`,
    '',
    `${h} ${say('检查什么', 'What it checks')}`,
    '',
    text(rule.description),
    '',
    `${h} ${say('为什么', 'Why')}`,
    '',
    text(RATIONALE[rule.id]),
    '',
    `${h} ${say('不合格的例子', 'An example that fails')}`,
    '',
    fence(example.before),
    '',
    say(`govreport 在第 ${example.line} 行报告：`, `govreport reports on line ${example.line}:`),
    '',
    `> ${example.message[locale]}`,
    '',
    `${h} ${say('修复', 'The fix')}`,
    '',
    rule.fixDescription
      ? text(rule.fixDescription)
      : say(
          '本规则不提供自动修复：请按提示核对原始数据后修改。',
          'This rule offers no automatic fix: check the source figures and correct them.',
        ),
    ...(fix.length ? ['', ...fix] : []),
    ...recalculate,
    '',
    `${h} ${say('如何关闭或调整', 'Switching it off or down')}`,
    '',
    say(
      '在 VS Code 设置（settings.json）中把级别改为 `"off"`（或 `"info"`、`"warning"`、`"error"`）：',
      'In the VS Code settings (settings.json), set its severity to `"off"` (or `"info"`, `"warning"`, `"error"`):',
    ),
    '',
    fence(settings, 'json'),
    '',
    say(
      '或者在报告所在文件夹（或其上级文件夹）的 `.govreport.json` 中，命令行和编辑器都会读取：',
      'Or in `.govreport.json` in the report’s folder (or a folder above it), read by the command line and the editor alike:',
    ),
    '',
    fence(config, 'json'),
    '',
    say(
      `只对某一处：在该行上方写 \`<!-- govreport-disable-next-line ${rule.id} -->\`；对一段：用 \`<!-- govreport-disable ${rule.id} -->\` 与 \`<!-- govreport-enable ${rule.id} -->\` 包围。`,
      `For one place only, write \`<!-- govreport-disable-next-line ${rule.id} -->\` above the line; for a stretch, enclose it in \`<!-- govreport-disable ${rule.id} -->\` and \`<!-- govreport-enable ${rule.id} -->\`.`,
    ),
  ].join('\n');
}

/** A rule's page: Chinese first, English below, from the rule module, its rationale and its first failing fixture. */
export function rulePage(rule: Rule): string {
  const example = exampleOf(rule);
  return [
    `<!-- npm run docs 由规则模块生成，请勿手改 · generated by npm run docs from server/src/core/rules/${rule.id}.ts (example: test/fixtures/rules/${rule.id}/${example.file}) -->`,
    '',
    pageIn('zh-CN', rule, example),
    '',
    '---',
    '',
    '## English',
    '',
    pageIn('en', rule, example).replace(/^## /, '### '),
    '',
  ].join('\n');
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
  ...RULES.map((rule) => ({ file: join(RULE_DOCS, `${rule.id}.md`), build: () => rulePage(rule) })),
];

if (require.main === module) {
  mkdirSync(RULE_DOCS, { recursive: true });
  for (const { file, build } of GENERATED_FILES) writeFileSync(file, build(existsSync(file) ? readFileSync(file, 'utf8') : ''));
  console.log(`${GENERATED_FILES.map(({ file }) => relative(ROOT, file)).join(', ')}: generated parts updated`);
}
