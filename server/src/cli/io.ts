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
  /** Writes out what `out` holds back (called at the end of a run). */
  flush?(): void;
}

/** How much output is held back before a write, where stdout is a file or a pipe (a terminal gets each piece at once). */
const OUT_BATCH = 64 * 1024;

export function processIo(): Io {
  let current: Progress | undefined;
  const clear = () => current?.clear();
  let held = '';
  const flush = () => {
    if (held === '') return;
    process.stdout.write(held);
    held = '';
  };
  return {
    out: (text) => {
      if (process.stdout.isTTY) {
        clear();
        process.stdout.write(text);
        return;
      }
      held += text;
      if (held.length >= OUT_BATCH) flush();
    },
    // What was written to stdout goes out first, so that the two streams interleave as before where they meet.
    err: (text) => {
      flush();
      clear();
      process.stderr.write(text);
    },
    flush,
    cwd: process.cwd(),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    progress: (total, label, timeLeft) => (current = new Progress(total, label, process.stderr, timeLeft)),
  };
}
