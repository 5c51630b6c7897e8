import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { TextEdit } from 'vscode-languageserver-types';

/** Names and payloads shared by the language server and the VS Code client. */

export const LANGUAGE_ID = 'govreport';
export const CONFIG_SECTION = 'govreport';
export const DIAGNOSTIC_SOURCE = 'govreport';
/** The code action kind of "fix everything fixable", so `editor.codeActionsOnSave` can name it. */
export const FIX_ALL_KIND = 'source.fixAll.govreport';
export const INSERT_TABLE_KIND = 'refactor.insert.govreport';
/** 重新计算合计: a rewrite the user chooses (it changes totals that may be right where a part is wrong), not a quick fix. */
export const RECALCULATE_KIND = 'refactor.rewrite.govreport';
/** The report files the workspace check reads and the previous-year lookup looks at (what the CLI reads). */
export const REPORT_FILES = '**/*.{md,txt,html,htm,shtml,docx,pdf}';

export const Commands = {
  newReport: 'govreport.newReport',
  insertStandardTable: 'govreport.insertStandardTable',
  checkWorkspace: 'govreport.checkWorkspace',
  previewReport: 'govreport.previewReport',
  importReport: 'govreport.importReport',
  exportReport: 'govreport.exportReport',
  showLog: 'govreport.showLog',
  recalculateTotals: 'govreport.recalculateTotals',
  /** Internal: inserts a snippet at a position (code actions that insert a standard table with tab stops). */
  insertSnippet: 'govreport.insertSnippet',
} as const;

