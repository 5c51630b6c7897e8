import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { type CheckEvent, checkInput, type WorkerSetup } from './check';
import { Companions } from './companions';
import { RunSettings } from './config';
import { failureMessage, type Input } from './files';
import { messagesFor } from './messages';

/** The argument that makes the CLI's own script a check worker (see main.ts). */
export const WORKER_ARGUMENT = '--govreport-check-worker';

/**
 * Files from which a run is spread over worker threads: each worker pays the start-up and the JIT warm-up again,
 * which a few thousand files repay (measured by `npm run bench` on this project's 2-core machine).
 */
const WORKERS_FROM = 4000;
/** Files handed to a worker at a time: few enough that the workers finish together. */
const CHUNK = 32;

/** The script the CLI runs from (set by main.ts where it is the entry point): a worker runs it again. */
export const entry: { script?: string } = {};

/**
 * How many worker threads check a run of `files` files: one per core for a large batch, none for a small one (or
 * where the CLI is not its own entry point). GOVREPORT_WORKERS sets the number (0: none) whatever the size.
 */
export function workersFor(files: number): number {
  if (!entry.script) return 0;
  const asked = process.env.GOVREPORT_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), files);
  const cores = availableParallelism();
  return files >= WORKERS_FROM && cores > 1 ? cores : 0;
}

/** What a worker tells of one input: what checking it wrote, and the one-line reason where it failed. */
export interface Outcome {
  events: CheckEvent[];
  failure?: string;
}

interface WorkerReply {
  index: number;
  outcome: Outcome;
}

/**
 * Checks the readable inputs in `count` worker threads, chunk by chunk as each worker asks for more; `outcome` gives
 * each input's outcome as it comes, so that the caller reports them in input order.
 */
export function checkInWorkers(inputs: Input[], count: number, setup: WorkerSetup) {
  const { Worker }: typeof import('node:worker_threads') = require('node:worker_threads');
  const indexOf = new Map<Input, number>();
  const queue: { index: number; input: Input }[] = [];
  for (const [index, input] of inputs.entries()) {
    indexOf.set(input, index);
    if (input.error === undefined) queue.push({ index, input });
  }
  const waiting = new Map<number, { resolve: (outcome: Outcome) => void; reject: (error: Error) => void }>();
  const arrived = new Map<number, Outcome>();
  let broken: Error | undefined;
  let closing = false;
  const workers: Worker[] = [];
  const feed = (worker: Worker) => {
    const chunk = queue.splice(0, CHUNK);
    if (chunk.length > 0) worker.postMessage(chunk);
  };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(entry.script!, { argv: [WORKER_ARGUMENT], workerData: setup, stdout: false, stderr: false });
    worker.on('message', (replies: WorkerReply[]) => {
      for (const { index, outcome } of replies) {
        const waiter = waiting.get(index);
        if (waiter) {
          waiting.delete(index);
          waiter.resolve(outcome);
        } else arrived.set(index, outcome);
      }
      feed(worker);
    });
    const fail = (error: Error) => {
      broken ??= error;
      for (const waiter of waiting.values()) waiter.reject(broken);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`worker thread exited (${code})`));
    });
    workers.push(worker);
    feed(worker);
  }
  return {
    outcome(input: Input): Promise<Outcome> {
      const index = indexOf.get(input)!;
      const outcome = arrived.get(index);
      if (outcome) {
        arrived.delete(index);
        return Promise.resolve(outcome);
      }
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => waiting.set(index, { resolve, reject }));
    },
    async close(): Promise<void> {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** A worker's side: checks each chunk it is given as the main thread would, and sends back what each file tells. */
export function runCheckWorker(): void {
  const { parentPort, workerData }: typeof import('node:worker_threads') = require('node:worker_threads');
  const setup = workerData as WorkerSetup;
  const m = messagesFor(setup.settings.locale);
  const runSettings = new RunSettings(setup.settings, setup.run, m);
  const context = { settings: setup.settings, runSettings, companions: Companions.fromEntries(setup.companions, runSettings, m), m };
  parentPort!.on('message', async (chunk: { index: number; input: Input & { error?: undefined } }[]) => {
    const replies: WorkerReply[] = [];
    for (const { index, input } of chunk) {
      const events: CheckEvent[] = [];
      try {
        // The core's result stays here (it holds the report): the formats that need it are not run on workers.
        await checkInput(input, context, (event) => events.push('checked' in event ? { result: event.result } : event));
        replies.push({ index, outcome: { events } });
      } catch (error) {
        replies.push({ index, outcome: { events, failure: failureMessage(input.file, error, m) } });
      }
    }
    parentPort!.postMessage(replies);
  });
}
