import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol';
import { renderReport } from '../../server/src/core';
import { Session } from './harness';
import { CLEAN, MISTAKES, find } from './drafts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A draft of about 1 MB (the tables of sections 三 and 四 over and over), whose check takes a while. */
function bigDraft(): string {
  const base = renderReport('2021', 2023);
  const tables = base.slice(base.indexOf('## 三'), base.indexOf('## 五'));
  return base + `\n${tables}`.repeat(Math.ceil(1_000_000 / (tables.length * 3)));
}

describe('document lifecycle', () => {
  test('200 rapid changes: the last publish is for the last version, and versions never go back', async () => {
    const session = await Session.start();
    try {
      const uri = 'file:///l/rapid.report.md';
      session.open(uri, MISTAKES);
      await session.diagnosticsFor(uri, 1);
      let document = session.documents.get(uri)!;
      const at = document.positionAt(MISTAKES.indexOf('（正文）') >= 0 ? MISTAKES.indexOf('（正文）') : MISTAKES.indexOf('2023年，'));
      for (let i = 0; i < 200; i++) {
        document = session.change(uri, [{ range: { start: at, end: at }, text: i === 199 ? '## 三、重复\n\n' : 'x' }]);
        if (i % 20 === 0) await sleep(5);
      }
      assert.equal(document.version, 201);
      const last = await session.diagnosticsFor(uri, 201);
      assert.ok(
        last.diagnostics.some((d) => d.code === 'section-duplicate'),
        'the findings are those of the last text',
      );
      await sleep(600);
      const mine = session.diagnostics.filter((d) => d.uri === uri);
      assert.equal(mine[mine.length - 1].version, 201);
      const versions = mine.map((d) => d.version!);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
      );
      assert.ok(mine.length < 20, `${mine.length} publishes for 200 changes (debounced)`);
    } finally {
      await session.stop();
    }
  });

  test('a document closed while it is being checked gets no late publish', async () => {
    const session = await Session.start();
    try {
      const uri = 'file:///l/big.report.md';
      const other = 'file:///l/after.report.md';
      session.open(uri, bigDraft());
      await sleep(150);
      session.close(uri);
      // A document opened after the close is checked after the big one (one analysis thread, in order).
      session.open(other, MISTAKES);
      await session.diagnosticsFor(other, 1, 30_000);
      await sleep(300);
      const mine = session.diagnostics.filter((d) => d.uri === uri);
      assert.deepEqual(
        mine.map((d) => d.diagnostics.length),
        [0],
        'only the clearing publish at close',
      );
    } finally {
      await session.stop();
    }
  });

  test('malformed settings: defaults apply and one warning is shown', async () => {
    const session = await Session.start({ settings: { rules: { 'review-total': 'loud', period: 'info' }, markdown: 7, run: 'sometimes' } });
    try {
      for (const name of ['a', 'b', 'c']) session.open(`file:///l/${name}.report.md`, MISTAKES);
      const { diagnostics } = await session.diagnosticsFor('file:///l/c.report.md', 1);
      await session.diagnosticsFor('file:///l/a.report.md', 1);
      await sleep(100);
      assert.equal(find(diagnostics, 'review-total').severity, DiagnosticSeverity.Error, 'the default severity');
      assert.equal(find(diagnostics, 'period').severity, DiagnosticSeverity.Information, 'the valid part is kept');
      const warnings = session.messages.filter((m) => m.type === MessageType.Warning);
      assert.equal(warnings.length, 1, JSON.stringify(session.messages));
      assert.match(warnings[0].message, /rules\.review-total/);
      assert.match(warnings[0].message, /markdown/);
    } finally {
      await session.stop();
    }
  });

  test('settings: a rule turned off, a severity changed, run on save only', async () => {
    const session = await Session.start({ settings: { rules: { 'review-total': 'off', 'label-wording': 'error' }, run: 'onSave' } });
    try {
      const uri = 'file:///l/settings.report.md';
      session.open(uri, MISTAKES);
      const { diagnostics } = await session.diagnosticsFor(uri, 1);
      assert.ok(!diagnostics.some((d) => d.code === 'review-total'));
      assert.equal(find(diagnostics, 'label-wording').severity, DiagnosticSeverity.Error);
      const changed = session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      await sleep(500);
      assert.ok(!session.diagnostics.some((d) => d.uri === uri && d.version === changed.version), 'not checked on type');
      void session.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await session.diagnosticsFor(uri, changed.version);
    } finally {
      await session.stop();
    }
  });

  test('markdown: checked when it looks like a report, left alone otherwise, never with markdown: never', async () => {
    const session = await Session.start();
    try {
      session.open(
        'file:///l/notes.md',
        '# 会议记录\n\n## 一、安装\n\n## 二、配置\n\n## 三、使用\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
        'markdown',
      );
      session.open('file:///l/report.md', MISTAKES, 'markdown');
      const report = await session.diagnosticsFor('file:///l/report.md', 1);
      assert.ok(report.diagnostics.some((d) => d.code === 'review-total'));
      const sections = CLEAN.replace(/^# .*\n/, '');
      session.open('file:///l/untitled.md', sections, 'markdown');
      await session.diagnosticsFor('file:///l/untitled.md', 1);
      assert.ok(!session.diagnostics.some((d) => d.uri === 'file:///l/notes.md'));
      const symbols = await session.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///l/notes.md' } });
      assert.deepEqual(symbols, []);

      session.settings = { markdown: 'never' };
      void session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await session.waitFor(
        () => session.diagnostics.filter((d) => d.uri === 'file:///l/report.md').at(-1)?.diagnostics.length === 0,
        5000,
        'cleared',
      );
    } finally {
      await session.stop();
    }
  });

  test('messages follow the UI language unless govreport.locale is set', async () => {
    const english = await Session.start({ locale: 'en-US' });
    const chosen = await Session.start({ locale: 'en-US', settings: { locale: 'zh-CN' } });
    try {
      english.open('file:///l/en.report.md', MISTAKES);
      chosen.open('file:///l/zh.report.md', MISTAKES);
      assert.match(find((await english.diagnosticsFor('file:///l/en.report.md', 1)).diagnostics, 'review-total').message, /should be 5/);
      assert.match(find((await chosen.diagnosticsFor('file:///l/zh.report.md', 1)).diagnostics, 'review-total').message, /应为 5/);
    } finally {
      await english.stop();
      await chosen.stop();
    }
  });

  test('an editor without workspace/configuration: settings from initializationOptions', async () => {
    const session = await Session.start({
      capabilities: {},
      initializationOptions: { settings: { rules: { period: 'off' } } },
    });
    try {
      session.open('file:///l/plain.report.md', MISTAKES);
      const { diagnostics } = await session.diagnosticsFor('file:///l/plain.report.md', 1);
      assert.ok(!diagnostics.some((d) => d.code === 'period'));
      assert.ok(diagnostics.some((d) => d.code === 'review-total'));
    } finally {
      await session.stop();
    }
  });
});