/** Sent by the client in `initializationOptions`. */
export interface InitializationOptions {
  /** The client runs `govreport.insertSnippet`, so inserted tables may carry tab stops. */
  snippetCommand?: boolean;
  /** Delay between the last change and the check; 200 ms by default. */
  debounceMs?: number;
  /** Settings for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
}

export interface FixData {
  title: string;
  safe: boolean;
  edits: TextEdit[];
}

/** `Diagnostic.data`: the finding's fixes, so code actions need no state on the server. */
export interface DiagnosticData {
  /** The document version the edits were computed for; older data is not applied. */
  version: number | null;
  /** The key of the text the edits were computed for: a version sent again with other text does not match. */
  content: string;
  fixes: FixData[];
}

/** `CodeAction.data` of actions whose edit is computed on `codeAction/resolve`. */
export interface ResolveData {
  kind: 'fixRule' | 'fixAll';
  uri: string;
  rule?: string;
}

/** Arguments of `govreport.insertSnippet`. */
export interface InsertSnippetArgs {
  uri: string;
  /** The document version the position belongs to. */
  version: number;
  line: number;
  character: number;
  snippet: string;
}

export interface NewReportParams {
  year: number;
  /** With tab stops (the agency name) for `SnippetString`; plain text otherwise. */
  snippet: boolean;
}
export interface NewReportResult {
  edition: string;
  text: string;
}

export interface StandardTablesParams {
  uri?: string;
}
export interface StandardTableItem {
  id: string;
  /** An edition id of the standard (`EDITION_IDS`). */
  edition: string;
  section: string;
  /** `第二十条第（一）项`, or the section's title for 三 and 四. */
  label: string;
  snippet: string;
}
export interface StandardTablesResult {
  /** The edition of the document's report, where one is open and has one. */
  edition: string;
  tables: StandardTableItem[];
}

export interface CheckDocumentParams {
  uri: string;
  languageId: string;
  /** The text to check; absent: the server reads the file (a `file:` URI) and decodes it as the CLI does. */
  text?: string;
}
export interface CheckDocumentResult {
  /** False where the document is markdown that does not look like a report (or markdown is off). */
  checked: boolean;
  problems: number;
}

export interface WorkspaceFilesParams {
  /** The workspace folders (URIs). */
  folders: string[];
}
export interface WorkspaceFilesResult {
  /** The report files the CLI would check in these folders (its walk, `.govreportignore`, the configurations' `ignores`). */
  files: string[];
  /** Files the ignore file or a configuration's `ignores` left out. */
  skipped: number;
}

export interface ImportReportParams {
  /** The file's URI (whose settings apply). */
  uri: string;
  /** The file's name (its extension says how it is read: .docx, .pdf, .html, .txt, .md). */
  name: string;
  /** The file's bytes, base64. */
  base64: string;
}
export interface ImportReportResult {
  /** The canonical draft (source named at the top), or absent where the file has nothing to import. */
  text?: string;
  /** Why nothing was imported (a scan without text, an office format to save as .docx, a damaged file). */
  refused?: string;
  /** What the reader noted (pages left out, figures recovered…), in the user's language. */
  notes: string[];
  tables: number;
}

export type ExportFormat = 'docx' | 'html';
export interface ExportReportParams {
  uri: string;
  format: ExportFormat;
}
export interface ExportReportResult {
  /** The Word file or web page, base64. */
  base64: string;
  tables: number;
  /** Error findings in the exported report (it is exported all the same). */
  errors: number;
}

export interface ReportInfoParams {
  uri: string;
}
export interface ReportInfoResult {
  /** False where the document is not checked (markdown or text that does not look like a report). */
  isReport: boolean;
  /** The edition the report is checked against. */
  edition?: string;
  /** Whether that edition is one of the national formats (false: a report from before them). */
  followsFormat?: boolean;
  year?: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface RecalculateTotalsParams {
  uri: string;
}
export interface RecalculateTotalsResult {
  /** The document version the edits are for. */
  version: number;
  edits: TextEdit[];
  /** One sentence for a notification. */
  summary: string;
  /** `line: cell old → new`, one per total changed. */
  changed: string[];
  /** `line: cell: why`, one per total left as written that does not hold. */
  left: string[];
}

export interface StatsResult {
  /** Longest event-loop delay of the server's main thread since start, in ms. */
  mainLoopMaxDelayMs: number;
  /** Longest single check (run off the main thread) and the size of its text. */
  longestCheckMs: number;
  longestCheckChars: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/** The requests of our own, typed once for both sides: the client sends them, the server answers them. */
export const Requests = {
  /** A whole report skeleton for a year, in that year's edition. */
  newReport: new RequestType<NewReportParams, NewReportResult, void>('govreport/newReport'),
  /** The standard tables for a document (its report's edition first). */
  standardTables: new RequestType<StandardTablesParams, StandardTablesResult, void>('govreport/standardTables'),
  /** Checks a document that is not open and publishes its diagnostics. */
  checkDocument: new RequestType<CheckDocumentParams, CheckDocumentResult, void>('govreport/checkDocument'),
  /** The report files of the workspace folders, walked as the CLI walks a folder (the workspace check). */
  workspaceFiles: new RequestType<WorkspaceFilesParams, WorkspaceFilesResult, void>('govreport/workspaceFiles'),
  /** A report file of any kind the checker reads, as a canonical draft (the editor's "Import report…"). */
  importReport: new RequestType<ImportReportParams, ImportReportResult, void>('govreport/importReport'),
  /** An open report as the Word file or the web page to publish. */
  exportReport: new RequestType<ExportReportParams, ExportReportResult, void>('govreport/exportReport'),
  /** Edition, year and counts of findings of an open document (the language status item). */
  reportInfo: new RequestType<ReportInfoParams, ReportInfoResult, void>('govreport/reportInfo'),
  /** 重新计算合计: every total of an open report set from its complete parts (the edits are not applied). */
  recalculateTotals: new RequestType<RecalculateTotalsParams, RecalculateTotalsResult | null, void>('govreport/recalculateTotals'),
  /** Figures for the benchmark: event-loop delay, longest check, memory. */
  stats: new RequestType0<StatsResult, void>('govreport/stats'),
} as const;
