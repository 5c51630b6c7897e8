import iconv from 'iconv-lite';
import { lineAt, lineStartsOf } from '../parse/text';
import { blocksToDraft, oneLine } from './draft';
import { isSectionHeading, isTitle, markHeadings } from './headings';
import { type ChildNode, type Element, type ParentNode, findAll, isElement, parseMarkup } from './markup';
import type { Block, BlockCell, Reader, SourceLocation } from './types';

/** The page's text: the charset of its byte order mark, else of its `<meta>`, else UTF-8 where valid, else GB18030. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = declaredCharset(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'));
  if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) {
    // Pages declared GB2312 are GBK or GB18030 in practice: the superset reads them all.
    const label = /^(gb2312|gbk|gb_2312-80|x-gbk|euc-cn)$/.test(declared) ? 'gb18030' : declared;
    return iconv.decode(Buffer.from(bytes), label);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), declared && /^utf-?8$/.test(declared) ? 'utf-8' : 'gb18030');
  }
}

const CHARSET = /charset\s{0,8}=\s{0,8}["']?\s{0,8}([\w.:-]{1,40})/i;

/** The charset a `<meta charset>` or `<meta http-equiv content="…; charset=…">` among the page's first bytes declares. */
function declaredCharset(head: string): string | undefined {
  for (const piece of head.split('<')) {
    if (!/^meta\b/i.test(piece)) continue;
    const end = piece.indexOf('>');
    const found = CHARSET.exec(end < 0 ? piece : piece.slice(0, end))?.[1];
    if (found) return found.toLowerCase();
  }
  return undefined;
}

/** Elements that are never part of a report's text: scripts, styles, forms, the site's navigation frame. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'nav',
  'header',
  'footer',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'img',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'center',
  'address',
  'figure',
  'figcaption',
  'caption',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const HEADING = /^h([1-6])$/;
/** Page chrome that can stand inside the article area: location bars, share, print and attachment links. */
const CHROME =
  /^(当前位置|您的位置|您当前的位置|当前所在位置|首页\s*[>＞»]|附件下载|相关附件|附件[:：]|分享到|【?打印|【?关闭|字号|扫一扫|来源[:：]|发布时间[:：]|浏览次数)/;

interface Paragraph {
  text: string;
  /** Offset in the page of the paragraph's first text. */
  start?: number;
  /** Characters of the paragraph's text that stand inside links. */
  linked: number;
}

/** Reads the page: the element holding the report found by its content, its paragraphs and tables as blocks. */
export const readHtml: Reader = async (bytes) => {
  const page = decodeHtml(bytes);
  const lineStarts = lineStartsOf(page);
  const where = (offset: number): SourceLocation => {
    const line = lineAt(lineStarts, offset);
    return { line: line + 1, column: offset - lineStarts[line] + 1 };
  };
  const document = parseMarkup(page, false);
  const body = reportElement(document);
  const blocks = markHeadings(blocksOf(body, where));
  const first = blocks.find((b) => b.kind !== 'table');
  if (!first || !('text' in first) || !isTitle(first.text)) {
    const title = titleBefore(document, body);
    if (title) blocks.unshift({ kind: 'heading', level: 1, text: title.text, location: where(title.start) });
  }
  return { kind: 'html', ...blocksToDraft(blocks), notes: [] };
};

/** Text of a node as a browser lays it out: white space folded, a break for `<br>` and between blocks. */
function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data.replace(/[ \t\r\n\f]+/g, ' ');
  if (!isElement(node) || SKIPPED.has(node.name)) return '';
  if (node.name === 'br') return '\n';
  const inner = node.children.map(textOf).join('');
  return BLOCKS.has(node.name) || node.name === 'td' || node.name === 'th' || node.name === 'tr' ? `\n${inner}\n` : inner;
}

const HEADING_MAX = 200;

/** The text of an element that holds little text (a heading, a short line), or undefined for a longer one — without reading it all. */
function shortTextOf(element: Element): string | undefined {
  let text = '';
  const visit = (node: ChildNode): boolean => {
    if (node.type === 'text') text += node.data;
    else if (isElement(node) && !SKIPPED.has(node.name)) for (const child of node.children) if (!visit(child)) return false;
    return text.length <= HEADING_MAX;
  };
  return visit(element) ? text : undefined;
}

