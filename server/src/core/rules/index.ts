import type { Rule } from './types';

/** Every rule, in the order of rules.md. */
export const RULES: Rule[] = [];
