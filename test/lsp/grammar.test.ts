import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { type IGrammar, INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = join(__dirname, '..', '..');

/** The scopes of each token of a line, keyed by the token's text. */
function scopesOf(grammar: IGrammar, line: string): Map<string, string[]> {
  const { tokens } = grammar.tokenizeLine(line, INITIAL);
  return new Map(tokens.map((t) => [line.slice(t.startIndex, t.endIndex).trim(), t.scopes]));
}

function hasScope(grammar: IGrammar, line: string, text: string, scope: string): boolean {
  return (scopesOf(grammar, line).get(text) ?? []).some((s) => s.startsWith(scope));
}

describe('TextMate grammar text.govreport', () => {
  let grammar: IGrammar;
  before(async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p) => new OnigScanner(p), createOnigString: (s) => new OnigString(s) }),
      // The markdown grammar it embeds comes with VS Code; without it here, the report's own scopes are tested.
      loadGrammar: async (scope) =>
        scope === 'text.govreport'
          ? parseRawGrammar(readFileSync(join(ROOT, 'syntaxes', 'govreport.tmLanguage.json'), 'utf8'), 'govreport.tmLanguage.json')
          : null,
    });
    grammar = (await registry.loadGrammar('text.govreport'))!;
  });

  test('section headings, as markdown headings or plain lines', () => {
    assert.ok(hasScope(grammar, '## 三、收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况', 'entity.name.section'));
    assert.ok(hasScope(grammar, '## 三、收到和处理政府信息公开申请情况', '三、', 'constant.numeric.section'));
    assert.ok(hasScope(grammar, '一、总体情况', '总体情况', 'entity.name.section'));
    // A row label of the Section 三 table written as a plain line is no section heading.
    assert.ok(!hasScope(grammar, '三、本年度办理结果', '本年度办理结果', 'entity.name.section'));
  });

  test('table labels, numbers and total rows', () => {
    const row = '|  |  | 3.危及“三安全一稳定” | 0 | 1,234 | ２２ | 12.5万元 |';
    assert.ok(hasScope(grammar, row, '3.危及“三安全一稳定”', 'entity.name.tag.label'));
    assert.ok(hasScope(grammar, row, '1,234', 'constant.numeric'));
    assert.ok(hasScope(grammar, row, '２２', 'constant.numeric'));
    assert.ok(hasScope(grammar, row, '万元', 'keyword.other.unit'));
    const total = '|  | （七）总计 |  | 118 | 21 |';
    assert.ok(hasScope(grammar, total, '（七）总计', 'keyword.other.total'));
    assert.ok(hasScope(grammar, total, '118', 'meta.table.row.total'));
    assert.ok(hasScope(grammar, total, '118', 'constant.numeric'));
    assert.ok(!hasScope(grammar, row, '0', 'meta.table.row.total'));
  });

  test('the Article 20 item line above a Section 二 table', () => {
    assert.ok(hasScope(grammar, '第二十条第（一）项', '第二十条第（一）项', 'entity.name.type.item'));
  });
});
