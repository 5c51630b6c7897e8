import MarkdownIt from 'markdown-it';

/**
 * The one markdown-it setup. Only the block structure is read (headings, fenced code, quotes, lists, tables): inline
 * parsing is off, since our readers read the text of each line themselves.
 */
function blockParser(tables: boolean): MarkdownIt {
  const parser = new MarkdownIt('default', { html: true });
  parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  if (!tables) parser.block.ruler.disable('table');
  return parser;
}

/**
 * Without table tokens: the report parser, which reads tables with its own readers (GFM's rule is a header row
 * followed by a delimiter row); markdown-it's table tokens, one per cell, cost more than the whole check.
 */
export const blockMarkdown = blockParser(false);

/** With table tokens: the formatter, which aligns the tables markdown-it sees (not those in quotes or code). */
export const tableMarkdown = blockParser(true);
