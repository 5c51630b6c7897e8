import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { Converter } from 'opencc-js/t2cn';
import { TRADITIONAL_FILE, traditionalSource } from '../../scripts/gen-traditional';
import { simplify } from '../../server/src/core/standard/text';

const converter = Converter({ from: 't', to: 'cn' });

test('the table of Traditional characters is generated from the opencc dictionary in use', () => {
  assert.equal(readFileSync(TRADITIONAL_FILE, 'utf8'), traditionalSource());
});

test('simplify converts exactly as opencc does, phrases and characters beyond the BMP included', () => {
  for (const text of ['二〇二三年度報告', '一目瞭然', '反覆核對', '不瞭解情況', '政府信息公開', '𠕇𠕇', '總計：１２', 'plain ascii']) {
    assert.equal(simplify(text), converter(text), text);
  }
  const pieces = ['報', '告', '一', '目', '瞭', '然', '反', '覆', '政', '府', '𠕇', '年', '2', ' ', '｜', '藉', '口', '以', '免'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (chars) => {
      const text = chars.join('');
      assert.equal(simplify(text), converter(text));
    }),
    { numRuns: 2000 },
  );
});

test('Simplified text comes back as it is', () => {
  const text = '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。';
  assert.equal(simplify(text), text);
  assert.equal(converter(text), text);
});
