import { isMainThread } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  type CodeAction,
  CodeActionKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  ProposedFeatures,
  type TextEdit,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Settings, readSettings } from './shared/settings';
import {
  CONFIG_SECTION,
  type CheckDocumentParams,
  type CheckDocumentResult,
  FIX_ALL_KIND,
  INSERT_TABLE_KIND,
  type InitializationOptions,
  type NewReportParams,
  Requests,
  type StandardTablesParams,
  type StatsResult,
} from './shared/protocol';
import { Analyzer } from './lsp/analyzer';
import type { ClientAbilities } from './lsp/codeActions';
import { localeOfUi, say } from './lsp/i18n';
import { runWorker } from './lsp/worker';

if (isMainThread) startServer();
else runWorker();

interface DiagnosticsResult {
  isReport: boolean;
  diagnostics: Diagnostic[];
}

function startServer(): void {
  // Reads stdio, node IPC or a socket from the command line (`--stdio`, `--node-ipc`), as the client chose.
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const analyzer = new Analyzer(__filename, (m) => connection.console.error(m));
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  let debounceMs = 200;
  let pullConfiguration = false;
  let uiLocale: Settings['locale'] | undefined;
  let pushedSettings: unknown = {};
  let abilities: ClientAbilities = { resolveEdit: false, snippetCommand: false, documentChanges: false };

  // Settings ------------------------------------------------------------------------------------------------------
  const settingsCache = new Map<string, Promise<Settings>>();
  const warned = new Set<string>();

  /** The locale follows the editor's UI language unless the user set one. */
  function withUiLocale(raw: unknown): unknown {
    if (!uiLocale) return raw;
    if (raw === null || raw === undefined) return { locale: uiLocale };
    if (typeof raw === 'object' && (raw as { locale?: unknown }).locale == null) return { ...raw, locale: uiLocale };
    return raw;
  }

  async function loadSettings(uri: string): Promise<Settings> {
    const raw = pullConfiguration ? await connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }) : pushedSettings;
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

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = loadSettings(uri);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  // Diagnostics ---------------------------------------------------------------------------------------------------
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents with a check under way, and those changed again meanwhile (checked once more when it ends). */
  const running = new Set<string>();
  const rerun = new Map<string, 'change' | 'save'>();
  const published = new Set<string>();

  function schedule(uri: string, delay: number, reason: 'change' | 'save'): void {
    clearTimeout(timers.get(uri));
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
      const result = await analyzer.request<DiagnosticsResult>('diagnostics', document, settings);
      // Publish only for the latest version of a document that is still open.
      const latest = documents.get(uri);
      if (!latest || latest.version !== document.version) return;
      if (!result.isReport) return clear(uri);
      published.add(uri);
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: result.diagnostics });
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
    abilities = {
      resolveEdit: params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
      snippetCommand: options.snippetCommand === true,
      documentChanges: params.capabilities.workspace?.workspaceEdit?.documentChanges === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_TABLE_KIND], resolveProvider: true },
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
    if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION }).catch(() => undefined);
  });

  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as Record<string, unknown> | null)?.[CONFIG_SECTION];
    if (section !== undefined) pushedSettings = section;
    settingsCache.clear();
    warned.clear();
    for (const document of documents.all()) schedule(document.uri, 0, 'save');
  });

  connection.onShutdown(() => analyzer.stop());

  // Requests that need the parsed report: answered by the analysis thread --------------------------------------------
  async function ask<T>(method: Parameters<Analyzer['request']>[0], uri: string, params: unknown, none: T): Promise<T> {
    const document = documents.get(uri);
    if (!document) return none;
    const settings = await settingsFor(uri);
    if (document.languageId === 'markdown' && settings.markdown === 'never') return none;
    try {
      return await analyzer.request<T>(method, document, settings, params);
    } catch (error) {
      connection.console.error(`govreport: ${method} failed: ${error instanceof Error ? error.message : error}`);
      return none;
    }
  }

  connection.onCodeAction((params) => ask<CodeAction[]>('codeActions', params.textDocument.uri, { params, abilities }, []));
  connection.onCodeActionResolve(async (action) => {
    const uri = (action.data as { uri?: string } | undefined)?.uri;
    return uri ? ask<CodeAction>('resolveCodeAction', uri, { action, abilities }, action) : action;
  });
  connection.onHover((params) => ask<Hover | null>('hover', params.textDocument.uri, { position: params.position }, null));
  connection.onDocumentSymbol((params) => ask<DocumentSymbol[]>('symbols', params.textDocument.uri, {}, []));
  connection.onFoldingRanges((params) => ask<FoldingRange[]>('folding', params.textDocument.uri, {}, []));
  connection.onDocumentFormatting((params) => ask<TextEdit[]>('formatting', params.textDocument.uri, {}, []));
  connection.onCompletion((params) => ask<CompletionItem[]>('completion', params.textDocument.uri, { position: params.position }, []));

  connection.onRequest(Requests.newReport, (params: NewReportParams) => analyzer.request('newReport', undefined, undefined, params));
  connection.onRequest(Requests.standardTables, async (params: StandardTablesParams) => {
    const document = params.uri ? documents.get(params.uri) : undefined;
    if (!document) return analyzer.request('standardTables');
    return analyzer.request('standardTables', document, await settingsFor(document.uri));
  });
  connection.onRequest(Requests.checkDocument, async (params: CheckDocumentParams): Promise<CheckDocumentResult> => {
    const settings = await settingsFor(params.uri);
    if (params.languageId === 'markdown' && settings.markdown === 'never') return { checked: false, problems: 0 };
    const open = documents.get(params.uri);
    const result = open
      ? await analyzer.request<DiagnosticsResult>('diagnostics', open, settings)
      : await analyzer.checkText<DiagnosticsResult>(params.uri, params.languageId, params.text, settings);
    if (!open && result.isReport) {
      published.add(params.uri);
      void connection.sendDiagnostics({ uri: params.uri, diagnostics: result.diagnostics });
    }
    return { checked: result.isReport, problems: result.diagnostics.length };
  });
  connection.onRequest(Requests.stats, async (): Promise<StatsResult> => {
    const worker = await analyzer.request<{ longestCheckMs: number; longestCheckChars: number }>('stats');
    const memory = process.memoryUsage();
    return { mainLoopMaxDelayMs: loopDelay.max / 1e6, ...worker, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
  });

  documents.listen(connection);
  connection.listen();
}
