import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { CONFIG_SECTION, Commands } from '../../server/src/shared/protocol';
import { checkWorkspace, insertSnippet, insertStandardTable, newReport } from './commands';
import { previewReport } from './files';
import { serverSettings } from './settings';

/** What the desktop client (extension.ts) and the web client (browser.ts) share. */

/** The server asks for `govreport` settings per document: answered from the resource's configuration. */
export const settingsMiddleware: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const answers = await next(params, token);
      if (answers instanceof Error || !Array.isArray(answers)) return answers;
      return params.items.map((item, i) => (item.section === CONFIG_SECTION ? serverSettings(item.scopeUri) : answers[i]));
    },
  },
};

/** The commands that work alike on the desktop and on the web (where the server cannot read files). */
export function editorCommands(client: Promise<LanguageClient>, serverReadsFiles: boolean): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.newReport, () => newReport(client)),
    vscode.commands.registerCommand(Commands.insertStandardTable, () => insertStandardTable(client)),
    vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(client, serverReadsFiles)),
    vscode.commands.registerCommand(Commands.insertSnippet, insertSnippet),
    // Menus pass the file they were opened on; the palette passes nothing.
    vscode.commands.registerCommand(Commands.previewReport, (file?: unknown) =>
      previewReport(file instanceof vscode.Uri ? file : undefined),
    ),
  ];
}
