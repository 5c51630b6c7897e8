import * as vscode from 'vscode';
import type { LanguageClient as NodeLanguageClient } from 'vscode-languageclient/node';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CONFIG_SECTION, Commands, type InitializationOptions } from '../../server/src/shared/protocol';
import { editorCommands, settingsMiddleware } from './common';
import type { GovreportApi } from './extension';
import { extendMarkdownIt } from './preview';
import { serverSettings, uiLocale } from './settings';
import { CHECKED_DOCUMENTS, reportStatus } from './status';
import { offerLanguageForTextDrafts } from './text';

/**
 * The extension in VS Code for the Web (vscode.dev, github.dev): the same client for the drafts open in the editor,
 * with the language server in a web worker (dist/web/server.js). Every document is reached through the editor
 * (github.dev's files are not `file:` URIs), and there is no file system for the server: import and export say so.
 */

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): GovreportApi {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true));
  const initializationOptions: InitializationOptions = { snippetCommand: true };
  const log = vscode.window.createOutputChannel('govreport');
  const clientOptions: LanguageClientOptions = {
    documentSelector: CHECKED_DOCUMENTS as LanguageClientOptions['documentSelector'],
    synchronize: { configurationSection: CONFIG_SECTION },
    initializationOptions,
    outputChannel: log,
    middleware: settingsMiddleware,
  };
  client = new LanguageClient('govreport', 'govreport', clientOptions, worker);
  // The commands speak only the protocol, which both clients share.
  const ready = client.start().then(() => client as unknown as NodeLanguageClient);
  ready.then((running) => context.subscriptions.push(offerLanguageForTextDrafts(running, context.workspaceState))).catch(() => undefined);
  const noFiles = () =>
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Import and export are not available in VS Code for the Web: use this command in desktop VS Code, or govreport import / export on the command line.',
      ),
    );
  // Hides import and export from the palette and the explorer's menu (package.json `!govreport.web`): there is no file
  // system here. (`isWeb` would hide them in code-server too, whose extensions run in Node.)
  void vscode.commands.executeCommand('setContext', 'govreport.web', true);
  context.subscriptions.push(
    client,
    log,
    reportStatus(ready),
    ...editorCommands(ready, false),
    vscode.commands.registerCommand(Commands.importReport, noFiles),
    vscode.commands.registerCommand(Commands.exportReport, noFiles),
    vscode.commands.registerCommand(Commands.showLog, () => log.show(true)),
  );
  return {
    extendMarkdownIt: (md) =>
      extendMarkdownIt(md, () => {
        const settings = serverSettings();
        return { ...settings, locale: (settings.locale as 'zh-CN' | 'en' | undefined) ?? uiLocale() };
      }),
  };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
