import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lineStartsOf } from '../../server/src/core';
import { blockStructure, plainHeadings } from '../../server/src/core/parse/report';
import { mutateSeed, seedFiles } from '../support/fuzz';
import { generateDraft, randomOptions } from '../support/generator';
import { Random } from '../support/random';

/** Where headings are read without markdown-it, they are the ones markdown-it reads, and no fence is missed. */
function agrees(text: string): boolean {
  const lineStarts = lineStartsOf(text);
  const plain = plainHeadings(text, lineStarts);
  if (!plain) return false;
  const parsed = blockStructure(text, lineStarts, 'markdown-it');
  assert.deepEqual([...plain], [...parsed.headings], JSON.stringify(text.slice(0, 200)));
  assert.deepEqual(parsed.fences, []);
  return true;
}

/** Lines that look like headings, or like something that may hide one, in every position. */
const PIECES = [
  '## 三、收到和处理政府信息公开申请情况',
  '# 标题',
  '   ### 一、总体情况',
  '    ## 四、缩进代码',
  '\t## 制表符缩进',
  '####### 七个井号',
  '#没有空格',
  '##',
  '## ',
  '#\t二、',
  '正文一段。',
  '',
  '---',
  '===',
  '| a | b |',
  '|---|---|',
  '\t12',
  '<!-- govreport-disable row-total -->',
  '<!-- 未闭合的注释',
  '-->',
  '<div>',
  '> 引用',
  '- 列表',
  '* 列表',
  '1. 列表',
  '2) 列表',
  '[链接]: /url',
  '```',
  '~~~',
  '  - ## 列表里的标题',
  '\ufeff## 带 BOM',
  '## 标题 ##',
];

describe('headings read without markdown-it where nothing can hide one', () => {
  it('agree with markdown-it on generated drafts of every layout and line ending', () => {
    let plain = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const text = generateDraft(seed, randomOptions(new Random(seed))).text;
      if (agrees(text)) plain++;
    }
    assert.ok(plain > 100, `only ${plain} of 300 drafts read without markdown-it`);
  });

  it('agree with markdown-it on the seeds and mutations of them', () => {
    const random = new Random(11);
    for (const seed of seedFiles()) {
      agrees(seed.text);
      for (let i = 0; i < 40; i++) agrees(mutateSeed(seed.text, random).text);
    }
  });

  it('agree with markdown-it on lines that look like headings or could hide them, in any order and line ending', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r', '\r\r\n'),
        (lines, eol) => {
          agrees(lines.join(eol));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
