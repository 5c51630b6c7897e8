import { parseArgs } from 'node:util';
import { RULE_IDS } from '../core';
import {
  type Locale,
  type Settings,
  type SeveritySetting,
  EDITION_CHOICES,
  localeSetting,
  settingsSchema,
  severitySetting,
} from '../shared/settings';
import { EXPORT_FORMATS, type ExportRequest } from './export';
import { EXTRACT_FORMATS, type ExtractFormat } from './extract';
import { FORMATS, type Format } from './formats';
import { CliError } from './files';
import type { Messages } from './messages';

/** The settings a command line can give (the rest keep their defaults). */
export type CliSettings = Pick<Settings, 'locale' | 'edition' | 'year'>;

/** What the command line sets explicitly (it wins over configuration files), and the configuration file it names. */
export interface RunOptions {
  explicit: Partial<Settings>;
  config?: string;
}

export type Invocation =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'check'; settings: CliSettings; paths: string[]; format: Format; run: RunOptions }
  | { command: 'fix'; settings: CliSettings; paths: string[]; dryRun: boolean; run: RunOptions }
  | { command: 'import'; settings: CliSettings; inputs: string[]; output?: string; outDir?: string; force: boolean }
  | { command: 'export'; settings: CliSettings; request: ExportRequest }
  | { command: 'extract'; settings: CliSettings; paths: string[]; format: ExtractFormat; run: RunOptions };

const COMMON = {
  locale: { type: 'string' },
  edition: { type: 'string' },
  year: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const RUN = { config: { type: 'string' }, rule: { type: 'string', multiple: true } } as const;

const OPTIONS = {
  check: { ...COMMON, ...RUN, format: { type: 'string' } },
  fix: { ...COMMON, ...RUN, 'dry-run': { type: 'boolean' } },
  import: { ...COMMON, output: { type: 'string', short: 'o' }, 'out-dir': { type: 'string', short: 'd' }, force: { type: 'boolean' } },
  export: { ...COMMON, format: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  extract: { ...COMMON, config: { type: 'string' }, format: { type: 'string' } },
} as const;

type Command = keyof typeof OPTIONS;

/** The locale asked for, looked up before the rest is parsed so that errors in the rest come in that language. */
export function localeOf(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice(9) : undefined;
    if (value !== undefined && localeSetting.safeParse(value).success) return value as Locale;
  }
  return 'zh-CN';
}

function settingsFrom(values: { locale?: string; edition?: string; year?: string }, m: Messages): CliSettings {
  const locale = values.locale ?? 'zh-CN';
  if (!localeSetting.safeParse(locale).success) throw new CliError(m.badValue('--locale', locale, localeSetting.options.join('|')));
  const edition = values.edition ?? 'auto';
  const editionField = settingsSchema.shape.edition.safeParse(edition);
  if (!editionField.success) throw new CliError(m.badValue('--edition', edition, EDITION_CHOICES.join('|')));
  let year: number | null = null;
  if (values.year !== undefined) {
    const field = settingsSchema.shape.year.safeParse(/^\d{4}$/.test(values.year) ? Number(values.year) : NaN);
    if (!field.success || field.data === null) throw new CliError(m.badValue('--year', values.year, m.yearValues));
    year = field.data;
  }
  return { locale: locale as Locale, edition: editionField.data, year };
}

/** `--rule ID=SEVERITY` (repeatable; `off` turns a rule off) and the options given, over any configuration file. */
function runOptions(
  values: { locale?: string; edition?: string; year?: string; config?: string; rule?: string[] },
  settings: CliSettings,
  m: Messages,
): RunOptions {
  const rules: Record<string, SeveritySetting> = {};
  for (const given of values.rule ?? []) {
    const [id, severity] = given.split('=', 2);
    if (!RULE_IDS.includes(id) || severity === undefined || !severitySetting.safeParse(severity).success) {
      throw new CliError(m.badValue('--rule', given, `${m.ruleValues} (${severitySetting.options.join('|')})`));
    }
    rules[id] = severity as SeveritySetting;
  }
  const explicit: Partial<Settings> = {
    ...(values.locale !== undefined && { locale: settings.locale }),
    ...(values.edition !== undefined && { edition: settings.edition }),
    ...(values.year !== undefined && { year: settings.year }),
    ...(values.rule !== undefined && { rules }),
  };
  return { explicit, ...(values.config !== undefined && { config: values.config }) };
}

function parseCommand(command: Command, args: string[], m: Messages) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new CliError(m.unknownOption(/'([^']+)'/.exec(e.message)?.[1] ?? e.message, command));
    }
    const option = /'(-[^' ]+)/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /argument missing/.test(e.message))
      throw new CliError(m.missingValue(option));
    throw new CliError(m.badOption(e.message));
  }
}

function exportRequest(values: { format?: string; output?: string; force?: boolean }, positionals: string[], m: Messages): ExportRequest {
  if (positionals.length !== 1) throw new CliError(m.exportArguments());
  const { format, output, force } = values;
  if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(m.badValue('--format', format, EXPORT_FORMATS.join('|')));
  }
  return {
    input: positionals[0],
    force: !!force,
    ...(output !== undefined && { output }),
    ...(format !== undefined && { format: format as ExportRequest['format'] }),
  };
}

export function parseCommandLine(argv: string[], m: Messages): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) throw new CliError(m.missingCommand());
  if (first === '--help' || first === '-h') return { command: 'help' };
  if (first === '--version') return { command: 'version' };
  if (!(first in OPTIONS)) {
    throw new CliError(first.startsWith('-') ? m.unknownOption(first, 'govreport') : m.unknownCommand(first));
  }
  const command = first as Command;
  const { values, positionals } = parseCommand(command, rest, m);
  if (values.help) return { command: 'help' };
  const settings = settingsFrom(values, m);
  if (command === 'import') {
    const { output, 'out-dir': outDir, force } = values as { output?: string; 'out-dir'?: string; force?: boolean };
    if (positionals.length === 0 || (positionals.length > 1 && outDir === undefined) || (output !== undefined && outDir !== undefined)) {
      throw new CliError(m.importArguments());
    }
    return {
      command,
      settings,
      inputs: positionals,
      ...(output !== undefined && { output }),
      ...(outDir !== undefined && { outDir }),
      force: !!force,
    };
  }
  if (command === 'export')
    return { command, settings, request: exportRequest(values as { format?: string; output?: string; force?: boolean }, positionals, m) };
  if (positionals.length === 0) throw new CliError(m.missingPaths(command));
  const run = runOptions(values as Parameters<typeof runOptions>[0], settings, m);
  if (command === 'fix') return { command, settings, paths: positionals, dryRun: !!(values as { 'dry-run'?: boolean })['dry-run'], run };
  if (command === 'extract') {
    const format = (values as { format?: string }).format ?? 'csv';
    if (!(EXTRACT_FORMATS as readonly string[]).includes(format))
      throw new CliError(m.badValue('--format', format, EXTRACT_FORMATS.join('|')));
    return { command, settings, paths: positionals, format: format as ExtractFormat, run };
  }
  const format = (values as { format?: string }).format ?? 'text';
  if (!FORMATS.includes(format as Format)) throw new CliError(m.badValue('--format', format, FORMATS.join('|')));
  return { command, settings, paths: positionals, format: format as Format, run };
}
