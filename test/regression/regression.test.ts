/**
 * Every failure the fuzzer or the property tests ever found, kept as a fixture in test/regression/fixtures/:
 * - `<name>.md` + `<name>.json` (`present` / `absent` findings by rule, optionally the text they cover), written by hand
 *   when a bug was reported;
 * - `<name>.json` with `linear`: a cost bug, an input that must take linear time;
 * - `fuzz-<seed>.json` (the draft's text and everything known of it), written by `npm run fuzz`.
 * A fixture whose bug is still open (`"status": "open"`) runs as a todo test; set `"status": "fixed"` when it is fixed.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { settledGrowth } from '../support/complexity';
import type { Truth } from '../support/generator';
import { draftViolations, rangeViolations } from '../support/invariants';

const FIXTURES = join(__dirname, 'fixtures');

interface Expectation {
  rule: string;
  /** The text the finding's span covers, where it matters. */
  text?: string;
}

interface HandFixture {
  bug: string;
  status: 'open' | 'fixed';
  about: string;
  present?: Expectation[];
  absent?: Expectation[];
  /** A cost bug: `prefix + unit × n + suffix` (as many lines) must take linear time in n. */
  linear?: { prefix: string; unit: string; n: number; suffix: string; lines?: number };
}

interface FuzzFixture {
  bug?: string;
  status: 'open' | 'fixed';
  /** The violations the fuzzer saw, for people reading the fixture. */
  found: string[];
  truth: Truth;
}

const covers = (text: string, e: Expectation) => (f: { rule: string; span: { start: number; end: number } }) =>
  f.rule === e.rule && (e.text === undefined || text.slice(f.span.start, f.span.end) === e.text);

const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('regression fixtures', () => {
  it('there are fixtures to run', () => assert.ok(files.length > 0));

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as HandFixture | FuzzFixture;
    const todo = fixture.status === 'open' ? `open bug ${fixture.bug ?? ''} (/work/notes/bugs.md)` : undefined;
    if ('truth' in fixture) {
      it(`${file}: ${fixture.truth.origin.slice(0, 120)}`, { todo }, () => {
        const violations = draftViolations(fixture.truth, { fixes: true, maxSingleFixes: 50 });
        assert.deepEqual(
          violations.map((v) => `${v.property}: ${v.detail}`),
          [],
        );
      });
    } else if (fixture.linear) {
      const { prefix, unit, n, suffix, lines = 1 } = fixture.linear;
      it(`${file}: ${fixture.about}`, { todo }, () => {
        const make = (count: number) => prefix + Array(lines).fill(unit.repeat(count)).join('\n') + suffix;
        const g = settledGrowth(make, n, (text) => check(text));
        assert.ok(g.linear, `n: ${g.small.toFixed(1)} ms, 4n: ${g.large.toFixed(1)} ms (×${g.ratio.toFixed(1)})`);
      });
    } else {
      const text = readFileSync(join(FIXTURES, file.replace(/\.json$/, '.md')), 'utf8');
      it(`${file}: ${fixture.about}`, { todo }, () => {
        const { findings } = check(text);
        assert.deepEqual(rangeViolations(text, findings), []);
        for (const e of fixture.present ?? []) assert.ok(findings.some(covers(text, e)), `${e.rule} expected`);
        for (const e of fixture.absent ?? []) {
          const found = findings.filter(covers(text, e));
          assert.deepEqual(
            found.map((f) => `${f.rule}: ${f.message}`),
            [],
            `no ${e.rule} expected`,
          );
        }
      });
    }
  }
});
