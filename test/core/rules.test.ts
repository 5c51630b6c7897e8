import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, fixAll, type Report, type Rule, type RuleContext, RULES } from '../../server/src/core';
import { readSettings } from '../../server/src/shared/settings';
import { type Expectations, lineOf, readMarkers } from '../support/markers';

const ROOT = join(__dirname, '..', 'fixtures', 'rules');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** The fixtures of a rule: `pass-*.md` and `fail-*.md` (not their `.fixed.md` snapshots, not companion reports). */
function fixturesOf(rule: string): string[] {
  return readdirSync(join(ROOT, rule))
    .filter((f) => /^(pass|fail)-.*\.md$/.test(f) && !f.endsWith('.fixed.md'))
    .sort();
}

function readFixture(rule: string, file: string): Expectations & { others: Report[] } {
  const fixture = readMarkers(readFileSync(join(ROOT, rule, file), 'utf8'));
  const others = fixture.companion ? [check(readFileSync(join(ROOT, rule, fixture.companion), 'utf8'), fixture.settings).report] : [];
  return { ...fixture, others };
}

/** Runs `run` with `rule.check` recording the contexts it is given. */
function contextsSeenBy(rule: Rule, run: () => void): RuleContext[] {
  const seen: RuleContext[] = [];
  const original = rule.check;
  rule.check = (report, context) => {
    seen.push(context);
    return original.call(rule, report, context);
  };
  try {
    run();
  } finally {
    rule.check = original;
  }
  return seen;
}

describe('rule fixtures (inline {{rule}} markers, a govreport-fixture header for settings and a companion)', () => {
  it('every rule has fixtures that pass and fixtures that fail', () => {
    for (const rule of RULES) {
      const files = fixturesOf(rule.id);
      assert.ok(
        files.some((f) => f.startsWith('pass-')),
        `${rule.id}: no pass- fixture`,
      );
      assert.ok(
        files.some((f) => f.startsWith('fail-')),
        `${rule.id}: no fail- fixture`,
      );
    }
  });

  it('every file of a rule’s folder is a fixture, the snapshot of a fail- fixture, or a companion one names', () => {
    for (const rule of RULES) {
      const fixtures = fixturesOf(rule.id);
      const known = new Set([
        ...fixtures,
        ...fixtures.filter((f) => f.startsWith('fail-')).map((f) => f.replace(/\.md$/, '.fixed.md')),
        ...fixtures.flatMap((f) => readFixture(rule.id, f).companion ?? []),
      ]);
      assert.deepEqual(
        readdirSync(join(ROOT, rule.id)).filter((f) => !known.has(f)),
        [],
        rule.id,
      );
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      for (const file of fixturesOf(rule.id)) {
        it(file, () => {
          const { text, expected, settings, companion, others } = readFixture(rule.id, file);
          assert.equal(file.startsWith('fail-'), expected.length > 0, 'fail- fixtures carry markers, pass- fixtures none');
          let found: string[] = [];
          const contexts = contextsSeenBy(rule, () => {
            found = check(text, settings, { others })
              .findings.filter((f) => f.rule === rule.id)
              .map((f) => `${lineOf(text, f.span.start)}:${f.rule}`)
              .sort();
          });
          assert.deepEqual(found, expected);
          const severity = settings.rules?.[rule.id];
          assert.equal(contexts.length, severity === 'off' ? 0 : 1, 'a rule turned off is not run');
          for (const context of contexts) {
            assert.deepEqual(context.settings, readSettings(settings).settings, 'the fixture’s settings reach the rule');
            assert.deepEqual(
              context.others.map((r) => r.text),
              companion ? [readFileSync(join(ROOT, rule.id, companion), 'utf8')] : [],
              'the companion reaches the rule as one of the other reports',
            );
          }
        });
      }
    });
  }
});

describe('fixed output of every fail- fixture (snapshot beside it: fail-x.fixed.md; UPDATE_SNAPSHOTS=1 rewrites)', () => {
  for (const rule of RULES) {
    for (const file of fixturesOf(rule.id).filter((f) => f.startsWith('fail-'))) {
      it(`${rule.id}/${file}: every fix applied gives the snapshot, and nothing fixable is left`, () => {
        const { text, settings } = readFixture(rule.id, file);
        const fixed = fixAll(text, settings, { unsafe: true }).text;
        const snapshot = join(ROOT, rule.id, file.replace(/\.md$/, '.fixed.md'));
        if (UPDATE) writeFileSync(snapshot, fixed);
        assert.ok(existsSync(snapshot), `no snapshot ${snapshot}: run UPDATE_SNAPSHOTS=1 npm test`);
        assert.equal(fixed, readFileSync(snapshot, 'utf8'), 'the fixed text differs from the snapshot');
        const left = check(fixed, settings).findings.filter((f) => f.fixes.length > 0);
        assert.deepEqual(
          left.map((f) => `${lineOf(fixed, f.span.start)}:${f.rule}: ${f.message}`),
          [],
        );
        assert.equal(fixAll(fixed, settings, { unsafe: true }).text, fixed, 'fixing again changes nothing');
      });
    }
  }
});

describe('tables are named in the language of the messages', () => {
  it('English findings say “Section 三 table” and the item in English, Chinese ones 第三部分表格', () => {
    const { text, settings } = readFixture('edition-mismatch', 'fail-edition-setting.md');
    const messages = (locale: 'en' | 'zh-CN') =>
      check(text, { ...settings, locale })
        .findings.filter((f) => f.rule === 'edition-mismatch')
        .map((f) => f.message);
    const en = messages('en');
    assert.ok(
      en.some((m) => m.startsWith('The Section 三 table follows the 2021 edition')),
      en.join('\n'),
    );
    assert.ok(
      en.some((m) => m.startsWith('The table of Article 20 item (一) follows the 2021 edition')),
      en.join('\n'),
    );
    assert.ok(
      en.every((m) => !m.includes('第三部分表格') && !m.includes('第二十条')),
      en.join('\n'),
    );
    assert.ok(messages('zh-CN').some((m) => m.startsWith('第三部分表格使用的是2021版格式')));
  });
});
