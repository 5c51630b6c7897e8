import {
  type CodeAction,
  CodeActionKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type TextEdit,
  TextDocumentSyncKind,
  TextDocuments,
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Settings, readSettings } from './shared/settings';
import {
  CONFIG_SECTION,
  DIAGNOSTIC_SOURCE,
  FIX_ALL_KIND,
  INSERT_TABLE_KIND,
  RECALCULATE_KIND,
  type InitializationOptions,
  type NewReportResult,
  type RecalculateTotalsResult,
  type ReportInfoResult,
  Requests,
  type StandardTablesResult,
  type StatsResult,
} from './shared/protocol';
import { type Analyzer, snapshotOf } from './lsp/analyzer';
import type { ClientAbilities } from './lsp/edits';
import { localeOfUi, say } from './shared/i18n';
import type { DiagnosticsResult } from './lsp/diagnostics';
import type { EditorWorkspace, WorkspaceHost } from './lsp/config';

/** How long a `workspace/configuration` answer is awaited before the defaults apply (a late answer still counts). */
const CONFIGURATION_TIMEOUT_MS = 1500;

/** What the LSP wiring lends the workspace: the workspace folders (URIs), how to tell the user, how to check again. */
export type WorkspaceLent = Pick<WorkspaceHost, 'log' | 'warn' | 'publish' | 'isOpen' | 'recheckWith'> & { folders: string[] };

/** What the server's entry (server/src/node.ts, server/src/browser.ts) gives the LSP wiring below. */
export interface ServerHost {
  analyzer: Analyzer;
  /** Import, export and reading drafts from disk; absent in the browser, where there is no file system. */
  files?: () => Promise<typeof import('./lsp/files')>;
  /** The process's figures for the stats request (Node only). */
  processStats?: () => Omit<StatsResult, 'longestCheckMs' | 'longestCheckChars'>;
  /**
   * The configuration files and previous-year reports around the documents (Node: dist/config.js and its thread);
   * absent in the browser, where a document's settings are the editor's and no previous-year report is looked for.
   */
  workspace?: (lent: WorkspaceLent) => Promise<EditorWorkspace>;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const { analyzer } = host;
  const noFileSystem = (): never => {
    throw new ResponseError(
      ErrorCodes.InvalidRequest,
      '网页版 VS Code 中不能导入、导出或读取磁盘上的文件 / Importing, exporting and reading files from disk are not available in VS Code for the Web',
    );
  };
  const files = async () => (host.files ? host.files() : noFileSystem());

  let debounceMs = 200;
  let pullConfiguration = false;
  let uiLocale: Settings['locale'] | undefined;
  let pushedSettings: unknown = {};
  let abilities: ClientAbilities = { resolveEdit: false, snippetCommand: false, documentChanges: false };
  /** After `shutdown` every request is refused (InvalidRequest) and nothing more is checked; `exit` ends the process. */
  let shutDown = false;

  // Settings ------------------------------------------------------------------------------------------------------
  /** Settings answered by the client, per document. A failed answer is not kept: the next check asks again. */
  const settingsCache = new Map<string, Settings>();
  /** `workspace/configuration` requests under way, so that one document is not asked for twice at once. */
  const asking = new Map<string, Promise<Settings | undefined>>();
  /** Documents checked with the defaults while their answer was awaited: checked again when it comes. */
  const provisional = new Set<string>();
  /** Counts configuration changes, so that an answer asked for before one is not kept after it. */
  let generation = 0;
  const warned = new Set<string>();

  /** The locale follows the editor's UI language unless the user set one. */
  function withUiLocale(raw: unknown): unknown {
    if (!uiLocale) return raw;
    if (raw === null || raw === undefined) return { locale: uiLocale };
    if (typeof raw === 'object' && (raw as { locale?: unknown }).locale == null) return { ...raw, locale: uiLocale };
    return raw;
  }

