import { Progress } from './progress';

/** Where a command writes: stdout for results, stderr for messages; either first clears a progress line on the same terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Whether stdout takes colour (a terminal, and NO_COLOR unset). */
  color: boolean;
  progress(total: number, label: (done: number, total: number) => string): Progress;
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
    progress: (total, label) => (current = new Progress(total, label)),
  };
}
