import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { README, regenerate } from '../../scripts/docs';
import { RULES } from '../../server/src/core';

it('README’s rule list and standard tables are generated from the code and up to date (npm run docs)', () => {
  const readme = readFileSync(README, 'utf8');
  assert.equal(regenerate(readme), readme);
  for (const rule of RULES) assert.ok(readme.includes(`<a id="${rule.id}"></a>`), `anchor for ${rule.id}`);
});
