import type { Ignore } from 'ignore';

const matchers = new Map<string, Ignore>();

/**
 * Whether gitignore-syntax patterns (`.govreportignore`, a configuration's `ignores`) leave out a file, given by its
 * path relative to the folder the patterns belong to, with `/` between names.
 */
export function ignoredBy(patterns: readonly string[], relative: string): boolean {
  const key = patterns.join('\n');
  let matcher = matchers.get(key);
  // Required here, not imported: a bundle that never matches patterns (the language server's main one) leaves it out.
  if (!matcher) matchers.set(key, (matcher = (require('ignore') as typeof import('ignore'))().add(patterns)));
  return relative !== '' && matcher.ignores(relative);
}
