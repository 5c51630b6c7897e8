import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, afterEach, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckDocumentResult, Requests, type WorkspaceFilesResult } from '../../server/src/shared/protocol';
import { CLEAN, MISTAKES } from './drafts';
import { Session } from './harness';

const CARRY = join(__dirname, '..', 'fixtures', 'rules', 'carry-over');
/** 某某县人民政府 2022: carries 5 and 1 forward where the 2023 example (CLEAN) says 6 and 0 were carried over. */
const DISAGREEING_2022 = readFileSync(join(CARRY, 'companion-2022-disagreeing.md'), 'utf8');
const AGREEING_2022 = readFileSync(join(CARRY, 'companion-2022-agreeing.md'), 'utf8');

const uriOf = (file: string) => pathToFileURL(file).href;
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

/** A fresh folder with these files (path → text or bytes). */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-lsp-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  dirs.push(dir);
  return dir;
}
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The first diagnostics published for `uri` after the first `seen` notifications that pass `test`. */
function published(session: Session, uri: string, seen: number, test: (p: PublishDiagnosticsParams) => boolean = () => true) {
  return session.waitFor(() => session.diagnostics.slice(seen).find((p) => p.uri === uri && test(p)), 15_000, `diagnostics of ${uri}`);
}

describe('the language server reads .govreport.json(c) from the document’s folder upward', () => {
  let session: Session | undefined;
  afterEach(() => session?.stop());

  test('rules turned off and severities changed by the file apply; it wins over the editor settings, rule by rule', async () => {
    const dir = folder({
      '.govreport.json': JSON.stringify({ rules: { 'review-total': 'off', period: 'info' } }),
      'draft.md': MISTAKES,
    });
    session = await Session.start({
      workspaceFolders: [uriOf(dir)],
      settings: { rules: { period: 'error', 'signing-date': 'off' } },
    });
    const uri = uriOf(join(dir, 'draft.md'));
    session.open(uri, MISTAKES, 'markdown');
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    assert.ok(!codes(diagnostics).includes('review-total'), 'turned off by the file');
    assert.ok(!codes(diagnostics).includes('signing-date'), 'turned off by the editor, which the file does not touch');
    assert.equal(diagnostics.find((d) => d.code === 'period')?.severity, 3, 'the file’s info wins over the editor’s error');
    assert.ok(codes(diagnostics).includes('edition-mismatch'));
  });

  test('the nearest file wins: a sub-folder’s .govreport.jsonc over the workspace folder’s .govreport.json', async () => {
    const dir = folder({
      '.govreport.json': JSON.stringify({ rules: { 'review-total': 'off' } }),
      'sub/.govreport.jsonc': '// 本目录的设置\n{ "rules": { "label-wording": "off", }, }\n',
      'top.md': MISTAKES,
      'sub/draft.md': MISTAKES,
    });
    session = await Session.start({ workspaceFolders: [uriOf(dir)] });
    const top = uriOf(join(dir, 'top.md'));
    const nested = uriOf(join(dir, 'sub', 'draft.md'));
    session.open(top, MISTAKES, 'markdown');
    session.open(nested, MISTAKES, 'markdown');
    const atTop = codes((await session.diagnosticsFor(top, 1)).diagnostics);
    const inSub = codes((await session.diagnosticsFor(nested, 1)).diagnostics);
    assert.ok(!atTop.includes('review-total') && atTop.includes('label-wording'), atTop.join());
    // Nearest wins whole (no merging of the two files): review-total is on again in the sub-folder.
    assert.ok(inSub.includes('review-total') && !inSub.includes('label-wording'), inSub.join());
  });

  test('a configuration file created, changed or deleted: the open documents are checked again', async () => {
    const dir = folder({ 'draft.md': MISTAKES });
    session = await Session.start({ workspaceFolders: [uriOf(dir)] });
    const uri = uriOf(join(dir, 'draft.md'));
    const config = join(dir, '.govreport.json');
    session.open(uri, MISTAKES, 'markdown');
    assert.ok(codes((await session.diagnosticsFor(uri, 1)).diagnostics).includes('period'));

    const changed = async (type: 1 | 2 | 3) => {
      const seen = session!.diagnostics.length;
      await session!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type }] });
      return codes((await published(session!, uri, seen)).diagnostics);
    };
    writeFileSync(config, JSON.stringify({ rules: { period: 'off' } }));
    assert.ok(!(await changed(1)).includes('period'), 'created: period off');
    writeFileSync(config, JSON.stringify({ rules: { period: 'warning', 'cell-blank': 'off' } }));
    const now = await changed(2);
    assert.ok(now.includes('period') && !now.includes('cell-blank'), now.join());
    rmSync(config);
    assert.ok((await changed(3)).includes('cell-blank'), 'deleted: the defaults again');
  });

  test('a broken file: a warning in Chinese naming the file and what is wrong, the file left out, no crash', async () => {
    const dir = folder({ '.govreport.json': '{ "rules": { "period": "loud" } ', 'draft.md': MISTAKES });
    session = await Session.start({ workspaceFolders: [uriOf(dir)] });
    const uri = uriOf(join(dir, 'draft.md'));
    session.open(uri, MISTAKES, 'markdown');
    const { diagnostics } = await session.diagnosticsFor(uri, 1);
    assert.equal(diagnostics.find((d) => d.code === 'period')?.severity, 1, 'checked with the editor settings');
    const warning = await session.waitFor(() => session!.messages.find((m) => m.message.includes('.govreport.json')));
    assert.equal(warning.type, 2);
    assert.match(warning.message, /^配置文件 .*\.govreport\.json 有误，已忽略/);
    const onFile = await session.waitFor(() => session!.diagnostics.find((p) => p.uri === uriOf(join(dir, '.govreport.json'))));
    assert.match(onFile.diagnostics[0].message, /配置文件有误/);
    // Still serving: a change is checked.
    session.change(uri, [{ text: CLEAN }]);
    assert.deepEqual((await session.diagnosticsFor(uri, 2)).diagnostics, []);
  });
});

