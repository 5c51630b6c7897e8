import * as vscode from 'vscode';
import type { HandleDiagnosticsSignature, LanguageClient } from 'vscode-languageclient/node';
import { type InsertSnippetArgs, LANGUAGE_ID, REPORT_FILES, Requests } from '../../server/src/shared/protocol';

const FIRST_FORMAT_YEAR = 2019;

/**
 * New report: pick the year, get the whole skeleton in that year's edition as a snippet (agency name first). With a
 * folder open the draft is a file in it from the start (so preview and export find it); otherwise an untitled one.
 */
export async function newReport(client: Promise<LanguageClient>): Promise<void> {
  const latest = new Date().getFullYear();
  const years = Array.from({ length: latest - FIRST_FORMAT_YEAR + 1 }, (_, i) => ({ label: String(latest - i), year: latest - i }));
  const lastYear = years.find((y) => y.year === latest - 1)!;
  const picked = await vscode.window.showQuickPick([lastYear, ...years.filter((y) => y !== lastYear)], {
    title: vscode.l10n.t('New government information disclosure annual report'),
    placeHolder: vscode.l10n.t('Report year'),
  });
  if (!picked) return;
  const result = await (await client).sendRequest(Requests.newReport, { year: picked.year, snippet: true });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const document = folder
    ? await vscode.workspace.openTextDocument(await newDraftFile(folder, picked.year))
    : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(result.text), new vscode.Position(0, 0));
}

/** An empty draft named after the year in the folder (`-2`, `-3`… where the name is taken). */
async function newDraftFile(folder: vscode.Uri, year: number): Promise<vscode.Uri> {
  const name = vscode.l10n.t('{0} annual report', year);
  for (let n = 1; ; n++) {
    const file = vscode.Uri.joinPath(folder, `${name}${n === 1 ? '' : `-${n}`}.report.md`);
    const taken = await vscode.workspace.fs.stat(file).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await vscode.workspace.fs.writeFile(file, new Uint8Array());
    return file;
  }
}

/** Insert standard table…: the tables of the document's edition first, then the other edition's. */
export async function insertStandardTable(client: Promise<LanguageClient>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const { tables } = await (await client).sendRequest(Requests.standardTables, { uri: editor.document.uri.toString() });
  type Item = vscode.QuickPickItem & { snippet?: string };
  const items: Item[] = [];
  for (const table of tables) {
    if (items.length === 0 || tables[tables.indexOf(table) - 1].edition !== table.edition) {
      items.push({ label: vscode.l10n.t('Edition {0}', table.edition), kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      label: table.label,
      description: vscode.l10n.t('edition {0}', table.edition),
      snippet: table.snippet,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Choose the standard table to insert'),
  });
  if (!picked?.snippet) return;
  const line = editor.document.lineAt(editor.selection.active.line);
  const blank = line.isEmptyOrWhitespace;
  const at = blank ? line.range.start : line.range.end;
  await editor.insertSnippet(new vscode.SnippetString(`${blank ? '' : '\n\n'}${picked.snippet}\n`), at);
}

/** Runs a snippet insertion that a code action asked for (a standard table with tab stops). */
export async function insertSnippet(args: InsertSnippetArgs): Promise<void> {
  const editor =
    vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri) ??
    (await vscode.window.showTextDocument(vscode.Uri.parse(args.uri)));
  if (editor.document.version !== args.version) return;
  await editor.insertSnippet(new vscode.SnippetString(args.snippet), new vscode.Position(args.line, args.character));
}

/** The language a file not open in the editor is checked as, by its name (not markdown: checked if it looks like a report). */
function languageOfFile(file: vscode.Uri): string {
  if (file.path.endsWith('.report.md')) return LANGUAGE_ID;
  return file.path.toLowerCase().endsWith('.md') ? 'markdown' : 'plaintext';
}

/**
 * Check all reports in the workspace, those that look like reports counted, each one's findings to Problems, with
 * progress. Where the server reads files (`serverReadsFiles`: the desktop), the files the CLI would check in a folder
 * (its walk: drafts, .txt, web pages, Word files, PDFs; `.govreportignore` and the configurations' `ignores`), less
 * what `files.exclude` hides, read by the server as the CLI reads them (GBK, UTF-16, the readers). On the web, whose
 * server has no file system, and for a virtual workspace's files: the markdown and .txt drafts as the editor finds
 * them (node_modules and dot folders skipped as the CLI skips them), read here.
 */
export async function checkWorkspace(
  client: Promise<LanguageClient>,
  serverReadsFiles: boolean,
): Promise<{ reports: number; problems: number }> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const walked = serverReadsFiles
    ? (await (await client).sendRequest(Requests.workspaceFiles, { folders: folders.map((f) => f.uri.toString()) })).files.map((uri) =>
        vscode.Uri.parse(uri),
      )
    : [];
  // No exclude argument: then `files.exclude` applies (an explicit one would replace it).
  const shown = await vscode.workspace.findFiles(REPORT_FILES);
  const visible = new Map(shown.map((file) => [file.fsPath, file]));
  const skipped = (file: vscode.Uri) =>
    vscode.workspace
      .asRelativePath(file, false)
      .split('/')
      .slice(0, -1)
      .some((d) => d === 'node_modules' || d.startsWith('.'));
  // Files the server does not walk: their markdown and text drafts as the editor finds them.
  const unwalked = shown.filter(
    (file) => (!serverReadsFiles || file.scheme !== 'file') && /\.(?:md|txt)$/i.test(file.path) && !skipped(file),
  );
  const files = [...walked.flatMap((file) => visible.get(file.fsPath) ?? []), ...unwalked];
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  let reports = 0;
  let problems = 0;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Checking the reports in the workspace'),
      cancellable: true,
    },
    async (progress, token) => {
      const server = await client;
      for (const [i, file] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(file), increment: 100 / files.length });
        const document = open.get(file.toString());
        const text = document
          ? document.getText()
          : serverReadsFiles && file.scheme === 'file'
            ? undefined
            : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
        const result = await server.sendRequest(Requests.checkDocument, {
          uri: file.toString(),
          languageId: document?.languageId ?? languageOfFile(file),
          text,
        });
        if (result.checked) {
          reports++;
          problems += result.problems;
        }
        if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
  );
  const showProblems = vscode.l10n.t('Open Problems');
  // Not awaited: the command ends when the check does, not when the message is dismissed.
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Checked {0} reports: {1} problems.', reports, problems), showProblems)
    .then((answer) => (answer === showProblems ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined));
  return { reports, problems };
}

