import type * as Recalculate from './recalculate';

/**
 * 重新计算合计 loads on first use: in the language server it is a bundle of its own (dist/recalculate.js, see
 * esbuild.mjs), so the server starts without it; everywhere else it is bundled in as usual.
 */
export function recalculateTotals(...args: Parameters<typeof Recalculate.recalculateTotals>): Recalculate.Recalculation {
  return (require('./recalculate') as typeof Recalculate).recalculateTotals(...args);
}
