import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Diagnostic, ErrorCodes, type Hover, ResponseError } from 'vscode-languageserver-protocol';
import { Requests } from '../../server/src/shared/protocol';
import { Session } from './harness';
import { CLEAN, MISTAKES } from './drafts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

/** The line of the review table's figures in MISTAKES (its 总计 of 行政复议 is 6 where the terms make 5). */
const REVIEW_LINE = MISTAKES.split('\n').findIndex((l) => l.startsWith('| 3 | 1 | 0 | 1 | 6 |'));
const REVIEW_TOTAL = { line: REVIEW_LINE, character: '| 3 | 1 | 0 | 1 | '.length };

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('the request was answered, not refused');
}

describe('language server trust', () => {
  test('a failed workspace/configuration answer is not kept: defaults apply, and the next check asks again', async () => {
    const session = await Session.start({ settings: { rules: { 'review-total': 'off' } } });
    try {
      let failures = 1;
      const answer = session.configuration;
      session.configuration = (params) =>
        failures-- > 0 ? new ResponseError(ErrorCodes.InternalError, 'settings unavailable') : answer(params);
      const uri = 'file:///t/failed.report.md';
      session.open(uri, MISTAKES);
      const first = await session.diagnosticsFor(uri, 1);
      assert.ok(codes(first.diagnostics).includes('review-total'), 'checked with the defaults while the settings failed');
      const changed = session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      const second = await session.diagnosticsFor(uri, changed.version);
      assert.ok(!codes(second.diagnostics).includes('review-total'), 'the settings answered later apply without a configuration change');
    } finally {
      await session.stop();
    }
  });

  test('a client that never answers workspace/configuration: diagnostics and hover come with the defaults', async () => {
    const session = await Session.start();
    try {
      session.configuration = () => new Promise(() => undefined);
      const uri = 'file:///t/silent.report.md';
      session.open(uri, MISTAKES);
      const { diagnostics } = await session.diagnosticsFor(uri, 1, 8000);
      assert.ok(codes(diagnostics).includes('review-total'));
      const hover = await Promise.race([
        session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: REVIEW_TOTAL }),
        sleep(8000).then(() => 'no answer'),
      ]);
      assert.notEqual(hover, 'no answer');
      assert.match(((hover as Hover).contents as { value: string }).value, /表中为 6，应为 5/);
    } finally {
      await session.stop();
    }
  });

  test('a late configuration answer replaces the defaults it was waited for with', async () => {
    const session = await Session.start({ settings: { rules: { 'review-total': 'off' } } });
    try {
      const answer = session.configuration;
      session.configuration = (params) => sleep(3000).then(() => answer(params));
      const uri = 'file:///t/late.report.md';
      session.open(uri, MISTAKES);
      const first = await session.diagnosticsFor(uri, 1, 8000);
      assert.ok(codes(first.diagnostics).includes('review-total'), 'the defaults meanwhile');
      await session.waitFor(
        () => session.diagnostics.filter((d) => d.uri === uri).length > 1,
        8000,
        'a second publish once the settings arrive',
      );
      const last = session.diagnostics.filter((d) => d.uri === uri).at(-1)!;
      assert.equal(last.version, 1);
      assert.ok(!codes(last.diagnostics).includes('review-total'));
    } finally {
      await session.stop();
    }
  });

  test('the same version sent again with other text is checked again, and old fixes are not offered for it', async () => {
    const session = await Session.start();
    try {
      const uri = 'file:///t/same-version.report.md';
      const opened = session.open(uri, MISTAKES);
      const before = await session.diagnosticsFor(uri, 1);
      const review = before.diagnostics.find((d) => d.code === 'review-total')!;
      assert.ok(review);
      // A client that does not count versions: the whole text replaced, under version 1 again.
      const fixed = MISTAKES.replace('| 3 | 1 | 0 | 1 | 6 |', '| 3 | 1 | 0 | 1 | 5 |');
      assert.notEqual(fixed, MISTAKES);
      void session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: opened.version },
        contentChanges: [{ text: fixed }],
      });
      await session.waitFor(
        () => session.diagnostics.filter((d) => d.uri === uri).some((d, i) => i > 0 && !codes(d.diagnostics).includes('review-total')),
        8000,
        'diagnostics of the new text',
      );
      const actions = await session.request<unknown[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: review.range,
        context: { diagnostics: [review], only: ['quickfix'] },
      });
      assert.ok(
        !actions.some((a) => (a as { isPreferred?: boolean }).isPreferred),
        'the fix computed for the old text is not offered for the new one',
      );
    } finally {
      await session.stop();
    }
  });

  test('an error reply carries a message, not a stack trace', async () => {
    const session = await Session.start();
    try {
      const error = await rejection(session.request(Requests.newReport.method, { year: 1990, snippet: false }));
      assert.match(error.message, /1990/);
      assert.doesNotMatch(error.message, /\n\s*at |\.js:\d+|\.ts:\d+/);
    } finally {
      await session.stop();
    }
  });

  test('after shutdown every request is refused with InvalidRequest, and exit ends the process with 0', async () => {
    const session = await Session.start();
    const uri = 'file:///t/shutdown.report.md';
    session.open(uri, CLEAN);
    await session.diagnosticsFor(uri, 1);
    await session.request('shutdown', null);
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      [Requests.stats.method, {}],
      ['govreport/unknown', {}],
      ['shutdown', null],
    ] as const) {
      const answer = await Promise.race([rejection(session.request(method, params)), sleep(5000).then(() => undefined)]);
      assert.ok(answer, `${method} is answered after shutdown`);
      assert.equal(answer.code, ErrorCodes.InvalidRequest, method);
    }
    void session.connection.sendNotification('exit');
    assert.equal(await Promise.race([session.exited, sleep(5000).then(() => 'still running')]), 0);
    await session.stop();
  });

  test('exit without shutdown ends the process with 1', async () => {
    const session = await Session.start();
    void session.connection.sendNotification('exit');
    assert.equal(await Promise.race([session.exited, sleep(5000).then(() => 'still running')]), 1);
    await session.stop();
  });

  test('hover on a cell in several relations lists each, the failing one first', async () => {
    const session = await Session.start();
    try {
      // One row total raised by one: that row and the 总计 column's （七）总计 fail; the （七）总计 row still adds up.
      const text = CLEAN.replace(/(\| 3\.其他 \| 3 \| 1 \| 0 \| 0 \| 0 \| 0 \| )4 \|/, '$15 |');
      assert.notEqual(text, CLEAN);
      const uri = 'file:///t/hover.report.md';
      session.open(uri, text);
      await session.diagnosticsFor(uri, 1);
      const line = text.split('\n').findIndex((l) => l.includes('（七）总计'));
      const character = text.split('\n')[line].lastIndexOf('149');
      const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      const value = (hover.contents as { value: string }).value;
      const fails = value.indexOf('**（七）总计（总计）**');
      const holds = value.indexOf('**总计（总计）** = 自然人');
      assert.ok(fails >= 0 && holds >= 0, value);
      assert.ok(fails < holds, `the failing relation first:\n${value}`);
      assert.match(value.slice(fails, holds), /✗ 表中为 149，应为 150/);
      assert.match(value.slice(holds), /✓ 与表中数值一致/);

      // A figure that is a term only: the sums it is in, its failing row total first.
      const termLine = text.split('\n').findIndex((l) => l.includes('| 3.其他 | 3 |'));
      const term = await session.request<Hover>('textDocument/hover', {
        textDocument: { uri },
        position: { line: termLine, character: text.split('\n')[termLine].indexOf('| 3 |') + 2 },
      });
      const termValue = (term.contents as { value: string }).value;
      const row = termValue.indexOf('**总计（其他）**');
      const column = termValue.indexOf('**（七）总计（自然人）**');
      assert.ok(row >= 0 && column > row, termValue);
    } finally {
      await session.stop();
    }
  });
});
