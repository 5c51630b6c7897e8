import { truncate } from './width';

/** Files from which progress is worth showing. */
const MANY_FILES = 20;
const INTERVAL_MS = 100;

/**
 * A one-line counter on stderr, redrawn in place, for long runs in a terminal; silent when stderr is not a TTY
 * (never on stdout). Call `clear` before anything else is written to the terminal.
 */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;
  private last = 0;

  constructor(
    private readonly total: number,
    private readonly label: (done: number, total: number) => string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = !!stream.isTTY && total >= MANY_FILES;
  }

  update(done: number, file: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < INTERVAL_MS && done < this.total) return;
    this.last = now;
    const line = `${this.label(done, this.total)}  ${file}`;
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    this.stream.write(`\r\x1b[K${truncate(line, width)}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
