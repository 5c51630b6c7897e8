import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const DIST = join(__dirname, '..', '..', 'dist');

test('the client bundle takes nothing from the core, and client + server stay within 1 MB', () => {
  const { sources } = JSON.parse(readFileSync(join(DIST, 'client.js.map'), 'utf8')) as { sources: string[] };
  const ours = sources.filter((s) => s.includes('server/src/'));
  assert.ok(ours.length > 0, 'the shared protocol is bundled');
  assert.deepEqual(
    ours.filter((s) => !s.includes('server/src/shared/')),
    [],
  );
  const bytes = statSync(join(DIST, 'client.js')).size + statSync(join(DIST, 'server.js')).size;
  assert.ok(bytes <= 1024 * 1024, `${bytes} bytes`);
});
