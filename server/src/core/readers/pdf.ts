/**
 * The PDF reader (pdfjs-dist, its Node build, loaded only when a PDF is read): each page's positioned text runs and
 * drawn rules → lines, paragraphs, headings and tables, ruled (pdf/geometry.ts) or not (pdf/columns.ts), in reading
 * order (pdf/layout.ts) → the draft text.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { blocksToDraft } from './draft';
import type { PathOps } from './pdf/geometry';
import { rulesOf } from './pdf/geometry';
import { type PageContent, type TextRun, blocksOf } from './pdf/layout';
import type { Reader, ReaderNote, SourceDocument } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/** pdf.js with its worker in this thread (`globalThis.pdfjsWorker`), so a bundle needs no worker file beside it. */
function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    // The legacy build's core-js replaces Array.prototype.push, JSON.parse and JSON.stringify on Node 20 (for edge
    // cases pdf.js does not meet) with JavaScript that makes every push and JSON call of the process several times
    // slower: V8's own are put back.
    const natives: [object, string, unknown][] = [
      [Array.prototype, 'push', Array.prototype.push],
      [JSON, 'parse', JSON.parse],
      [JSON, 'stringify', JSON.stringify],
    ];
    // Rendering needs a canvas (the optional @napi-rs/canvas, which a bundle leaves behind); reading text needs
    // only these names to exist when pdf.js loads. Its warnings on loading without them are not printed.
    const globals = globalThis as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) globals[name] ??= class {};
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      globals.pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
      for (const [owner, key, value] of natives)
        Object.defineProperty(owner, key, { value, writable: true, configurable: true, enumerable: false });
    }
  })();
  return loading;
}

/**
 * The character maps of CJK fonts that a PDF names but does not embed (WPS writes such PDFs): the Simplified Chinese
 * ones the build copies beside the bundle (dist/cmaps, the extension has no node_modules), else pdf.js's own.
 */
function cMapUrl(): string | undefined {
  const shipped = join(__dirname, '..', 'cmaps');
  if (existsSync(join(shipped, 'UniGB-UCS2-H.bcmap'))) return `${shipped}/`;
  try {
    return `${createRequire(__filename)
      .resolve('pdfjs-dist/package.json')
      .replace(/package\.json$/, '')}cmaps/`;
  } catch {
    return undefined;
  }
}

function runsOf(content: { items: object[] }): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || typeof item.str !== 'string' || !item.str.trim()) continue;
    const { transform, width, height } = item as unknown as { transform: number[]; width: number; height: number };
    const [a, b, , d, e, f] = transform;
    // Rotated text (a stamp, a vertical label) is read at its origin.
    runs.push({ text: item.str, x: e, y: f, width, size: Math.abs(d) || Math.hypot(a, b) || height });
  }
  return runs;
}

/** Whether some line holds runs apart by more than a character and a half: cells of a table, or columns. */
function hasColumns(runs: TextRun[]): boolean {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (Math.abs(a.y - b.y) <= Math.min(a.size, b.size) * 0.4 && b.x - (a.x + a.width) > Math.max(a.size, b.size) * 1.5) return true;
  }
  return false;
}

const note = (kind: ReaderNote['kind'], zh: string, en: string): SourceDocument => ({
  kind: 'pdf',
  text: '',
  origins: [],
  notes: [{ kind, message: { zh, en } }],
});

export const readPdf: Reader = async (bytes) => {
  const lib = await pdfjs();
  const ops: PathOps = {
    save: lib.OPS.save,
    restore: lib.OPS.restore,
    transform: lib.OPS.transform,
    constructPath: lib.OPS.constructPath,
    stroke: new Set([
      lib.OPS.stroke,
      lib.OPS.closeStroke,
      lib.OPS.fillStroke,
      lib.OPS.eoFillStroke,
      lib.OPS.closeFillStroke,
      lib.OPS.closeEOFillStroke,
    ]),
    fill: new Set([lib.OPS.fill, lib.OPS.eoFill]),
  };
  // pdf.js takes over the buffer it is given: it reads a copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    stopAtErrors: false,
  });
  let pages: PageContent[];
  try {
    const doc = await task.promise;
    // Pages are read together: pdf.js interleaves their work where one waits.
    pages = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i): Promise<PageContent> => {
        const page = await doc.getPage(i + 1);
        const runs = runsOf(await page.getTextContent({ disableNormalization: true }));
        // Rules (cell borders) are only looked for on pages with text set apart in columns: drawing a page's
        // operator list costs as much as reading its text.
        const operators = hasColumns(runs) ? await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE }) : undefined;
        const [x0, y0, x1, y1] = page.view;
        const rules = operators ? rulesOf(operators.fnArray, operators.argsArray, ops) : [];
        page.cleanup();
        return { number: i + 1, box: [x0, y0, x1, y1], runs, rules };
      }),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.name : '';
    if (reason === 'PasswordException') return note('unreadable', 'PDF 已加密，无法读取', 'the PDF is encrypted and cannot be read');
    return note('unreadable', '不是可读的 PDF 文件（已损坏或格式不符）', 'not a readable PDF (damaged or not a PDF)');
  } finally {
    await task.destroy();
  }
  if (pages.every((p) => p.runs.length === 0)) {
    return note(
      'no-text-layer',
      'PDF 没有文字层（扫描件或图片），无法检查；请提供含文字的 PDF 或 Word 文件',
      'the PDF has no text layer (a scan or an image) and cannot be checked; give a PDF with text or a Word file',
    );
  }
  const { text, origins } = blocksToDraft(blocksOf(pages));
  return { kind: 'pdf', text, origins, notes: [] };
};
