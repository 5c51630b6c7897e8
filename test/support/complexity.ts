/**
 * Whether a computation grows linearly: its time on an input of size n and 4n (best of a few runs). A linear one
 * takes about 4× as long; a quadratic one 16×. Used for catastrophic backtracking and quadratic loops, never as a
 * speed goal (those are printed by `npm run fuzz` and `npm run bench`).
 */
export interface Growth {
  small: number;
  large: number;
  ratio: number;
  /** False only where the larger input took clearly superlinear time (ratio > 8) and long enough to measure. */
  linear: boolean;
}

function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
    if (best > 1000) break; // slow enough to judge from one run
  }
  return best;
}

export function growth(make: (n: number) => string, n: number, run: (input: string) => unknown, runs = 3): Growth {
  const smallInput = make(n);
  const largeInput = make(4 * n);
  run(smallInput); // warm-up: compile the code paths before timing them
  const small = bestOf(runs, () => run(smallInput));
  const large = bestOf(runs, () => run(largeInput));
  const ratio = large / Math.max(small, 0.05);
  return { small, large, ratio, linear: ratio <= 8 || large < 25 };
}

/**
 * Growth measured again where a first measurement looks superlinear: a shared, loaded machine can stretch one
 * run, but a quadratic computation never measures linear. Linear as soon as one of `attempts` measurements is.
 */
export function settledGrowth(make: (n: number) => string, n: number, run: (input: string) => unknown, attempts = 3): Growth {
  let g = growth(make, n, run);
  for (let i = 1; i < attempts && !g.linear; i++) g = growth(make, n, run, 5);
  return g;
}
