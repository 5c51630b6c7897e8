// The UMD build (package main) requires its parts at run time, which a bundle cannot: the ESM build is bundled.
import { type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import * as z from 'zod/mini';
import { editionSetting, localeSetting, severitySetting, type Settings, yearSetting } from '../shared/settings';
import { RULE_IDS } from './rules';

/** The names a configuration file may have, nearest folder first, `.jsonc` before `.json` within a folder. */
export const CONFIG_FILES = ['.govreport.jsonc', '.govreport.json'] as const;

const described = <T extends z.ZodMiniType>(schema: T, description: string) => schema.check(z.describe(description)) as T;

/**
 * `.govreport.json(c)`: the settings of the editor and the CLI (every field optional: what is absent keeps the
 * editor's setting or the default) and the files a folder walk leaves out.
 */
export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  locale: z.optional(described(localeSetting, '消息语言 / language of the messages')),
  edition: z.optional(
    described(editionSetting, '报告格式版本（auto：按报告年度）/ edition of the national format (auto: by the report year)'),
  ),
  year: z.optional(described(z.nullable(yearSetting), '报告年度（null：从报告中读取）/ report year (null: read from the report)')),
  rules: z.optional(
    described(
      z.partialRecord(z.enum(RULE_IDS as [string, ...string[]]), severitySetting),
      '各规则的严重程度（off：关闭）/ severity of each rule (off: turned off)',
    ),
  ),
  previousReport: z.optional(
    described(z.string(), '上一年度报告（编辑器用）/ previous-year report, for the editor (relative to this file)'),
  ),
  ignores: z.optional(
    described(
      z.array(z.string()),
      '目录检查时跳过的文件（glob，相对于本文件所在目录）/ files a folder check leaves out (globs, relative to this file)',
    ),
  ),
});
export type Config = z.infer<typeof configSchema>;

/** The JSON Schema of the configuration file (shipped, and named in `contributes.jsonValidation`). */
export function configJsonSchema(): object {
  return { ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' }), title: '.govreport.json' };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Reads a configuration file's text (JSON with comments and trailing commas). */
export function readConfig(text: string): ConfigResult {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) return { ok: false, problems: errors.map((e) => `${printParseErrorCode(e.error)} @${e.offset}`) };
  const parsed = configSchema.safeParse(value ?? {});
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  return { ok: true, config: parsed.data };
}

/** Settings with a configuration laid over them (the rule severities merged, rule by rule). */
export function applyConfig<S extends Partial<Settings>>(settings: S, config: Config): S {
  const { $schema: _, ignores: __, previousReport: ___, rules, ...rest } = config;
  return { ...settings, ...rest, ...(rules && { rules: { ...settings.rules, ...rules } as Settings['rules'] }) };
}

/** How the configuration lookup reads the file system (the core touches none itself). */
export interface ConfigHost {
  /** A file's text; undefined where there is no such file. May throw where the file exists but cannot be read. */
  read(file: string): string | undefined;
  dirname(folder: string): string;
  join(folder: string, name: string): string;
}

export interface FoundConfig {
  file: string;
  result: ConfigResult;
}

/**
 * The configuration file that applies in a folder: the nearest `.govreport.jsonc` / `.govreport.json` from it upward
 * (nearest wins, like markdownlint-cli2), each folder looked at once until `forget`. `top` says where to stop (the
 * workspace root in the editor; the file system's root otherwise).
 */
export class ConfigLookup {
  private readonly byFolder = new Map<string, FoundConfig | null>();

  constructor(
    private readonly host: ConfigHost,
    private readonly top: (folder: string) => boolean = () => false,
  ) {}

  nearest(folder: string): FoundConfig | undefined {
    const passed: string[] = [];
    let found: FoundConfig | null | undefined;
    for (let at = folder; ; ) {
      found = this.byFolder.get(at);
      if (found !== undefined) break;
      passed.push(at);
      found = this.here(at);
      const parent = this.host.dirname(at);
      if (found || parent === at || this.top(at)) break;
      at = parent;
    }
    for (const at of passed) this.byFolder.set(at, found ?? null);
    return found ?? undefined;
  }

  forget(): void {
    this.byFolder.clear();
  }

  private here(folder: string): FoundConfig | null {
    for (const name of CONFIG_FILES) {
      const file = this.host.join(folder, name);
      const text = this.host.read(file);
      if (text !== undefined) return { file, result: readConfig(text) };
    }
    return null;
  }
}
