import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLEAN, run, SEEDS, tempDir, WITH_ERROR, WITH_WARNING } from './cli';

/** A folder with what a region's batch holds: reports, a previous year, a README, a binary file, stray NULs, a GBK draft. */
function mixedBatch(dir: string): void {
  for (let i = 0; i < 40; i++) {
    const draft = [CLEAN, WITH_WARNING, WITH_ERROR][i % 3].replace(/^# (.*)$/m, `# 第${i % 7}县人民政府$1`);
    writeFileSync(join(dir, `${String(i).padStart(2, '0')}.md`), draft);
  }
  writeFileSync(join(dir, '07-previous.md'), CLEAN.replace(/^# (.*)$/m, '# 第0县人民政府$1').replaceAll('2023年', '2022年'));
  writeFileSync(join(dir, 'README.md'), '# 说明\n\n这里是各单位的报告。\n');
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0, 1, 2, 0, 0, 0, 3, 0, 0, 0]));
  writeFileSync(join(dir, 'nul.md'), CLEAN.replace('。', '。\0'));
  copyFileSync(join(SEEDS, '000_62583aa41b8f3eed.txt'), join(dir, 'seed.txt'));
}

describe('check on worker threads', () => {
  for (const format of ['json', 'text', 'sarif', 'summary', 'csv']) {
    it(`writes the same ${format} output, the same stderr and the same status as one thread, in input order`, (t) => {
      const dir = tempDir(t);
      mixedBatch(dir);
      const alone = run(['check', '--format', format, dir, join(dir, 'missing.md')], {
        env: { ...process.env, NO_COLOR: '1', GOVREPORT_WORKERS: '0' },
      });
      const spread = run(['check', '--format', format, dir, join(dir, 'missing.md')], {
        env: { ...process.env, NO_COLOR: '1', GOVREPORT_WORKERS: '2' },
      });
      assert.equal(alone.status, 2);
      assert.match(alone.stderr, /README\.md/);
      assert.match(alone.stderr, /binary\.md/);
      assert.deepEqual(spread, alone);
    });
  }
});
