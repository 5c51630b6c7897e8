import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, fixAll, RULES } from '../../server/src/core';
import { lineOf, readMarkers } from '../support/markers';

const ROOT = join(__dirname, '..', 'fixtures', 'rules');

describe('rule fixtures (inline {{rule}} markers)', () => {
  it('every rule has fixtures that pass and fixtures that fail', () => {
    for (const rule of RULES) {
      const files = readdirSync(join(ROOT, rule.id));
      assert.ok(files.some((f) => f.startsWith('pass-')), `${rule.id}: no pass- fixture`);
      assert.ok(files.some((f) => f.startsWith('fail-')), `${rule.id}: no fail- fixture`);
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const file of readdirSync(join(ROOT, rule.id)).sort()) {
        it(file, () => {
          const { text, expected } = readMarkers(readFileSync(join(ROOT, rule.id, file), 'utf8'));
          assert.equal(file.startsWith('fail-'), expected.length > 0, 'fail- fixtures carry markers, pass- fixtures none');
          const found = check(text)
            .findings.filter((f) => f.rule === rule.id)
            .map((f) => `${lineOf(text, f.span.start)}:${f.rule}`)
            .sort();
          assert.deepEqual(found, expected);
        });
      }
    });
  }
});

describe('fix round trip on every fixture', () => {
  for (const rule of RULES) {
    for (const file of readdirSync(join(ROOT, rule.id)).filter((f) => f.startsWith('fail-'))) {
      it(`${rule.id}/${file}: after all fixes nothing fixable is left`, () => {
        const { text } = readMarkers(readFileSync(join(ROOT, rule.id, file), 'utf8'));
        const fixed = fixAll(text, {}, { unsafe: true }).text;
        const left = check(fixed).findings.filter((f) => f.fixes.length > 0);
        assert.deepEqual(left.map((f) => `${lineOf(fixed, f.span.start)}:${f.rule}: ${f.message}`), []);
        assert.equal(fixAll(fixed, {}, { unsafe: true }).text, fixed, 'fixing again changes nothing');
      });
    }
  }
});
