import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { it } from 'node:test';
import { GENERATED_FILES, MANIFEST, NLS, README } from '../../scripts/docs';
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
