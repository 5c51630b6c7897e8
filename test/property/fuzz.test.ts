import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runFuzz } from '../support/fuzz';

// The short run of `npm run fuzz` (which runs 100,000 cases and saves every failure as a regression fixture).
it('fuzz: 2,000 generated drafts and mutated seeds keep every property', (t) => {
  const result = runFuzz({ cases: 2000, firstSeed: 1, fixesEvery: 4 });
  const known =
    Object.entries(result.known)
      .map(([id, n]) => `${id}×${n}`)
      .join(', ') || 'none';
  t.diagnostic(
    `${result.cases} cases, ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s; known issues met: ${known}; ` +
      `slowest check ${result.slowest.ms.toFixed(1)} ms on ${result.slowest.bytes} bytes`,
  );
  assert.equal(result.cases, 2000);
  assert.deepEqual(
    result.failures.slice(0, 5).map((f) => `${f.truth.origin}\n${f.violations.map((v) => `  ${v.property}: ${v.detail}`).join('\n')}`),
    [],
  );
});
