import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, renderReport, requestFigures } from '../../server/src/core';

const CLEAN = renderReport('2021', 2023);
/** The canonical draft with its Section 三 rows' 总计 cells set (the other cells stay 0: only the 总计 column is read). */
function withTotals(totals: Record<string, string>): string {
  return CLEAN.split('\n')
    .map((line) => {
      const label = Object.keys(totals).find((l) => line.startsWith('|') && line.includes(l));
      return label ? line.replace(/\| 0 \|$/, `| ${totals[label]} |`) : line;
    })
    .join('\n');
}

describe('requestFigures: Section 三 as the review page draws it', () => {
  it('received from row 一, results summed by kind in the standard’s order (（三）不予公开’s reasons together)', () => {
    const text = withTotals({
      本年新收: '12',
      '（一）予以公开': '5',
      '1.属于国家秘密': '2',
      '4.保护第三方合法权益': '3',
      '（七）总计': '10',
    });
    const figures = requestFigures(check(text).report);
    assert.equal(figures?.received, 12);
    assert.deepEqual(figures?.handled, [
      { label: '（一）予以公开', count: 5 },
      { label: '（二）部分公开', count: 0 },
      { label: '（三）不予公开', count: 5 },
      { label: '（四）无法提供', count: 0 },
      { label: '（五）不予处理', count: 0 },
      { label: '（六）其他处理', count: 0 },
    ]);
  });

  it('a figure that cannot be read is not drawn: text in 一 leaves no received count, text in a result no breakdown', () => {
    const words = requestFigures(check(withTotals({ 本年新收: '十二', '（一）予以公开': '5' })).report);
    assert.equal(words?.received, undefined);
    assert.equal(words?.handled?.[0].count, 5);
    const result = requestFigures(check(withTotals({ 本年新收: '12', '2.其他法律行政法规禁止公开': '约3' })).report);
    assert.equal(result?.received, 12);
    assert.equal(result?.handled, undefined);
  });

  it('a report without the Section 三 table has no figures', () => {
    assert.equal(requestFigures(check('# 某某县人民政府2023年政府信息公开工作年度报告\n').report), undefined);
  });
});
