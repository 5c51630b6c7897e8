import { Worker } from 'node:worker_threads';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../shared/settings';
import type { DocumentRef, WorkerMethod, WorkerRequest, WorkerResponse } from './worker';

/**
 * The main thread's handle on the analysis thread: requests go out in order with the document text when the
 * thread does not have that version yet; a thread that dies is started again and given the texts anew.
 */
export class Analyzer {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  /** The version of each document the analysis thread holds. */
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {
    this.start();
  }

  private start(): void {
    this.sent.clear();
    this.worker = new Worker(this.script);
    this.worker.on('message', (response: WorkerResponse) => {
      const waiter = this.waiting.get(response.id);
      if (!waiter) return;
      this.waiting.delete(response.id);
      if (response.error !== undefined) waiter.reject(new Error(response.error));
      else waiter.resolve(response.result);
    });
    this.worker.on('error', (error) => this.log(`govreport analysis thread failed: ${error.stack ?? error}`));
    this.worker.on('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`analysis thread exited (${code})`));
      this.waiting.clear();
      if (!this.stopped) this.start();
    });
  }

  private stopped = false;

  request<T>(method: WorkerMethod, document?: TextDocument, settings?: Settings, params?: unknown): Promise<T> {
    let ref: DocumentRef | undefined;
    if (document) {
      ref = { uri: document.uri, languageId: document.languageId, version: document.version };
      if (this.sent.get(document.uri) !== document.version) {
        ref.text = document.getText();
        this.sent.set(document.uri, document.version);
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
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }
}
