import { eastAsianWidth } from 'get-east-asian-width';

const ZERO_WIDTH = /\p{M}|\u200b|\u200d|\ufe0f/u;

/**
 * Columns a string takes in a monospaced editor or terminal: CJK and full-width characters two, combining marks and
 * zero-width joiners none. The one measure of the formatter (tables aligned) and the CLI (columns of findings).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (ZERO_WIDTH.test(char)) continue;
    width += eastAsianWidth(char.codePointAt(0)!, { ambiguousAsWide: false });
  }
  return width;
}
