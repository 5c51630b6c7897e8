import { parseArgs } from 'node:util';
import { type Locale, type Settings, EDITION_CHOICES, localeSetting, settingsSchema } from '../shared/settings';
import { EXPORT_FORMATS, type ExportRequest } from './export';
import { FORMATS, type Format } from './formats';
import { CliError } from './files';
import type { Messages } from './messages';

/** The settings a command line can give (the rest keep their defaults). */
export type CliSettings = Pick<Settings, 'locale' | 'edition' | 'year'>;

export type Invocation =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'check'; settings: CliSettings; paths: string[]; format: Format }
  | { command: 'fix'; settings: CliSettings; paths: string[]; dryRun: boolean }
  | { command: 'import'; settings: CliSettings; inputs: string[]; output?: string; outDir?: string; force: boolean }
  | { command: 'export'; settings: CliSettings; request: ExportRequest };

const COMMON = {
  locale: { type: 'string' },
  edition: { type: 'string' },
  year: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const OPTIONS = {
  check: { ...COMMON, format: { type: 'string' } },
  fix: { ...COMMON, 'dry-run': { type: 'boolean' } },
  import: { ...COMMON, output: { type: 'string', short: 'o' }, 'out-dir': { type: 'string', short: 'd' }, force: { type: 'boolean' } },
  export: { ...COMMON, format: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
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

function parseCommand(command: Command, args: string[], m: Messages) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new CliError(m.unknownOption(/'([^']+)'/.exec(e.message)?.[1] ?? e.message, command));
    }
    const option = /'(-[^' ]+)/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /argument missing/.test(e.message)) throw new CliError(m.missingValue(option));
    throw new CliError(m.badOption(e.message));
  }
}

function exportRequest(values: { format?: string; output?: string; force?: boolean }, positionals: string[], m: Messages): ExportRequest {
  if (positionals.length !== 1) throw new CliError(m.exportArguments());
  const { format, output, force } = values;
  if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(m.badValue('--format', format, EXPORT_FORMATS.join('|')));
  }
  return { input: positionals[0], force: !!force, ...(output !== undefined && { output }), ...(format !== undefined && { format: format as ExportRequest['format'] }) };
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
    return { command, settings, inputs: positionals, ...(output !== undefined && { output }), ...(outDir !== undefined && { outDir }), force: !!force };
  }
  if (command === 'export') return { command, settings, request: exportRequest(values as { format?: string; output?: string; force?: boolean }, positionals, m) };
  if (positionals.length === 0) throw new CliError(m.missingPaths(command));
  if (command === 'fix') return { command, settings, paths: positionals, dryRun: !!(values as { 'dry-run'?: boolean })['dry-run'] };
  const format = (values as { format?: string }).format ?? 'text';
  if (!FORMATS.includes(format as Format)) throw new CliError(m.badValue('--format', format, FORMATS.join('|')));
  return { command, settings, paths: positionals, format: format as Format };
}
