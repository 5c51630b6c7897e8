import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'node:test';
import { GENERATED_FILES, MANIFEST, NLS, README, RULE_DOCS } from '../../scripts/docs';
import { RATIONALE } from '../../scripts/rule-rationale';
import { EDITION_IDS, RULES } from '../../server/src/core';

it('README’s rule list has an anchor for every rule (the diagnostics link to it)', () => {
  const readme = readFileSync(README, 'utf8');
  for (const rule of RULES) assert.ok(readme.includes(`<a id="${rule.id}"></a>`), `anchor for ${rule.id}`);
});

for (const { file, build } of GENERATED_FILES) {
  it(`${relative(process.cwd(), file)} holds what npm run docs generates (no hand edits, no drift)`, () => {
    const current = readFileSync(file, 'utf8');
    assert.equal(build(current), current);
  });
}

it('the manifest’s rule entries and edition choices come from the rule modules and the standard', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const { properties } = manifest.contributes.configuration;
  assert.deepEqual(properties['govreport.edition'].enum, ['auto', ...EDITION_IDS]);
  assert.deepEqual(
    Object.keys(properties['govreport.rules'].properties),
    RULES.map((r) => r.id),
  );
  for (const locale of ['en', 'zh'] as const) {
    const nls = JSON.parse(readFileSync(NLS[locale], 'utf8'));
    for (const rule of RULES) {
      const description = rule.description[locale];
      assert.ok(nls[`govreport.config.rules.${rule.id}`].startsWith(description), `${locale}: ${rule.id}`);
    }
    for (const id of EDITION_IDS) assert.ok(nls[`govreport.config.edition.${id}`], `${locale}: edition ${id}`);
  }
});

it('every rule has its page in docs/rules (and no page outlives its rule), shipped with the extension', () => {
  assert.deepEqual(readdirSync(RULE_DOCS).sort(), RULES.map((r) => `${r.id}.md`).sort());
  assert.deepEqual(Object.keys(RATIONALE).sort(), RULES.map((r) => r.id).sort(), 'each rule says why it exists');
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  assert.ok(manifest.files.includes('docs/rules/*.md'));
});

it('a rule page shows the rule failing on its fixture, with its message in each language and the fix applied', () => {
  const page = readFileSync(join(RULE_DOCS, 'label-wording.md'), 'utf8');
  const [zh, en] = page.split('\n## English\n');
  assert.match(zh, /## 为什么\n\n行列标签是格式规定的原文/);
  assert.match(zh, /govreport 在第 \d+ 行报告：\n\n> .*应为/);
  assert.match(zh, /快速修复“.*”之后：/);
  assert.match(en, /govreport reports on line \d+:\n\n> “规范性文件” should read “行政规范性文件”/);
  assert.match(en, /"govreport.rules": \{\n {4}"label-wording": "off"/);
});
