import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true, dataSupport: true, codeDescriptionSupport: true },
    codeAction: {
      dataSupport: true,
      isPreferredSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export interface StartOptions {
  /** What the client answers to `workspace/configuration` for section govreport. */
  settings?: unknown;
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  locale?: string;
  /** The workspace folders (file: URIs); none by default. */
  workspaceFolders?: string[];
}

/** The bundled server over stdio, driven as an editor would drive it. */
export class Session {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: ShowMessageParams[] = [];
  readonly documents = new Map<string, TextDocument>();
  settings: unknown;
  /** How the client answers `workspace/configuration`: with `settings` for section govreport, unless a test says otherwise. */
  configuration: (params: ConfigurationParams) => unknown = (p) => p.items.map((i) => (i.section === 'govreport' ? this.settings : null));
  /** The server process's exit code, once it has exited. */
  readonly exited: Promise<number | null>;
  private listeners: (() => void)[] = [];
  stderr = '';

  private constructor(options: StartOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    // A server that has exited (as some tests make it) fails later writes: that is the tests' to assert, not a crash.
    this.process.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolvePromise) => this.process.once('exit', (code) => resolvePromise(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      this.notify();
    });
    this.connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.messages.push(p);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (p: ShowMessageParams) => this.logs.push(p));
    this.connection.onRequest('workspace/configuration', (p: ConfigurationParams) => this.configuration(p));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<Session> {
    const session = new Session(options);
    await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0] ?? null,
      workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      locale: options.locale,
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: options.initializationOptions ?? {},
    });
    await session.connection.sendNotification('initialized', {});
    return session;
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Resolves when `test` holds on the notifications seen so far (checked again on each new one). */
  waitFor<T>(test: () => T | undefined | false, timeoutMs = 10_000, what = 'notification'): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const value = test();
        if (value) {
          cleanup();
          resolvePromise(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
      };
      this.listeners.push(check);
      check();
    });
  }

  /** The diagnostics published for `uri` at `version` (waits for them). */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => this.diagnostics.find((d) => d.uri === uri && d.version === version),
      timeoutMs,
      `diagnostics of ${uri} v${version}`,
    );
  }

  open(uri: string, text: string, languageId = 'govreport'): TextDocument {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return document;
  }

  /** Sends changes (incremental where ranges are given) and returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): TextDocument {
    const old = this.documents.get(uri)!;
    const document = TextDocument.update(old, changes, old.version + 1);
    this.documents.set(uri, document);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: document.version },
      contentChanges: changes,
    });
    return document;
  }

  /** Applies text edits to the open document as an editor would (one incremental change per edit, last first). */
  apply(uri: string, edits: TextEdit[]): TextDocument {
    const document = this.documents.get(uri)!;
    const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
    return this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return this.connection.dispose();
    const exited = new Promise((r) => this.process.once('exit', r));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    this.process.kill();
  }
}

/** The text edits a workspace edit makes to one document. */
export function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : []));
  }
  return edit.changes?.[uri] ?? [];
}
