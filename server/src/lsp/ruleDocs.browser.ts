/**
 * In the browser the server cannot see the extension's files (a web worker may run from a blob: URL), so diagnostics
 * carry no documentation link there: the rule's id is still shown.
 */
export function ruleHref(_rule: string): string | undefined {
  return undefined;
}
