import {
  AlignmentType,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { PublishedDocument } from './document';
import type { GridCell, PublishedTable } from './layout';

/**
 * How the Word file is set, after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm, body 仿宋_GB2312 三号 on
 * an exact 28 pt line, first lines indented two characters; the title 方正小标宋简体 二号 centred; section headings
 * 黑体 三号; headings inside a section 楷体_GB2312 三号; tables 宋体 五号; the signing agency and date flush right.
 */
export const DOCX_STYLE = {
  body: { font: '仿宋_GB2312', size: 16 },
  title: { font: '方正小标宋简体', size: 22 },
  heading: { font: '黑体', size: 16 },
  subheading: { font: '楷体_GB2312', size: 16 },
  table: { font: '宋体', size: 10.5 },
  /** Latin letters and digits of every run. */
  latin: 'Times New Roman',
} as const;

const MM = 1440 / 25.4;
const PAGE = {
  width: 11906,
  height: 16838,
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const LINE = 28 * 20;

type Face = { font: string; size: number };

function run(text: string, face: Face): TextRun {
  const font = { ascii: DOCX_STYLE.latin, hAnsi: DOCX_STYLE.latin, cs: DOCX_STYLE.latin, eastAsia: face.font };
  return new TextRun({ text, font, size: face.size * 2 });
}

const indent = (face: Face) => ({ firstLine: face.size * 2 * 20 });
/** The body's fixed line (tables keep single spacing: a fixed line would hold every merged row open). */
const exactLine = { line: LINE, lineRule: LineRuleType.EXACT };

/** Widths of a table's columns in twips: label columns take about a third of the width, values the rest. */
function columnWidths(layout: PublishedTable): number[] {
  const labels = layout.def.labelColumns;
  const labelShare = labels === 0 ? 0 : 1 / 3;
  const weights = Array.from({ length: labels }, (_, i) => i + 1);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const labelWidths = weights.map((w) => Math.floor((TEXT_WIDTH * labelShare * w) / weightSum));
  const values = layout.width - labels;
  const valueWidth = Math.floor((TEXT_WIDTH - labelWidths.reduce((a, b) => a + b, 0)) / values);
  return [...labelWidths, ...Array(values).fill(valueWidth)];
}

function gridCell(cell: GridCell, widths: number[], column: number): TableCell {
  const alignment = cell.kind === 'figure' ? AlignmentType.RIGHT : cell.kind === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER;
  const width = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    children: [new Paragraph({ alignment, children: cell.text ? [run(cell.text, DOCX_STYLE.table)] : [] })],
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
    ...(cell.colSpan > 1 && { columnSpan: cell.colSpan }),
    ...(cell.rowSpan > 1 && { rowSpan: cell.rowSpan }),
  });
}

/** The grid column each cell of each row starts at, given the cells merged down from the rows above. */
function rowsOf(cells: GridCell[][], widths: number[], header: boolean): TableRow[] {
  const taken: number[] = Array(widths.length).fill(0);
  return cells.map((row) => {
    let column = 0;
    const children = row.map((cell) => {
      while (taken[column] > 0) column++;
      const built = gridCell(cell, widths, column);
      for (let c = column; c < column + cell.colSpan; c++) taken[c] = cell.rowSpan;
      column += cell.colSpan;
      return built;
    });
    for (let c = 0; c < taken.length; c++) if (taken[c] > 0) taken[c]--;
    return new TableRow({ children, tableHeader: header, cantSplit: true });
  });
}

function table(layout: PublishedTable): (Paragraph | Table)[] {
  const widths = columnWidths(layout);
  const caption = layout.caption
    ? [
        new Paragraph({
          keepNext: true,
          spacing: exactLine,
          children: [run(layout.caption, DOCX_STYLE.body)],
          indent: indent(DOCX_STYLE.body),
        }),
      ]
    : [];
  return [
    ...caption,
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      alignment: AlignmentType.CENTER,
      rows: [...rowsOf(layout.header, widths, true), ...rowsOf(layout.body, widths, false)],
    }),
    new Paragraph({ children: [] }),
  ];
}

function children(document: PublishedDocument): (Paragraph | Table)[] {
  return document.blocks.flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case 'title':
        return [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [run(block.text, DOCX_STYLE.title)],
            spacing: { after: LINE },
          }),
        ];
      case 'heading': {
        const face = block.level === 1 ? DOCX_STYLE.heading : DOCX_STYLE.subheading;
        const heading = block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
        return [new Paragraph({ heading, keepNext: true, spacing: exactLine, indent: indent(face), children: [run(block.text, face)] })];
      }
      case 'paragraph':
        return [
          new Paragraph({
            alignment: block.signature ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
            spacing: exactLine,
            ...(!block.signature && { indent: indent(DOCX_STYLE.body) }),
            children: [run(block.text, DOCX_STYLE.body)],
          }),
        ];
      case 'grid': {
        const width = Math.max(...block.rows.map((r) => r.length));
        const cells = block.rows.map((r) =>
          Array.from({ length: width }, (_, i): GridCell => ({ kind: 'label', text: r[i] ?? '', rowSpan: 1, colSpan: 1, findings: [] })),
        );
        const widths = Array(width).fill(Math.floor(TEXT_WIDTH / width));
        return [
          new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: rowsOf(cells, widths, false) }),
          new Paragraph({ children: [] }),
        ];
      }
      case 'table':
        return table(block.layout);
    }
  });
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The document properties without the time of writing, so that one draft always gives the same bytes. */
function coreProperties(title: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>govreport</dc:creator></cp:coreProperties>`
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** 1 January 1980, 00:00, the first day a zip entry can carry. */
const ZIP_DATE = (1 << 5) | 1;

/** Every zip entry's modification time set to one fixed date (the zip writer stamps the time of writing). */
function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const stamp = (at: number) => {
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, ZIP_DATE, true);
  };
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new Error('not a zip archive');
  const entries = view.getUint16(end + 10, true);
  for (let i = 0, at = view.getUint32(end + 16, true); i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error('damaged zip directory');
    stamp(at + 12);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error('damaged zip entry');
    stamp(local + 10);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

/** The report as a Word file set as an official document, the same bytes for the same draft. */
export async function renderDocx(document: PublishedDocument): Promise<Uint8Array> {
  const title = document.blocks.find((b) => b.kind === 'title')?.text ?? '';
  const doc = new Document({
    creator: 'govreport',
    title,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: DOCX_STYLE.latin, hAnsi: DOCX_STYLE.latin, eastAsia: DOCX_STYLE.body.font },
            size: DOCX_STYLE.body.size * 2,
          },
        },
        title: { run: { font: DOCX_STYLE.title.font, size: DOCX_STYLE.title.size * 2, color: '000000' } },
        heading1: {
          run: { font: DOCX_STYLE.heading.font, size: DOCX_STYLE.heading.size * 2, color: '000000', bold: false },
          paragraph: { outlineLevel: 0 },
        },
        heading2: {
          run: { font: DOCX_STYLE.subheading.font, size: DOCX_STYLE.subheading.size * 2, color: '000000', bold: false, italics: false },
          paragraph: { outlineLevel: 1 },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: children(document),
      },
    ],
  });
  const zip = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(title) }]);
  return fixZipTimes(new Uint8Array(zip));
}
