import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, fixAll, lineAt, lineSpan, lineStartsOf, lineText, parseReport, renderReport } from '../../server/src/core';

const example = (name: string) => readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8');
const clean = example('clean-2021.report.md');
const mistakes = example('mistakes-2021.report.md');

/**
 * Every line break of `text` (all LF) written as `eol`; `mixed` cycles through the kinds (a lone CR only before a
 * line that has text: before an LF it would make CR LF, one break).
 */
function withBreaks(text: string, eol: string): string {
  if (eol !== 'mixed') return text.replace(/\n/g, eol);
  const kinds = ['\r\n', '\r', '\n', '\r\r\n'];
  let i = 0;
  return text.replace(/\n/g, (_, offset: number) => {
    const kind = kinds[i++ % kinds.length];
    return kind === '\r' && text[offset + 1] === '\n' ? '\r\n' : kind;
  });
}

/** What a user sees of the findings: rule, line and column, message. */
function seen(text: string): string[] {
  const { report, findings } = check(text);
  return findings.map((f) => {
    const line = lineAt(report.lineStarts, f.span.start);
    return `${line + 1}:${f.span.start - report.lineStarts[line] + 1} ${f.rule} ${f.message}`;
  });
}

const BREAKS = { CR: '\r', 'CR LF': '\r\n', 'CR CR LF': '\r\r\n', mixed: 'mixed' };

describe('odd line ends are read like LF', () => {
  for (const [name, eol] of Object.entries(BREAKS)) {
    it(`${name}: the same findings, at the same lines and columns, as the LF text`, () => {
      assert.deepEqual(seen(withBreaks(clean, eol)), []);
      const expected = seen(mistakes);
      assert.ok(expected.length >= 8);
      assert.deepEqual(seen(withBreaks(mistakes, eol)), expected);
    });
    it(`${name}: headings sit on the lines markdown counts, and line spans hold no break`, () => {
      const lf = parseReport(mistakes);
      const odd = parseReport(withBreaks(mistakes, eol));
      const lineOf = (r: typeof lf, offset: number) => lineAt(r.lineStarts, offset);
      assert.equal(odd.lineStarts.length, lf.lineStarts.length);
      assert.deepEqual(
        odd.sections.map((s) => [lineOf(odd, s.heading.span.start), s.heading.text]),
        lf.sections.map((s) => [lineOf(lf, s.heading.span.start), s.heading.text]),
      );
      assert.equal(odd.title?.text, lf.title?.text);
      for (let n = 0; n < odd.lineStarts.length; n++) {
        const span = lineSpan(odd.text, odd.lineStarts, n);
        assert.ok(!/[\r\n]/.test(odd.text.slice(span.start, span.end)), `line ${n}`);
      }
    });
    it(`${name}: fix gives the LF result, and what it inserts uses the file's own line break`, () => {
      const fixed = fixAll(withBreaks(mistakes, eol)).text;
      const fixedLf = fixAll(mistakes).text;
      assert.notEqual(fixedLf, mistakes);
      const starts = lineStartsOf(fixed);
      assert.equal(starts.map((_, n) => lineText(fixed, starts, n)).join('\n'), fixedLf);
      if (eol !== 'mixed') assert.equal(fixed.split(eol).length, fixedLf.split('\n').length, 'every break written as the file writes it');
    });
  }

  it('the real seed reports: every kind of line end gives the findings and the fixed text of LF', () => {
    const seeds = join(__dirname, '..', 'fixtures', 'seeds');
    const names = readdirSync(seeds).filter((n) => n.endsWith('.txt'));
    assert.equal(names.length, 5);
    for (const name of names) {
      const lf = readFileSync(join(seeds, name), 'utf8').replace(/\r\n?/g, '\n');
      const fixedLf = fixAll(lf).text;
      for (const eol of Object.values(BREAKS)) {
        const odd = withBreaks(lf, eol);
        assert.deepEqual(seen(odd), seen(lf), `${name}, ${JSON.stringify(eol)}`);
        const fixed = fixAll(odd).text;
        const starts = lineStartsOf(fixed);
        assert.equal(starts.map((_, n) => lineText(fixed, starts, n)).join('\n'), fixedLf, `${name}, ${JSON.stringify(eol)}: fixed`);
      }
    }
  });

  it('a lone CR before a heading line, and CR CR LF before a heading, never throw', () => {
    for (const text of [
      '# 报告\r## 一、总体情况\n',
      '\r# 标题',
      '一、总体情况\r\r\n# 二、主动公开政府信息情况\r\r\n',
      clean.replace('\n## 二', '\r## 二'),
      clean.replace(/\n(?=#)/g, '\r\r\n'),
      `${'\r'.repeat(5)}#\r\r\r\n#`,
    ]) {
      assert.doesNotThrow(() => check(text), JSON.stringify(text.slice(0, 40)));
    }
    const report = parseReport(clean.replace('\n## 二', '\r## 二'));
    assert.equal(report.sections.length, 6);
  });

  it('a CR-only report has its six sections (no false section-missing)', () => {
    const report = renderReport('2021', 2023).replace(/\n/g, '\r');
    assert.deepEqual(
      check(report).findings.map((f) => f.rule),
      [],
    );
  });
});

describe('fenced code is quoted text, never read or fixed', () => {
  const fenced = (fence: string) =>
    `${fence}markdown\n## 三、收到和处理政府信息公开申请情况\n\n| 规章 | 1 | 2 |\n| 危机国家安全 | 0 |\n${fence}\n`;
  for (const fence of ['```', '~~~']) {
    it(`${fence}: headings and tables inside are not part of the report, and fix leaves them alone`, () => {
      const text = clean.replace('## 五、', `${fenced(fence)}\n## 五、`);
      const report = parseReport(text);
      assert.equal(report.sections.length, 6);
      assert.equal(report.sections.filter((s) => s.def.id === 'requests').length, 1);
      assert.deepEqual(
        check(text).findings.map((f) => f.rule),
        [],
      );
      const inside = fenced(fence);
      const broken = text.replace('| 违法违规 |', '| 违法违归 |');
      const fixed = fixAll(broken).text;
      assert.ok(fixed.includes(inside), 'the fenced block is kept byte for byte');
      assert.equal(fixed, text);
    });
  }

  it('fences nested in list items and quotes, some left open, keep every span inside the text', () => {
    for (const block of ['- ```\n```\n', '> - ```\n> ~~~\n', '- ```\r```\n\n```\n', '1. ~~~\n   ```\n']) {
      const text = clean.replace('## 三、', `${block}\n## 三、`);
      const { report, findings } = check(text);
      for (const s of report.sections)
        assert.ok(s.span.end <= text.length, `${JSON.stringify(block)}: ${s.def.id} ends at ${s.span.end} of ${text.length}`);
      for (const e of findings.flatMap((f) => f.fixes.flatMap((x) => x.edits))) assert.ok(e.end <= text.length, JSON.stringify(block));
    }
  });

  it('a fix never edits inside a fence that runs to the end of the text', () => {
    const text = `${clean.replace(/## 六、[\s\S]*$/, '')}\`\`\`\n某某办公室\n`;
    const fixed = fixAll(text).text;
    assert.ok(fixed.endsWith('```\n某某办公室\n'), JSON.stringify(fixed.slice(-80)));
  });
});
