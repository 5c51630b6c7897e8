import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatTables } from '../../server/src/lsp/format';

const LF = '# 标题\n\n说明\n\n| 名称 | 数量 |\n|---|---|\n| 行政许可 | 12 |\n\n后文\n';
const ALIGNED = '# 标题\n\n说明\n\n| 名称     | 数量 |\n| -------- | ---- |\n| 行政许可 | 12   |\n\n后文\n';

const format = (text: string) => {
  const document = TextDocument.create('file:///f/draft.md', 'markdown', 1, text);
  return TextDocument.applyEdits(document, formatTables(document));
};

describe('formatting reads lines as the parser does, whatever the line breaks', () => {
  for (const eol of ['\r\n', '\r', '\r\r\n']) {
    it(`${JSON.stringify(eol)}: the table is aligned, the rest kept, the breaks written as the file's`, () => {
      assert.equal(format(LF.replace(/\n/g, eol)), ALIGNED.replace(/\n/g, eol));
    });
  }

  it('CR CR LF lines before a table do not shift the lines formatted (markdown-it counts them twice)', () => {
    const text = `# 标题\r\r\n\r\r\n说明\r\r\n\r\r\n${LF.slice(LF.indexOf('| 名称'))}`;
    assert.equal(format(text), `# 标题\r\r\n\r\r\n说明\r\r\n\r\r\n${ALIGNED.slice(ALIGNED.indexOf('| 名称'))}`);
  });
});