describe('checks across years in the editor: the previous-year report of the same agency in the workspace', () => {
  let session: Session | undefined;
  afterEach(() => session?.stop());

  /** The 2023 example opened in a workspace holding `files`: its carry-over findings once the lookup has answered. */
  async function carryOver(files: Record<string, string | Uint8Array>, config?: object) {
    const dir = folder({ ...files, ...(config && { 'reports/.govreport.json': JSON.stringify(config) }) });
    session = await Session.start({ workspaceFolders: [uriOf(join(dir, 'reports'))] });
    const uri = uriOf(join(dir, 'reports', '2023.md'));
    writeFileSync(join(dir, 'reports', '2023.md'), CLEAN);
    session.open(uri, CLEAN, 'markdown');
    assert.deepEqual((await session.diagnosticsFor(uri, 1)).diagnostics, [], 'checked at once, before any lookup');
    return { dir, uri };
  }

  const carried = (session: Session, uri: string) =>
    published(session, uri, 0, (p) => p.diagnostics.some((d) => d.code === 'carry-over')).then((p) =>
      p.diagnostics.filter((d) => d.code === 'carry-over'),
    );

  test('exactly one 2022 report of 某某县人民政府: both disagreeing columns, each linking to the cell of 2022', async () => {
    const { dir, uri } = await carryOver({ 'reports/2022/报告.md': DISAGREEING_2022, 'reports/README.md': '# 说明\n' });
    const found = await carried(session!, uri);
    const document = TextDocument.create(uri, 'markdown', 1, CLEAN);
    const before = TextDocument.create('', 'markdown', 1, DISAGREEING_2022);
    // 2023 二、上年结转: 6 (自然人… the third column) and 0; 2022 四、结转下年度继续办理: 5 and 1 in those columns.
    assert.deepEqual(
      found.map((d) => [d.range.start.line + 1, document.getText(d.range)]),
      [
        [42, '6'],
        [42, '0'],
      ],
    );
    assert.match(found[0].message, /2022年度报告“2022\/报告\.md”的结转下年度继续办理为 5/);
    const links = found.map((d) => d.relatedInformation?.[0]);
    assert.deepEqual(
      links.map((l) => [l!.location.uri, l!.location.range.start.line + 1, before.getText(l!.location.range)]),
      [
        [uriOf(join(dir, 'reports', '2022', '报告.md')), 65, '5'],
        [uriOf(join(dir, 'reports', '2022', '报告.md')), 65, '1'],
      ],
    );
    assert.equal(links[0]!.message, '比较的数字');
  });

  test('two 2022 reports of the agency make it a guess: no comparison, an info note naming both', async () => {
    const { uri } = await carryOver({ 'reports/a/2022.md': DISAGREEING_2022, 'reports/b/2022.md': DISAGREEING_2022 });
    const found = await carried(session!, uri);
    assert.deepEqual(
      found.map((d) => d.severity),
      [3],
    );
    assert.match(found[0].message, /2022年度的报告有 2 份（“a\/2022\.md”、“b\/2022\.md”），无法确定与哪一份比较/);
    assert.equal(found[0].relatedInformation, undefined);
    assert.ok(!session!.diagnostics.some((p) => p.diagnostics.some((d) => d.code === 'carry-over' && d.severity === 1)));
  });

  test('the configuration names the previous report (outside the workspace folder): it is the one compared with', async () => {
    const { uri } = await carryOver(
      { 'archive/2022.md': DISAGREEING_2022, 'reports/2022.md': AGREEING_2022, 'reports/other-2022.md': AGREEING_2022 },
      { previousReport: '../archive/2022.md' },
    );
    const found = await carried(session!, uri);
    assert.equal(found.length, 2);
    assert.match(found[0].relatedInformation![0].location.uri, /archive\/2022\.md$/);
  });

  test('a previous-year report saved as a GBK .txt is read as the CLI reads it', async () => {
    const { uri } = await carryOver({ 'reports/2022.txt': iconv.encode(DISAGREEING_2022, 'gbk') });
    const found = await carried(session!, uri);
    assert.deepEqual(
      found.map((d) => d.relatedInformation?.[0].location.uri.endsWith('/2022.txt')),
      [true, true],
    );
  });
});

