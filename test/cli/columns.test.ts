import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { displayWidth } from '../../server/src/shared/width';
import { CLEAN, run, tempDir } from './cli';

test('text output: the rule column lines up when a quoted label holds a combining mark (it takes no column)', (t) => {
  const file = join(tempDir(t), 'marks.md');
  writeFileSync(file, CLEAN.replace('危及', '危\u0301机').replace('维持', '维特'));
  const { stdout } = run(['check', file]);
  const lines = stdout.split('\n').filter((l) => l.endsWith('label-wording'));
  assert.equal(lines.length, 2, stdout);
  assert.ok(lines[0].includes('\u0301'));
  const ruleColumns = lines.map((l) => displayWidth(l.slice(0, l.lastIndexOf('label-wording'))));
  assert.equal(ruleColumns[0], ruleColumns[1], stdout);
});
