import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, directiveComment, parseReport } from '../../server/src/core';

test('the disable comments the editor writes are the ones the parser reads', () => {
  const text = [
    directiveComment('disable', ['period', 'signing-date']),
    directiveComment('disable-next-line', []),
    'x',
    directiveComment('enable', ['period']),
  ].join('\n');
  assert.deepEqual(parseReport(text).directives, [
    { kind: 'disable', rules: ['period', 'signing-date'], line: 0 },
    { kind: 'disable-next-line', rules: [], line: 1 },
    { kind: 'enable', rules: ['period'], line: 3 },
  ]);
});

test('a finding silenced by a written disable-next-line comment is not reported', () => {
  const draft = '# 某某县人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n统计期限为2023年1月1日至2023年12月1日。\n';
  const line = draft.split('\n').findIndex((l) => l.startsWith('统计期限'));
  assert.ok(check(draft).findings.some((f) => f.rule === 'period'));
  const lines = draft.split('\n');
  lines.splice(line, 0, directiveComment('disable-next-line', ['period']));
  assert.ok(!check(lines.join('\n')).findings.some((f) => f.rule === 'period'));
});
