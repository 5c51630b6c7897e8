import { TextDocument } from 'vscode-languageserver-textdocument';
import { editionForYear, editionsToTry, followsFormat, isEdition, NEWEST_EDITION, renderReport } from '../core';
import type { Settings } from '../shared/settings';
import type { NewReportParams, ReportInfoResult, StandardTableItem, StandardTablesResult } from '../shared/protocol';
import { codeActions, insertEdition, recalculateReport, resolveCodeAction } from './actions';
import { completions } from './completion';
import { diagnosticsOf } from './diagnostics';
import { type Analysis, analyze, forgetOthers, othersKey, setOthers } from './documents';
import { formatTables } from './format';
import { hover } from './hover';
import { documentSymbols, foldingRanges } from './outline';
import { reportSnippet, standardTables, tableLabel, tableSnippet } from './snippets';

/**
 * The analysis thread: it holds a copy of each open document, checks it with the core and answers every request
 * that needs the parsed report. The server's main thread only routes messages, so a long check (a 1 MB draft)
 * never holds up the protocol. In Node it runs in a worker thread (server/src/node.ts); in the browser the server is a
 * web worker already and runs it in-process (server/src/browser.ts).
 */

export interface DocumentRef {
  uri: string;
  languageId: string;
  version: number;
  /** Sent only when the analysis thread does not have this version yet. */
  text?: string;
}

export type WorkerMethod = keyof typeof handlers;

export interface WorkerRequest {
  id: number;
  method: WorkerMethod | 'close';
  document?: DocumentRef;
  settings?: Settings;
  params?: unknown;
}

export interface WorkerResponse {
  id: number;
  result?: unknown;
  /** The message is what a reply may carry; the stack is for the log. */
  error?: { message: string; stack?: string };
}

const documents = new Map<string, TextDocument>();
const analyses = new Map<string, { key: string; analysis: Analysis }>();
let longestCheck = { ms: 0, chars: 0 };

/** A document object stands for one text: a new one is made whenever the text is sent, so it keys the analysis. */
function analysisOf(document: TextDocument, settings: Settings, store = true): Analysis {
  const key = `${JSON.stringify(settings)}\0${othersKey(document.uri)}`;
  const cached = analyses.get(document.uri);
  if (store && cached && cached.key === key && cached.analysis.document === document) return cached.analysis;
  const analysis = analyze(document, settings);
  if (analysis.checkMs > longestCheck.ms) longestCheck = { ms: analysis.checkMs, chars: document.getText().length };
  if (store) analyses.set(document.uri, { key, analysis });
  return analysis;
}

// biome-ignore lint/suspicious/noExplicitAny: each handler reads the params of its own request
type Handler = (analysis: Analysis | undefined, params: any) => unknown;
const withReport =
  // biome-ignore lint/suspicious/noExplicitAny: as Handler
    (f: (analysis: Analysis, params: any) => unknown, none: unknown): Handler =>
    (analysis, params) =>
      analysis?.isReport ? f(analysis, params) : none;

const handlers = {
  diagnostics: ((analysis) => diagnosticsOf(analysis!)) as Handler,
  /** The other reports a document is checked with from now on (the previous year's, found by the main thread). */
  setOthers: ((_, p) => setOthers(p.uri, p.others)) as Handler,
  codeActions: withReport((a, p) => codeActions(a, p.params, p.abilities), []),
  resolveCodeAction: ((a, p) => (a ? resolveCodeAction(a, p.action, p.abilities) : p.action)) as Handler,
  hover: withReport((a, p) => hover(a, p.position), null),
  symbols: withReport((a) => documentSymbols(a), []),
  folding: withReport((a) => foldingRanges(a), []),
  formatting: withReport((a) => formatTables(a.document), []),
  completion: withReport((a, p) => completions(a, p.position), []),
  standardTables: ((analysis) => {
    const edition = (analysis?.isReport && insertEdition(analysis)) || NEWEST_EDITION;
    const tables: StandardTableItem[] = editionsToTry(edition).flatMap((e) =>
      standardTables(e).map(({ def }) => ({
        id: def.id,
        edition: e,
        section: def.section,
        label: tableLabel(def),
        snippet: tableSnippet(def),
      })),
    );
    return { edition, tables } satisfies StandardTablesResult;
  }) as Handler,
  newReport: ((_, p: NewReportParams) => {
    const edition = editionForYear(p.year);
    if (!isEdition(edition)) throw new Error(`No national format for ${p.year}`);
    return { edition, text: p.snippet ? reportSnippet(edition, { year: p.year, cells: false }) : renderReport(edition, p.year) };
  }) as Handler,
  /** A document that is not open (workspace check): checked once, not kept. */
  checkText: ((analysis) => diagnosticsOf(analysis!)) as Handler,
  reportInfo: ((analysis) => {
    if (!analysis?.isReport) return { isReport: false, errors: 0, warnings: 0, infos: 0 } satisfies ReportInfoResult;
    const { report, findings } = analysis.result;
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    return {
      isReport: true,
      edition: report.edition,
      followsFormat: followsFormat(report.edition),
      year: report.year?.value,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    } satisfies ReportInfoResult;
  }) as Handler,
  recalculateTotals: withReport((a) => recalculateReport(a), null),
  stats: (() => ({ longestCheckMs: longestCheck.ms, longestCheckChars: longestCheck.chars })) as Handler,
};

function documentOf(ref: DocumentRef, keep: boolean): TextDocument {
  if (ref.text !== undefined) {
    const document = TextDocument.create(ref.uri, ref.languageId, ref.version, ref.text);
    if (keep) documents.set(ref.uri, document);
    return document;
  }
  const document = documents.get(ref.uri);
  if (!document || document.version !== ref.version) throw new Error(`No text for ${ref.uri} version ${ref.version}`);
  return document;
}

function handle(request: WorkerRequest): unknown {
  if (request.method === 'close') {
    documents.delete(request.document!.uri);
    analyses.delete(request.document!.uri);
    forgetOthers(request.document!.uri);
    return null;
  }
  const keep = request.method !== 'checkText';
  const document = request.document && documentOf(request.document, keep);
  const analysis = document && request.settings ? analysisOf(document, request.settings, keep) : undefined;
  return handlers[request.method](analysis, request.params);
}

/** The answer to one request, or the error it met (the analysis never throws at its caller). */
export function respond(request: WorkerRequest): WorkerResponse {
  try {
    return { id: request.id, result: handle(request) };
  } catch (error) {
    return {
      id: request.id,
      error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) },
    };
  }
}
