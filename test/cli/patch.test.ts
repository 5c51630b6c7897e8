import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPatch } from 'diff';
import { singleHunkPatch, unifiedDiff } from '../../server/src/cli/patch';

// The one-hunk patch stands in for the line diff where that would take too long (huge files changed all over).
const CASES: [string, string, string][] = [
  ['two changes apart', 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n', 'a\nb\nc\nX\ne\nf\nY\nh\ni\nj\n'],
  ['no final line break, changed', 'a\nb', 'a\nc'],
  ['final line break added', 'a\nb', 'a\nb\n'],
  ['from empty', '', 'x\n'],
  ['to empty', 'x\n', ''],
  ['line inserted first', '1\n2\n3\n4\n5\n', '0\n1\n2\n3\n4\n5\n'],
  ['line appended without a break', '1\n2\n3\n4\n5\n', '1\n2\n3\n4\n5\n6'],
  ['CRLF lines', 'a\r\nb\r\nc\r\n', 'a\r\nB\r\nc\r\n'],
];

describe('dry-run patches', () => {
  for (const [name, before, after] of CASES) {
    it(`${name}: both the line diff and the one-hunk fallback apply to give the new text`, () => {
      assert.equal(applyPatch(before, unifiedDiff('f.md', before, after)), after);
      const single = singleHunkPatch('f.md', before, after);
      assert.match(single, /^--- f\.md\n\+\+\+ f\.md\n@@ /);
      assert.equal((single.match(/^@@/gm) ?? []).length, 1);
      assert.equal(applyPatch(before, single), after);
    });
  }

  it('the one-hunk fallback keeps three lines of context around the changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `${i}\n`).join('');
    const after = before.replace('10\n', 'ten\n');
    assert.equal(singleHunkPatch('f.md', before, after), '--- f.md\n+++ f.md\n@@ -8,7 +8,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n');
  });
});
