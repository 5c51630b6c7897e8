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
  const { $schema: _, ignores: __, rules, ...rest } = config;
  return { ...settings, ...rest, ...(rules && { rules: { ...settings.rules, ...rules } as Settings['rules'] }) };
}
