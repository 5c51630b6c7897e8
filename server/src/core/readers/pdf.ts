/**
 * The PDF reader (pdfjs-dist, its Node build, loaded only when a PDF is read): each page's positioned text runs and
 * drawn rules → lines, paragraphs, headings and bordered tables (see pdf/layout.ts) → the draft text.
 */
import { createRequire } from 'node:module';
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
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** The character maps of CJK fonts that a PDF names but does not embed (WPS writes such PDFs), where installed. */
function cMapUrl(): string | undefined {
  try {
    return `${createRequire(__filename).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')}cmaps/`;
  } catch {
    return undefined;
  }
}

const note = (kind: ReaderNote['kind'], zh: string, en: string): SourceDocument => ({
  kind: 'pdf',
  text: '',
  origins: [],
  notes: [{ kind, message: { zh, en } }],
});

export const readPdf: Reader = async (bytes, name) => {
  const lib = await pdfjs();
  const ops: PathOps = {
    save: lib.OPS.save,
    restore: lib.OPS.restore,
    transform: lib.OPS.transform,
    constructPath: lib.OPS.constructPath,
    stroke: new Set([lib.OPS.stroke, lib.OPS.closeStroke, lib.OPS.fillStroke, lib.OPS.eoFillStroke, lib.OPS.closeFillStroke, lib.OPS.closeEOFillStroke]),
    fill: new Set([lib.OPS.fill, lib.OPS.eoFill]),
  };
  // pdf.js takes over the buffer it is given: it reads a copy.
  const task = lib.getDocument({ data: bytes.slice(), verbosity: lib.VerbosityLevel.ERRORS, isEvalSupported: false, cMapUrl: cMapUrl(), cMapPacked: true, stopAtErrors: false });
  const pages: PageContent[] = [];
  try {
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const [content, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, , d, e, f] = item.transform as number[];
        // Rotated text (a stamp, a vertical label) is read at its origin.
        runs.push({ text: item.str, x: e, y: f, width: item.width, size: Math.abs(d) || Math.hypot(a, b) || item.height });
      }
      const [x0, y0, x1, y1] = page.view;
      pages.push({ number, box: [x0, y0, x1, y1], runs, rules: rulesOf(operators.fnArray, operators.argsArray, ops) });
      page.cleanup();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.name : '';
    if (reason === 'PasswordException') return note('unreadable', `${name}：PDF 已加密，无法读取。`, `${name}: the PDF is encrypted and cannot be read.`);
    return note('unreadable', `${name}：不是可读的 PDF 文件（已损坏或格式不符）。`, `${name}: not a readable PDF (damaged or not a PDF).`);
  } finally {
    await task.destroy();
  }
  if (pages.every((p) => p.runs.length === 0)) {
    return note('no-text-layer', `${name}：PDF 没有文字层（扫描件或图片），无法检查；请提供含文字的 PDF 或 Word 文件。`, `${name}: the PDF has no text layer (a scan or an image) and cannot be checked; give a PDF with text or a Word file.`);
  }
  const { text, origins } = blocksToDraft(blocksOf(pages));
  return { kind: 'pdf', text, origins, notes: [] };
};
