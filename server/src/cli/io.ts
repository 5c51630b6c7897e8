import { Progress } from './progress';

/** Where a command writes: stdout for results, stderr for messages; either first clears a progress line on the same terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Whether stdout takes colour (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** A progress line for `total` files; with `timeLeft`, it estimates the time left too. */
  progress(total: number, label: (done: number, total: number) => string, timeLeft?: (time: string) => string): Progress;
}

export function processIo(): Io {
  let current: Progress | undefined;
  const clear = () => current?.clear();
  return {
    out: (text) => {
      if (process.stdout.isTTY) clear();
      process.stdout.write(text);
    },
    err: (text) => {
      clear();
      process.stderr.write(text);
    },
    cwd: process.cwd(),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    progress: (total, label, timeLeft) => (current = new Progress(total, label, process.stderr, timeLeft)),
  };
}

/** How much output is held back before a write, and for how long at most (checked at the next piece). */
const BATCH_CHARS = 64 * 1024;
const BATCH_MS = 200;

/**
 * `io` with its output written in batches, where stdout is a file or a pipe (a terminal gets each piece at once): a
 * batch of thousands of files makes a few hundred writes instead of thousands. Whatever goes to stderr first writes
 * out what is held, so that the two streams interleave as before where they meet. Call `flush` at the end.
 */
export function batchedIo(io: Io, terminal = !!process.stdout.isTTY): Io & { flush(): void } {
  let held = '';
  let since = 0;
  const flush = () => {
    if (held === '') return;
    io.out(held);
    held = '';
  };
  return {
    ...io,
    out: (text) => {
      if (terminal) return io.out(text);
      if (held === '') since = Date.now();
      held += text;
      if (held.length >= BATCH_CHARS || Date.now() - since >= BATCH_MS) flush();
    },
    err: (text) => {
      flush();
      io.err(text);
    },
    flush,
  };
}
