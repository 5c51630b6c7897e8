import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { displayWidth } from '../../server/src/shared/width';
import { Session } from './harness';
import { MISTAKES, positionOf } from './drafts';

describe('hover, outline, folding, formatting, completion', () => {
  let session: Session;
  const uri = 'file:///f/mistakes.report.md';
  let document: TextDocument;
  before(async () => {
    session = await Session.start();
    document = session.open(uri, MISTAKES);
    await session.diagnosticsFor(uri, 1);
  });
  after(() => session.stop());

  const hoverAt = (position: { line: number; character: number }) =>
    session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  test('hover on a total cell: the formula, its terms and the computed value', async () => {
    const line = MISTAKES.split('\n').findIndex((l) => l.startsWith('| 3 | 1 | 0 | 1 | 6 |'));
    const hover = await hoverAt({ line, character: '| 3 | 1 | 0 | 1 | '.length });
    const text = (hover!.contents as { value: string }).value;
    assert.match(text, /总计（行政复议）\*\* = 结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结/);
    assert.match(text, /= 3 \+ 1 \+ 0 \+ 1 = \*\*5\*\*/);
    assert.match(text, /表中为 6，应为 5/);
    assert.equal(document.getText(hover!.range!), '6');
  });

  test('hover on the (七) total of a column that holds', async () => {
    const line = MISTAKES.split('\n').findIndex((l) => l.includes('（七）总计'));
    const hover = await hoverAt({ line, character: MISTAKES.split('\n')[line].indexOf('| 21 ') + 2 });
    const text = (hover!.contents as { value: string }).value;
    assert.match(text, /（七）总计（商业企业）\*\* = （一）予以公开 \+ （二）部分公开/);
    assert.match(text, /（三）1\.属于国家秘密/);
    assert.match(text, /= 12 \+ 2 \+ 0 \+ 0 \+ 0 \+ 1 \+ /);
    assert.match(text, /= \*\*21\*\*/);
    assert.match(text, /✓/);
  });

  test('hover on a row label: the standard wording and edition', async () => {
    const hover = await hoverAt(positionOf(document, '3.危机', 2));
    const text = (hover!.contents as { value: string }).value;
    assert.match(text, /标准行\*\*：三、本年度办理结果 › （三）不予公开 › 3\.危及“三安全一稳定”/);
    assert.match(text, /2021 版（国办公开办函〔2021〕30号）/);
    assert.match(text, /此处写法与标准不同/);
  });

  test('document symbols: the title, the sections and their tables', async () => {
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        '某某县人民政府2023年政府信息公开工作年度报告',
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '六、其他需要报告的事项',
      ],
    );
    assert.deepEqual(
      symbols[2].children!.map((c) => c.name),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
    assert.equal(symbols[3].children!.length, 1);
    assert.equal(document.getText(symbols[3].selectionRange), '三、收到和处理政府信息公开申请情况');
  });

  test('folding: one range per section, from its heading to its last line', async () => {
    const ranges = await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = MISTAKES.split('\n');
    const sections = ranges.filter((r) => r.kind === 'region');
    assert.equal(sections.length, 5);
    const three = sections.find((r) => lines[r.startLine].startsWith('## 三、'))!;
    assert.ok(lines[three.endLine].startsWith('| 四、结转下年度继续办理'));
  });

  test('formatting aligns pipe tables by display width, and formatting twice changes nothing more', async () => {
    const formatUri = 'file:///f/format.report.md';
    const messy = MISTAKES.replace(/---:/g, ':-:').replace(/ \| /g, '|');
    let formatted = session.open(formatUri, messy);
    const format = () =>
      session.request<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri: formatUri },
        options: { tabSize: 2, insertSpaces: true },
      });
    const first = await format();
    assert.ok(first.length >= 6);
    formatted = session.apply(formatUri, first);
    const text = formatted.getText();
    const tables = text
      .split(/\n(?!\|)/)
      .map((block) => block.split('\n').filter((l) => l.startsWith('|')))
      .filter((t) => t.length > 1);
    assert.equal(tables.length, 6);
    for (const table of tables) assert.equal(new Set(table.map(displayWidth)).size, 1, table.join('\n'));
    assert.deepEqual(await format(), []);
    assert.match(text, /\| :-+: \|/, 'alignment colons are kept');
  });

  test('formatting reads full-width ｜ as the parser does: the row is split into its cells and aligned', async () => {
    const formatUri = 'file:///f/fullwidth.report.md';
    const opened = session.open(formatUri, '# 标题\n\n| 名称 | 数量 |\n|---|---|\n| 行政许可 | 12 |\n｜行政处罚｜3｜\n');
    const edits = await session.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: formatUri },
      options: { tabSize: 2, insertSpaces: true },
    });
    const lines = session
      .apply(formatUri, edits)
      .getText()
      .split('\n')
      .filter((l) => l.startsWith('|'));
    assert.equal(lines.length, 4, opened.getText());
    assert.equal(new Set(lines.map(displayWidth)).size, 1, lines.join('\n'));
    assert.match(lines[3], /^\| 行政处罚 +\| 3 +\|$/);
  });

  test('completion: standard row labels inside a table’s label cell', async () => {
    const line = MISTAKES.split('\n').findIndex((l) => l.startsWith('|  |  | 2.其他法律行政法规禁止公开'));
    const items = await session.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 6 },
    });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('（一）予以公开'));
    assert.ok(labels.includes('3.危及“三安全一稳定”'));
    assert.ok(labels.includes('四、结转下年度继续办理'));
    const outside = await session.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: MISTAKES.split('\n')[line].indexOf('| 0') + 2 },
    });
    assert.deepEqual(outside, [], 'no labels offered in a value cell');
  });

  test('completion: the standard section headings at the start of a line, the missing one marked', async () => {
    const completionUri = 'file:///f/complete.report.md';
    const text = `${MISTAKES.replace('## 六、', '##\n\n## 六、')}`;
    const opened = session.open(completionUri, text);
    const at = positionOf(opened, '##\n\n## 六、', 2);
    const items = await session.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: completionUri },
      position: at,
    });
    assert.equal(items.length, 6);
    const five = items.find((i) => i.label === '五、存在的主要问题及改进情况')!;
    assert.equal((five.textEdit as TextEdit).newText, '## 五、存在的主要问题及改进情况');
    assert.equal(five.detail, '本报告缺少此节');
  });
});
