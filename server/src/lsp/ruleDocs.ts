import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The rules' pages shipped beside the bundle: docs/rules/<id>.md, written by `npm run docs` from the rule modules.
 * (The web bundles take ruleDocs.browser.ts instead.)
 */
const RULE_PAGES = join(__dirname, '..', 'docs', 'rules');

/** The link to a rule's documentation. */
export function ruleHref(rule: string): string | undefined {
  return pathToFileURL(join(RULE_PAGES, `${rule}.md`)).href;
}
