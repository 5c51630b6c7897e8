import type MarkdownIt from 'markdown-it';
import { govreportTables } from '../../server/src/core';
import type { Settings } from '../../server/src/shared/settings';

/**
 * The Markdown preview's plugin, a bundle of its own (dist/preview.js) loaded by the client only when VS Code's
 * Markdown preview asks for it: the standard tables rendered as published, with every wrong cell marked. The
 * settings are read at each render, so a change of edition or language shows at the next refresh.
 */
export function extendMarkdownIt(md: MarkdownIt, settings: () => Partial<Settings>): MarkdownIt {
  return md.use(govreportTables, {
    get settings() {
      return settings();
    },
  });
}
