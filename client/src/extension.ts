import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type MarkdownIt from 'markdown-it';
import { CONFIG_SECTION, Commands, type InitializationOptions, LANGUAGE_ID, REPORT_FILES } from '../../server/src/shared/protocol';
import { ruleLinks } from './commands';
import { editorCommands, settingsMiddleware } from './common';
import { exportReport, importReport } from './files';
import { serverSettings, uiLocale } from './settings';
import { reportStatus } from './status';
import { offerLanguageForTextDrafts } from './text';

let client: LanguageClient | undefined;

/** What the extension gives VS Code's Markdown preview (`markdown.markdownItPlugins`). */
export interface GovreportApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): GovreportApi {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { snippetCommand: true };
  // The server's log and, with `govreport.trace.server`, the messages exchanged with it ("Show log").
  const log = vscode.window.createOutputChannel('govreport');
  const rules = ruleLinks(context);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'file', pattern: '**/*.txt' },
    ],
    synchronize: {
      configurationSection: CONFIG_SECTION,
      // The server checks the open reports again when a configuration file changes, and looks for the previous-year
      // report again when a report file does.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.govreport.json{,c}'),
        vscode.workspace.createFileSystemWatcher(REPORT_FILES),
      ],
    },
    initializationOptions,
    outputChannel: log,
    middleware: { ...settingsMiddleware, handleDiagnostics: rules.handleDiagnostics },
  };
  client = new LanguageClient('govreport', 'govreport', serverOptions, clientOptions);
  // Not awaited: activation returns at once; commands wait for the server.
  const ready = client.start().then(() => client!);
  ready.then((running) => context.subscriptions.push(offerLanguageForTextDrafts(running, context.workspaceState))).catch(() => undefined);
  context.subscriptions.push(
    client,
    log,
    reportStatus(ready),
    ...editorCommands(ready, true, log),
    // The explorer's menu passes the file it was opened on; tests pass a format.
    vscode.commands.registerCommand(Commands.importReport, (file?: unknown) =>
      importReport(ready, file instanceof vscode.Uri ? file : undefined),
    ),
    vscode.commands.registerCommand(Commands.exportReport, (format?: unknown) =>
      exportReport(ready, format === 'docx' || format === 'html' ? format : undefined),
    ),
    vscode.commands.registerCommand(Commands.showLog, () => log.show(true)),
    vscode.window.registerUriHandler(rules.uriHandler),
  );
  return {
    extendMarkdownIt(md) {
      // The plugin and the core it renders with are a bundle of their own, loaded only when a preview is opened.
      const preview = require(context.asAbsolutePath('dist/preview.js')) as typeof import('./preview');
      return preview.extendMarkdownIt(md, () => {
        const settings = serverSettings();
        return { ...settings, locale: (settings.locale as 'zh-CN' | 'en' | undefined) ?? uiLocale() };
      });
    },
  };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