describe('the workspace check walks the folders as the CLI does', () => {
  test('report files of every kind, the ignore file and the configuration’s ignores; GBK .txt and web pages checked', async (t) => {
    const page = `<html><head><meta charset="utf-8"></head><body><h1>某某县人民政府2023年政府信息公开工作年度报告</h1>${'<p>正文</p>'.repeat(3)}</body></html>`;
    const dir = folder({
      '.govreportignore': 'drafts-old/\n',
      '.govreport.json': JSON.stringify({ ignores: ['scratch/**'] }),
      'a.md': MISTAKES,
      'b.txt': iconv.encode(MISTAKES, 'gbk'),
      'page.html': page,
      'notes.json': '{}',
      'drafts-old/old.md': MISTAKES,
      'scratch/x.md': MISTAKES,
      'node_modules/m/readme.md': MISTAKES,
      '.hidden/h.md': MISTAKES,
    });
    const session = await Session.start({ workspaceFolders: [uriOf(dir)] });
    t.after(() => session.stop());
    const listed = await session.request<WorkspaceFilesResult>(Requests.workspaceFiles.method, { folders: [uriOf(dir)] });
    assert.deepEqual(
      listed.files.map((f) => f.slice(uriOf(dir).length + 1)),
      ['a.md', 'b.txt', 'page.html'],
    );
    assert.equal(listed.skipped, 2);
    const gbk = await session.request<CheckDocumentResult>(Requests.checkDocument.method, {
      uri: uriOf(join(dir, 'b.txt')),
      languageId: 'plaintext',
    });
    assert.deepEqual(gbk, { checked: true, problems: 9 });
    const diagnostics = await session.waitFor(() => session.diagnostics.find((p) => p.uri === uriOf(join(dir, 'b.txt'))));
    assert.ok(codes(diagnostics.diagnostics).includes('label-wording'));
  });
});