function firstTextOffset(node: ChildNode): number | undefined {
  if (node.type === 'text') return node.data.trim() ? (node.startIndex ?? undefined) : undefined;
  if (!isElement(node) || SKIPPED.has(node.name)) return undefined;
  for (const child of node.children) {
    const found = firstTextOffset(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The element that holds the report: the innermost one holding every table and every section heading of the page
 * (so a site's navigation, sidebars and footer stay out); the whole page where it has neither.
 */
function reportElement(document: ParentNode): ParentNode {
  const marks: Element[] = [
    ...findAll(
      document,
      (e) => e.name === 'table' && /\d/.test(textOf(e)),
      (e) => e.name === 'table' || SKIPPED.has(e.name),
    ),
    ...findAll(
      document,
      (e) => BLOCKS.has(e.name) && isSectionHeading(shortTextOf(e) ?? ''),
      (e) => SKIPPED.has(e.name) || e.name === 'table',
    ),
  ];
  if (marks.length === 0) return document;
  const path = (e: ParentNode): ParentNode[] => {
    const chain: ParentNode[] = [];
    for (let n: ParentNode | null = e; n; n = n.parent) chain.unshift(n);
    return chain;
  };
  let common = path(marks[0]);
  for (const mark of marks.slice(1)) {
    const other = path(mark);
    let i = 0;
    while (i < common.length && i < other.length && common[i] === other[i]) i++;
    common = common.slice(0, i);
  }
  const holder = common[common.length - 1];
  // A single mark is its own holder; the report is around it.
  return marks.length === 1 && holder === marks[0] ? (holder.parent ?? document) : holder;
}

/** The report's title where the article area leaves it out: the last short title-like text before the area. */
function titleBefore(document: ParentNode, body: ParentNode): { text: string; start: number } | undefined {
  const bodyStart = body.startIndex ?? Number.MAX_SAFE_INTEGER;
  let found: { text: string; start: number } | undefined;
  const visit = (parent: ParentNode) => {
    for (const child of parent.children) {
      if (child === body || (child.startIndex ?? 0) >= bodyStart) return;
      if (!isElement(child) || SKIPPED.has(child.name) || child.name === 'a') continue;
      const own = child.children
        .filter((c) => c.type === 'text')
        .map((c) => (c.type === 'text' ? c.data : ''))
        .join('');
      if (isTitle(own) && oneLine(own)) found = { text: oneLine(own), start: firstTextOffset(child) ?? child.startIndex ?? 0 };
      visit(child);
    }
  };
  visit(document);
  if (found) return found;
  const meta = findAll(document, (e) => e.name === 'meta' && /^articletitle$/i.test(e.attribs.name ?? ''))[0];
  if (meta?.attribs.content && isTitle(meta.attribs.content)) return { text: oneLine(meta.attribs.content), start: meta.startIndex ?? 0 };
  const title = findAll(document, (e) => e.name === 'title')[0];
  const text = title ? oneLine(textOf(title)).split(/[_|｜]| - /)[0] : '';
  return isTitle(text) ? { text, start: firstTextOffset(title!) ?? 0 } : undefined;
}

/** The blocks of the report element: a paragraph per block of text, a table per `<table>`, chrome left out. */
function blocksOf(body: ParentNode, where: (offset: number) => SourceLocation): Block[] {
  const blocks: Block[] = [];
  let current: Paragraph = { text: '', linked: 0 };
  let heading: number | undefined;
  const flush = () => {
    const text = oneLine(current.text);
    const linkedOnly = current.linked > 0 && current.linked >= text.replace(/\s/g, '').length;
    if (text && current.start !== undefined && !linkedOnly && !(text.length < 60 && CHROME.test(text))) {
      const location = where(current.start);
      if (heading !== undefined && text.length <= 50) blocks.push({ kind: 'heading', level: heading, text, location });
      else blocks.push({ kind: 'paragraph', text, location });
    }
    current = { text: '', linked: 0 };
  };
  const visit = (node: ChildNode, inLink: boolean) => {
    if (node.type === 'text') {
      const text = node.data.replace(/[ \t\r\n\f]+/g, ' ');
      if (text.trim() && current.start === undefined) current.start = node.startIndex ?? undefined;
      current.text += text;
      if (inLink) current.linked += text.replace(/\s/g, '').length;
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.name)) return;
    if (node.name === 'br') {
      // A line break inside a paragraph ends a line of the report (a heading, the signature, the date).
      flush();
      return;
    }
    if (node.name === 'table') {
      flush();
      const rows = tableRows(node, where);
      if (rows.length) blocks.push({ kind: 'table', rows });
      return;
    }
    const block = BLOCKS.has(node.name);
    if (block) flush();
    const level = HEADING.exec(node.name);
    if (level) heading = Number(level[1]);
    for (const child of node.children) visit(child, inLink || node.name === 'a');
    if (block) flush();
    if (level) heading = undefined;
  };
  for (const child of body.children) visit(child, false);
  flush();
  return blocks;
}

/** The rows of a table (not of tables nested in its cells), each cell with its text, spans and place in the page. */
function tableRows(table: Element, where: (offset: number) => SourceLocation): BlockCell[][] {
  const rows = findAll(
    table,
    (e) => e.name === 'tr',
    (e) => e.name === 'table' || e.name === 'tr',
  );
  return rows
    .map((tr) =>
      findAll(
        tr,
        (e) => e.name === 'td' || e.name === 'th',
        (e) => e.name === 'td' || e.name === 'th' || e.name === 'table',
      ).map((cell) => ({
        text: cellText(cell),
        rowSpan: span(cell.attribs.rowspan),
        colSpan: span(cell.attribs.colspan),
        location: where(firstTextOffset(cell) ?? cell.startIndex ?? 0),
      })),
    )
    .filter((row) => row.length > 0);
}

/** A cell's text: blocks and breaks inside it become line breaks (`<p>三</p><p>、</p>` is one label once joined). */
function cellText(cell: Element): string {
  return cell.children
    .map(textOf)
    .join('')
    .split('\n')
    .map((part) => part.replace(/[ \u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function span(value: string | undefined): number | undefined {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : undefined;
}
