import { unzipSync } from 'fflate';
import { blocksToDraft, oneLine } from './draft';
import { markHeadings } from './headings';
import { type Element, type ParentNode, childrenNamed, isElement, parseMarkup } from './markup';
import type { Block, BlockCell, Reader, ReaderNote } from './types';

const PARTS = new Set(['word/document.xml', 'word/styles.xml']);

/** Reads a Word document: body paragraphs and tables in document order, merged cells spread, headings by outline level. */
export const readDocx: Reader = async (bytes) => {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => PARTS.has(file.name) });
  } catch {
    return { kind: 'docx', text: '', origins: [], notes: [unreadable()] };
  }
  const document = files['word/document.xml'];
  if (!document) return { kind: 'docx', text: '', origins: [], notes: [unreadable()] };
  const decoder = new TextDecoder('utf-8');
  const levels = styleLevels(files['word/styles.xml'] ? decoder.decode(files['word/styles.xml']) : '');
  const root = parseMarkup(decoder.decode(document), true);
  const body = findBody(root);
  const blocks: Block[] = [];
  const count = { paragraph: 0, table: 0 };
  if (body) walkBody(body, levels, blocks, count);
  return { kind: 'docx', ...blocksToDraft(markHeadings(blocks)), notes: [] };
};

function unreadable(): ReaderNote {
  return {
    kind: 'unreadable',
    message: { zh: '不是有效的 Word（.docx）文件，无法读取其正文', en: 'not a valid Word (.docx) file: its body cannot be read' },
  };
}

function findBody(node: ParentNode): Element | undefined {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === 'w:body') return child;
    const found = findBody(child);
    if (found) return found;
  }
  return undefined;
}

/** Outline level (1-based) of each paragraph style that has one: by its `w:outlineLvl`, else by its name (`heading 2`, `标题 2`). */
function styleLevels(xml: string): Map<string, number> {
  const levels = new Map<string, number>();
  if (!xml) return levels;
  const root = parseMarkup(xml, true);
  const styles = root.children.filter(isElement).flatMap((e) => childrenNamed(e, 'w:style'));
  for (const style of styles) {
    const id = style.attribs['w:styleId'];
    const pPr = childrenNamed(style, 'w:pPr')[0];
    const outline = pPr && childrenNamed(pPr, 'w:outlineLvl')[0]?.attribs['w:val'];
    const name = childrenNamed(style, 'w:name')[0]?.attribs['w:val'] ?? '';
    const byName = /^(?:heading|标题)\s*([1-9])$/i.exec(name)?.[1] ?? (/^title$/i.test(name) ? '0' : undefined);
    const level = outline !== undefined ? Number(outline) + 1 : byName !== undefined ? Number(byName) || 1 : undefined;
    if (id && level !== undefined && level >= 1 && level <= 9) levels.set(id, level);
  }
  return levels;
}

/** The body's paragraphs and tables, also those inside content controls (`w:sdt`). */
function walkBody(node: Element, levels: Map<string, number>, blocks: Block[], count: { paragraph: number; table: number }): void {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === 'w:p') {
      count.paragraph++;
      const text = paragraphText(child);
      if (!oneLine(text)) continue;
      const level = paragraphLevel(child, levels);
      const location = { paragraph: count.paragraph };
      for (const line of text.split('\n')) {
        if (!oneLine(line)) continue;
        blocks.push(
          level !== undefined && level <= 6
            ? { kind: 'heading', level, text: line, location }
            : { kind: 'paragraph', text: line, location },
        );
      }
    } else if (child.name === 'w:tbl') {
      count.table++;
      blocks.push({ kind: 'table', rows: tableRows(child, count.table) });
    } else if (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml') {
      walkBody(child, levels, blocks, count);
    }
  }
}

function paragraphLevel(p: Element, levels: Map<string, number>): number | undefined {
  const pPr = childrenNamed(p, 'w:pPr')[0];
  if (!pPr) return undefined;
  const outline = childrenNamed(pPr, 'w:outlineLvl')[0]?.attribs['w:val'];
  if (outline !== undefined) return Number(outline) < 9 ? Number(outline) + 1 : undefined;
  const style = childrenNamed(pPr, 'w:pStyle')[0]?.attribs['w:val'];
  return style ? levels.get(style) : undefined;
}

/** A paragraph's text: its runs (also inside hyperlinks, fields, insertions), tabs as spaces, breaks as new lines; deleted text left out. */
function paragraphText(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (!isElement(child)) continue;
    switch (child.name) {
      case 'w:t':
        text += child.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
        break;
      case 'w:tab':
        text += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        text += '\n';
        break;
      case 'w:del':
      case 'w:pPr':
      case 'w:rPr':
      case 'w:instrText':
      case 'w:delText':
        break;
      default:
        text += paragraphText(child);
    }
  }
  return text;
}

/**
 * A table's rows as the document has them: `w:gridSpan` as a column span, a `w:vMerge` run (restart, then continue)
 * as one cell spanning those rows, `w:gridBefore` as blank leading cells. Cells are numbered as Word shows them.
 */
function tableRows(table: Element, number: number): BlockCell[][] {
  const rows: BlockCell[][] = [];
  /** The cell that starts a vertical merge, by its first grid column. */
  const open = new Map<number, BlockCell>();
  childrenNamed(table, 'w:tr').forEach((tr, r) => {
    const row: BlockCell[] = [];
    const trPr = childrenNamed(tr, 'w:trPr')[0];
    const before = Number(trPr && childrenNamed(trPr, 'w:gridBefore')[0]?.attribs['w:val']) || 0;
    for (let i = 0; i < before; i++) row.push({ text: '', location: { table: number, row: r + 1 } });
    let column = before;
    const cells = tr.children
      .filter(isElement)
      .flatMap((c) => (c.name === 'w:tc' ? [c] : c.name === 'w:sdt' || c.name === 'w:customXml' ? deepCells(c) : []));
    cells.forEach((tc, c) => {
      const tcPr = childrenNamed(tc, 'w:tcPr')[0];
      const colSpan = Math.max(1, Number(tcPr && childrenNamed(tcPr, 'w:gridSpan')[0]?.attribs['w:val']) || 1);
      const vMerge = tcPr && childrenNamed(tcPr, 'w:vMerge')[0];
      const merge = vMerge ? (vMerge.attribs['w:val'] === 'restart' ? 'restart' : 'continue') : undefined;
      const starter = open.get(column);
      if (merge === 'continue' && starter) {
        starter.rowSpan = (starter.rowSpan ?? 1) + 1;
      } else {
        const cell: BlockCell = { text: cellText(tc), location: { table: number, row: r + 1, cell: c + 1 } };
        if (colSpan > 1) cell.colSpan = colSpan;
        row.push(cell);
        if (merge === 'restart') open.set(column, cell);
        else open.delete(column);
      }
      column += colSpan;
    });
    rows.push(row);
  });
  return rows;
}

function deepCells(node: Element): Element[] {
  return node.children.filter(isElement).flatMap((c) => (c.name === 'w:tc' ? [c] : deepCells(c)));
}

/** A cell's paragraphs (and nested tables' text) as lines. */
function cellText(tc: Element): string {
  const lines: string[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'w:p') lines.push(paragraphText(child));
      else if (child.name !== 'w:tcPr') visit(child);
    }
  };
  visit(tc);
  return lines.join('\n');
}
