import { truncate } from './width';

/** Files from which progress is worth showing. */
const MANY_FILES = 20;
const INTERVAL_MS = 100;
/** Cells of the bar. */
const BAR = 20;
/** How long a run goes before its time left is estimated (the first files also pay the start-up). */
const ESTIMATE_AFTER_MS = 1000;

/** What a progress line needs of its terminal: a stream that may be a TTY, and its width. */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write' | 'isTTY' | 'columns'>;

/** `0:42`, `12:05`, `1:02:09`. */
export function clockTime(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * A one-line progress bar on stderr, redrawn in place, for long runs in a terminal: the count, a bar, the share done,
 * the time left (estimated from the pace so far, once the run has gone a second) and the file at hand. Silent when
 * stderr is not a TTY (never on stdout). Call `clear` before anything else is written to the terminal.
 */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;
  private last = 0;
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly label: (done: number, total: number) => string,
    private readonly stream: ProgressStream = process.stderr,
    private readonly timeLeft?: (time: string) => string,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = !!stream.isTTY && total >= MANY_FILES;
    this.started = now();
  }

  update(done: number, file: string): void {
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.last < INTERVAL_MS && done < this.total) return;
    this.last = now;
    const share = this.total > 0 ? done / this.total : 1;
    const filled = Math.round(share * BAR);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${Math.floor(share * 100)}%`;
    const elapsed = now - this.started;
    const eta =
      this.timeLeft && done > 0 && elapsed >= ESTIMATE_AFTER_MS
        ? `  ${this.timeLeft(clockTime((elapsed / done) * (this.total - done)))}`
        : '';
    const line = `${this.label(done, this.total)} ${bar}${eta}  ${file}`;
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
