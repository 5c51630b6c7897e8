/**
 * The one entry into the checking core: the language server, its analysis thread, the CLI and the scripts import
 * from here and nowhere else inside `core/`.
 */
export { agencyOf, namedReport, previousYearReport, reportIdentity, sameAgency } from './agency';
export { type CheckOptions, type CheckResult, type Finding, type Fix, check, parseOptions } from './check';
export { applyEdits, compatibleFixes, fixAll, type FixOptions, type FixResult } from './fix';
export { arithmeticChanges, canonicalTables, type ImportedReport, importAsDraft, importDraft, type ImportResult } from './importDraft';
export { looksLikeReport } from './looksLikeReport';
export type * from './model';
export { parseReport, type ParseOptions } from './parse/report';
export { directiveComment } from './parse/directives';
export { tableMarkdown } from './parse/markdown';
export { splitPipeRow } from './parse/blocks';
export { lineAt, lineEndingOf, lineSpan, lineStartsOf, lineText, withLfBreaks } from './parse/text';
export { type RelationResult, type Term, evaluate } from './relations';
export * from './publish';
export { looksScraped, readScrapedText } from './readers/text';
export { renderReport, renderSectionTables, renderStandardTable, renderTable } from './render';
export { RULE_IDS, RULES, type Rule } from './rules';
export type { RuleContext } from './rules/types';
export { formatNumber } from './rules/util';
export * from './standard';
export { isTextKind, locate, notCheckable, readSource, sourceKindOf } from './readers';
export type { Origin, ReaderNote, SourceDocument, SourceKind, SourceLocation } from './readers';
export {
  applyConfig,
  CONFIG_FILES,
  type Config,
  type ConfigHost,
  ConfigLookup,
  type ConfigResult,
  configJsonSchema,
  configSchema,
  type FoundConfig,
  readConfig,
} from './config';
export { ignoredBy } from './ignore';
export { type Figure, figuresOf } from './figures';
export { type LeftReason, type PartProblem, type Recalculation, recalculateTotals, type TotalChange, type TotalLeft } from './recalculate';
