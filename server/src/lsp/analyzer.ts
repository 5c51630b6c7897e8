import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../shared/settings';
import type { DocumentRef, WorkerMethod, WorkerRequest, WorkerResponse } from './worker';

/** Where the analysis runs: a Node worker thread, or in-process in the browser's web worker. */
export interface AnalysisPort {
  postMessage(request: WorkerRequest): void;
  on(event: 'message', listener: (response: WorkerResponse) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  terminate(): Promise<unknown>;
}

/** A document's text as it was when a request was made: the answer belongs to this text, whatever its version says. */
export interface Snapshot {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export function snapshotOf(document: TextDocument): Snapshot {
  return { uri: document.uri, languageId: document.languageId, version: document.version, text: document.getText() };
}

/**
 * The main thread's handle on the analysis thread: requests go out in order with the document text when the
 * thread does not have that text yet (a new version, or the same version sent again with other text); a thread that
 * dies is started again and given the texts anew.
 */
export class Analyzer {
  private worker!: AnalysisPort;
  private nextId = 1;
  // biome-ignore lint/suspicious/noExplicitAny: each request resolves with its own result type (request<T>)
  private readonly waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  /** The text and version of each document the analysis thread holds. */
  private readonly sent = new Map<string, { version: number; text: string }>();
  private stopped = false;

  constructor(
    private readonly open: () => AnalysisPort,
    private readonly log: (message: string) => void,
  ) {
    this.start();
  }

  private start(): void {
    this.sent.clear();
    this.worker = this.open();
    this.worker.on('message', (response: WorkerResponse) => {
      const waiter = this.waiting.get(response.id);
      if (!waiter) return;
      this.waiting.delete(response.id);
      if (response.error === undefined) return waiter.resolve(response.result);
      // The reply carries the message; the stack goes to the log only.
      if (response.error.stack) this.log(`govreport analysis failed: ${response.error.stack}`);
      waiter.reject(new Error(response.error.message));
    });
    this.worker.on('error', (error) => this.log(`govreport analysis thread failed: ${error.stack ?? error}`));
    this.worker.on('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`analysis thread exited (${code})`));
      this.waiting.clear();
      if (!this.stopped) this.start();
    });
  }

  request<T>(method: WorkerMethod, snapshot?: Snapshot, settings?: Settings, params?: unknown): Promise<T> {
    let ref: DocumentRef | undefined;
    if (snapshot) {
      const { uri, languageId, version, text } = snapshot;
      ref = { uri, languageId, version };
      const held = this.sent.get(uri);
      if (held?.version !== version || held.text !== text) {
        ref.text = text;
        this.sent.set(uri, { version, text });
      }
    }
    return this.post<T>({ id: this.nextId++, method, document: ref, settings, params });
  }

  /** Checks a text that is not an open document (nothing is kept). */
  checkText<T>(uri: string, languageId: string, text: string, settings: Settings): Promise<T> {
    return this.post<T>({ id: this.nextId++, method: 'checkText', document: { uri, languageId, version: 0, text }, settings });
  }

  close(uri: string): void {
    this.sent.delete(uri);
    void this.post({ id: this.nextId++, method: 'close', document: { uri, languageId: '', version: 0 } }).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private post<T>(request: WorkerRequest): Promise<T> {
    if (this.stopped) return Promise.reject(new Error('the analysis thread is stopped'));
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }
}
