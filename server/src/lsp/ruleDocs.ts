import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The README shipped beside the bundle: each rule has an `<a id="rule-id">` anchor there. In a repository it is
 * README.md; vsce packs it into the extension as readme.md. (The web bundles take ruleDocs.browser.ts instead.)
 */
const README = pathToFileURL(
  ['README.md', 'readme.md'].map((name) => join(__dirname, '..', name)).find((file) => existsSync(file)) ??
    join(__dirname, '..', 'README.md'),
).href;

/** The link to a rule's documentation. */
export function ruleHref(rule: string): string | undefined {
  return `${README}#${rule}`;
}