/**
 * 重新计算合计: every total of the report in the active editor set from its complete parts. The totals it leaves
 * (and why) go to the log; the edit is one undo step.
 */
export async function recalculateTotals(client: Promise<LanguageClient>, log: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const { document } = editor;
  const result = await (await client).sendRequest(Requests.recalculateTotals, { uri: document.uri.toString() });
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The current file is not an annual report.'));
    return;
  }
  // The document changed while the server worked: its edits would land in the wrong place.
  if (document.version !== result.version) return;
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    const { start, end } = e.range;
    edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), e.newText);
  }
  if (result.edits.length && !(await vscode.workspace.applyEdit(edit))) return;
  log.appendLine(`[${vscode.l10n.t('Recalculate totals')}] ${vscode.workspace.asRelativePath(document.uri)}: ${result.summary}`);
  for (const line of [...result.changed, ...result.left]) log.appendLine(`  ${line}`);
  const details = vscode.l10n.t('Details');
  // Not awaited: the command ends when the edit is made, not when the message is dismissed.
  void vscode.window
    .showInformationMessage(result.summary, ...(result.left.length ? [details] : []))
    .then((answer) => (answer === details ? log.show(true) : undefined));
}

/** `<uriScheme>://<extension id>/rule?<id>`: a rule's page, opened by the extension's URI handler. */
const RULE_PATH = '/rule';
const RULE_ID = /^[a-z][a-z-]*$/;

/**
 * A diagnostic's code link opens its rule's page (docs/rules/<id>.md, shipped with the extension) in the Markdown
 * preview. The server links the page as a file, which VS Code would open as text, and a `command:` link is not
 * followed from the hover or the Problems panel; so the client points the link at the extension's URI handler.
 */
export function ruleLinks(context: vscode.ExtensionContext): {
  handleDiagnostics: (uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: HandleDiagnosticsSignature) => void;
  uriHandler: vscode.UriHandler;
} {
  const linkOf = (rule: string) =>
    vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: context.extension.id, path: RULE_PATH, query: rule });
  return {
    handleDiagnostics(uri, diagnostics, next) {
      for (const diagnostic of diagnostics) {
        const code = diagnostic.code;
        if (typeof code === 'object' && RULE_ID.test(String(code.value)))
          diagnostic.code = { value: code.value, target: linkOf(String(code.value)) };
      }
      next(uri, diagnostics);
    },
    uriHandler: {
      async handleUri(uri) {
        if (uri.path !== RULE_PATH || !RULE_ID.test(uri.query)) return;
        const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${uri.query}.md`);
        await vscode.commands.executeCommand('markdown.showPreview', page);
      },
    },
  };
}
