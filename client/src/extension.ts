import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CONFIG_SECTION, Commands, type InitializationOptions, LANGUAGE_ID } from '../../server/src/shared/protocol';
import { checkWorkspace, insertSnippet, insertStandardTable, newReport } from './commands';
import { serverSettings } from './settings';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { snippetCommand: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: CONFIG_SECTION },
    initializationOptions,
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (answers instanceof Error || !Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === CONFIG_SECTION ? serverSettings(item.scopeUri) : answers[i]));
        },
      },
    },
  };
  client = new LanguageClient('govreport', 'govreport', serverOptions, clientOptions);
  // Not awaited: activation returns at once; commands wait for the server.
  const ready = client.start().then(() => client!);
  ready.catch(() => undefined);
  context.subscriptions.push(
    client,
    vscode.commands.registerCommand(Commands.newReport, () => newReport(ready)),
    vscode.commands.registerCommand(Commands.insertStandardTable, () => insertStandardTable(ready)),
    vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(ready)),
    vscode.commands.registerCommand(Commands.insertSnippet, insertSnippet),
  );
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
