import { Worker } from 'node:worker_threads';
import type { FoundConfig, Origin } from '../core';
import type { Locale } from '../shared/settings';

/** A report file of the workspace given to the checks across reports (the previous year's). */
export interface OtherReport {
  /** Its `file:` URI (made here: the analysis may run where there is no `node:url`). */
  uri: string;
  /** How findings name it: its path from the workspace folder. */
  name: string;
  /** Its text as the checker reads it. */
  text: string;
  /** A draft (its text is the file), not a web page, Word file or PDF read into draft text. */
  draft: boolean;
  /** Stands for the file and its text (see `contentKey`). */
  key: string;
}

export type ReadFile = { text: string; origins?: Origin[]; error?: undefined } | { text?: undefined; error: string };

export type WorkspaceRequest =
  | { kind: 'files'; roots: string[] }
  | { kind: 'config'; file: string }
  | { kind: 'read'; file: string; locale: Locale }
  | { kind: 'previous'; roots: string[]; self: string; agency: string; year: number; named?: string };

export interface WorkspaceResponse {
  id: number;
  result?: unknown;
  error?: string;
}

/**
 * The main thread's handle on the workspace thread (lsp/workspace.ts): started on the first request, started again
 * if it dies.
 */
export class WorkspaceThread {
  private worker?: Worker;
  private nextId = 1;
  // biome-ignore lint/suspicious/noExplicitAny: each request resolves with its own result type
  private readonly waiting = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  files(roots: string[]): Promise<{ files: string[]; skipped: number }> {
    return this.post({ kind: 'files', roots });
  }

  /** A configuration file read and checked (answered before any scan under way); none where it is gone. */
  readConfig(file: string): Promise<FoundConfig | undefined> {
    return this.post({ kind: 'config', file });
  }

  read(file: string, locale: Locale): Promise<ReadFile> {
    return this.post({ kind: 'read', file, locale });
  }

  previous(request: Omit<Extract<WorkspaceRequest, { kind: 'previous' }>, 'kind'>): Promise<OtherReport[]> {
    return this.post({ kind: 'previous', ...request });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: { role: 'workspace' } });
    worker.on('message', (response: WorkspaceResponse) => {
      const waiter = this.waiting.get(response.id);
      if (!waiter) return;
      this.waiting.delete(response.id);
      if (response.error === undefined) waiter.resolve(response.result);
      else {
        this.log(`govreport workspace thread: ${response.error}`);
        waiter.reject(new Error(response.error.split('\n')[0]));
      }
    });
    worker.on('error', (error) => this.log(`govreport workspace thread failed: ${error.stack ?? error}`));
    worker.on('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`workspace thread exited (${code})`));
      this.waiting.clear();
      if (this.worker === worker) this.worker = undefined;
    });
    // The thread is no reason to keep the server alive.
    worker.unref();
    return worker;
  }

  private post<T>(request: WorkspaceRequest): Promise<T> {
    this.worker ??= this.start();
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  }
}