  function toSettings(raw: unknown): Settings {
    const { settings, problems } = readSettings(withUiLocale(raw));
    const key = problems.join('\n');
    if (problems.length && !warned.has(key)) {
      warned.add(key);
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: say(
          settings.locale,
          `govreport 设置有误，这些项已改用默认值：${problems.join('；')}`,
          `Invalid govreport settings; defaults are used for: ${problems.join('; ')}`,
        ),
      });
    }
    return settings;
  }

  /** Asks the client once; the answer is kept, a failure is logged and not kept. */
  function askClient(uri: string): Promise<Settings | undefined> {
    const asked = generation;
    return connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }).then(
      (raw: unknown) => {
        if (asked !== generation || shutDown) return undefined;
        const settings = toSettings(raw);
        settingsCache.set(uri, settings);
        if (provisional.delete(uri) && documents.get(uri)) schedule(uri, 0, 'save');
        return settings;
      },
      (error: unknown) => {
        connection.console.error(`govreport: reading the settings for ${uri} failed: ${error instanceof Error ? error.message : error}`);
        return undefined;
      },
    );
  }

  // Configuration files and the workspace ------------------------------------------------------------------------
  let folders: string[] = [];
  let around: Promise<EditorWorkspace | undefined> | undefined;
  /**
   * The configuration files and the previous-year reports of the documents (the workspace thread starts on first
   * use); none in the browser.
   */
  const workspace = () =>
    (around ??= host.workspace
      ? host.workspace({
          folders,
          log: (message) => connection.console.error(message),
          warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
          publish: (uri, diagnostics) =>
            void connection.sendDiagnostics({ uri, diagnostics: diagnostics.map((d) => ({ ...d, source: DIAGNOSTIC_SOURCE })) }),
          isOpen: (uri) => !shutDown && documents.get(uri) !== undefined,
          recheckWith: async (uri, others) => {
            await analyzer.request('setOthers', undefined, undefined, { uri, others });
            schedule(uri, 0, 'save');
          },
        })
      : Promise.resolve(undefined));
  /** The workspace's file work (reading, listing), refused where there is no file system. */
  const fileWorkspace = async () => (await workspace()) ?? noFileSystem();

  /**
   * The settings of a document: the editor's (the defaults where the client fails to answer, or until it answers,
   * after a timeout) with the document's configuration file laid over them.
   */
  async function settingsFor(uri: string): Promise<Settings> {
    const editor = await editorSettingsFor(uri);
    return (await workspace())?.settingsFor(uri, editor) ?? editor;
  }

  /** The editor's settings of a document; the defaults where the client fails to answer, or until it answers (after a timeout). */
  async function editorSettingsFor(uri: string): Promise<Settings> {
    const cached = settingsCache.get(uri);
    if (cached) return cached;
    if (!pullConfiguration) {
      const settings = toSettings(pushedSettings);
      settingsCache.set(uri, settings);
      return settings;
    }
    let answer = asking.get(uri);
    if (!answer) {
      const asked: Promise<Settings | undefined> = askClient(uri).finally(() => {
        if (asking.get(uri) === asked) asking.delete(uri);
      });
      asking.set(uri, (answer = asked));
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CONFIGURATION_TIMEOUT_MS)));
    const settings = await Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
    if (settings === 'timeout') provisional.add(uri);
    return settings === 'timeout' || settings === undefined ? toSettings(undefined) : settings;
  }

  // Diagnostics ---------------------------------------------------------------------------------------------------
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents with a check under way, and those changed again meanwhile (checked once more when it ends). */
  const running = new Set<string>();
  const rerun = new Map<string, 'change' | 'save'>();
  const published = new Set<string>();

  function schedule(uri: string, delay: number, reason: 'change' | 'save'): void {
    clearTimeout(timers.get(uri));
    if (shutDown) return;
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void validate(uri, reason);
      }, delay),
    );
  }

  async function validate(uri: string, reason: 'change' | 'save'): Promise<void> {
    if (running.has(uri)) {
      rerun.set(uri, reason === 'save' ? 'save' : (rerun.get(uri) ?? reason));
      return;
    }
    running.add(uri);
    try {
      const document = documents.get(uri);
      if (!document) return;
      const settings = await settingsFor(uri);
      if (reason === 'change' && settings.run === 'onSave') return;
      if (document.languageId === 'markdown' && settings.markdown === 'never') return clear(uri);
      const current = documents.get(uri);
      if (current?.version !== document.version) return;
      const snapshot = snapshotOf(document);
      const result = await analyzer.request<DiagnosticsResult>('diagnostics', snapshot, settings);
      // Publish only for the text of a document that is still open (a client may send a version again with new text).
      const latest = documents.get(uri);
      if (!latest || latest.version !== snapshot.version || latest.getText() !== snapshot.text) return;
      if (!result.isReport) return clear(uri);
      published.add(uri);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: result.diagnostics });
      void workspace().then((w) => w?.lookForPrevious(uri, result));
    } catch (error) {
      connection.console.error(`govreport: checking ${uri} failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      running.delete(uri);
      const again = rerun.get(uri);
      if (again) {
        rerun.delete(uri);
        void validate(uri, again);
      }
    }
  }

  function clear(uri: string): void {
    if (!published.delete(uri)) return;
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** `onDidChangeContent` also fires for the open itself, which is checked at once. */
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    schedule(e.document.uri, 0, 'save');
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    schedule(e.document.uri, debounceMs, 'change');
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0, 'save'));
  documents.onDidClose((e) => {
    const { uri } = e.document;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    rerun.delete(uri);
    settingsCache.delete(uri);
    provisional.delete(uri);
    void around?.then((w) => w?.closed(uri));
    analyzer.close(uri);
    published.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // Lifecycle -----------------------------------------------------------------------------------------------------
  connection.onInitialize((params) => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    if (options.settings !== undefined) pushedSettings = options.settings;
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    uiLocale = localeOfUi(params.locale);
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    abilities = {
      resolveEdit: params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
      snippetCommand: options.snippetCommand === true,
      documentChanges: params.capabilities.workspace?.workspaceEdit?.documentChanges === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_TABLE_KIND, RECALCULATE_KIND],
          resolveProvider: true,
        },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        completionProvider: { triggerCharacters: ['#', '|', '｜'] },
      },
      serverInfo: { name: 'govreport' },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION }).catch(() => undefined);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    // Every open document is checked again: with what a configuration file now says, or to look again for the
    // previous-year report where a report file changed.
    void workspace().then((w) => {
      if (!w) return;
      w.filesChanged(changes.map((c) => c.uri));
      for (const document of documents.all()) schedule(document.uri, 0, 'save');
    });
  });

  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as Record<string, unknown> | null)?.[CONFIG_SECTION];
    if (section !== undefined) pushedSettings = section;
    generation++;
    settingsCache.clear();
    asking.clear();
    provisional.clear();
    warned.clear();
    for (const document of documents.all()) schedule(document.uri, 0, 'save');
  });

  const refused = () => new ResponseError(ErrorCodes.InvalidRequest, 'govreport: the server has been shut down');
  /** A request handler that is refused after `shutdown`, as the protocol asks. */
  function live<P, R>(handler: (params: P) => R | Promise<R>): (params: P) => R | Promise<R> | ResponseError<void> {
    return (params) => (shutDown ? refused() : handler(params));
  }

  connection.onShutdown(async () => {
    if (shutDown) return refused();
    shutDown = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    await Promise.all([analyzer.stop(), around?.then((w) => w?.thread.stop())]);
    return undefined;
  });
  // Requests of methods the server does not know: refused after shutdown, unknown before.
  connection.onRequest((method) =>
    shutDown ? refused() : new ResponseError(ErrorCodes.MethodNotFound, `govreport: unhandled method ${method}`),
  );

  // Requests that need the parsed report: answered by the analysis thread --------------------------------------------
  async function ask<T>(method: Parameters<Analyzer['request']>[0], uri: string, params: unknown, none: T): Promise<T> {
    const document = documents.get(uri);
    if (!document) return none;
    const settings = await settingsFor(uri);
    if (document.languageId === 'markdown' && settings.markdown === 'never') return none;
    try {
      return await analyzer.request<T>(method, snapshotOf(document), settings, params);
    } catch (error) {
      connection.console.error(`govreport: ${method} failed: ${error instanceof Error ? error.message : error}`);
      return none;
    }
  }

  connection.onCodeAction(live((params) => ask<CodeAction[]>('codeActions', params.textDocument.uri, { params, abilities }, [])));
  connection.onCodeActionResolve(
    live(async (action: CodeAction) => {
      const uri = (action.data as { uri?: string } | undefined)?.uri;
      return uri ? ask<CodeAction>('resolveCodeAction', uri, { action, abilities }, action) : action;
    }),
  );
  connection.onHover(live((params) => ask<Hover | null>('hover', params.textDocument.uri, { position: params.position }, null)));
  connection.onDocumentSymbol(live((params) => ask<DocumentSymbol[]>('symbols', params.textDocument.uri, {}, [])));
  connection.onFoldingRanges(live((params) => ask<FoldingRange[]>('folding', params.textDocument.uri, {}, [])));
  connection.onDocumentFormatting(live((params) => ask<TextEdit[]>('formatting', params.textDocument.uri, {}, [])));
  connection.onCompletion(
    live((params) => ask<CompletionItem[]>('completion', params.textDocument.uri, { position: params.position }, [])),
  );

  connection.onRequest(
    Requests.newReport,
    live((params) => analyzer.request<NewReportResult>('newReport', undefined, undefined, params)),
  );
  connection.onRequest(
    Requests.standardTables,
    live(async (params) => {
      const document = params.uri ? documents.get(params.uri) : undefined;
      if (!document) return analyzer.request<StandardTablesResult>('standardTables');
      return analyzer.request<StandardTablesResult>('standardTables', snapshotOf(document), await settingsFor(document.uri));
    }),
  );
  connection.onRequest(
    Requests.checkDocument,
    live(async (params) => {
      const settings = await settingsFor(params.uri);
      if (params.languageId === 'markdown' && settings.markdown === 'never') return { checked: false, problems: 0 };
      const open = documents.get(params.uri);
      const read = open || params.text !== undefined ? undefined : await (await fileWorkspace()).read(params.uri, settings.locale);
      const text = open ? undefined : (params.text ?? read?.text);
      if (!open && text === undefined) return { checked: false, problems: 0 };
      const result = open
        ? await analyzer.request<DiagnosticsResult>('diagnostics', snapshotOf(open), settings)
        : await analyzer.checkText<DiagnosticsResult>(params.uri, params.languageId, text!, settings);
      // A web page's findings are placed on its lines, a Word file's or PDF's at its start.
      if (read?.text !== undefined && read.origins)
        result.diagnostics = (await files()).placeInSource(result.diagnostics, text!, read.origins);
      if (!open && result.isReport) {
        published.add(params.uri);
        void connection.sendDiagnostics({ uri: params.uri, diagnostics: result.diagnostics });
      }
      return { checked: result.isReport, problems: result.diagnostics.length };
    }),
  );
  connection.onRequest(
    Requests.workspaceFiles,
    live(async (params) => {
      return (await fileWorkspace()).files(params.folders);
    }),
  );
  connection.onRequest(
    Requests.importReport,
    live(async (params) => (await files()).importReport(params, await settingsFor(params.uri))),
  );
  connection.onRequest(
    Requests.exportReport,
    live(async (params) => {
      const document = documents.get(params.uri);
      if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `govreport: ${params.uri} is not open`);
      return (await files()).exportReport(document.getText(), params.format, await settingsFor(params.uri));
    }),
  );
  connection.onRequest(
    Requests.recalculateTotals,
    live((params) => ask<RecalculateTotalsResult | null>('recalculateTotals', params.uri, {}, null)),
  );
  connection.onRequest(
    Requests.reportInfo,
    live((params) => ask<ReportInfoResult>('reportInfo', params.uri, {}, { isReport: false, errors: 0, warnings: 0, infos: 0 })),
  );
  connection.onRequest(
    Requests.stats,
    live(async () => {
      const worker = await analyzer.request<{ longestCheckMs: number; longestCheckChars: number }>('stats');
      return { ...worker, ...host.processStats?.() };
    }),
  );

  documents.listen(connection);
  connection.listen();
}
