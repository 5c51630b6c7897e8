import * as z from 'zod/mini';
// The core reads these settings itself, so the edition ids come from the standard, the layer below (core/index.ts
// would make a cycle).
import { EDITION_IDS } from '../core/standard';

/**
 * Settings shared by the language server, the VS Code client (contributes.configuration mirrors this schema)
 * and the CLI's options. One schema; every field has a default, so `{}` is a valid configuration.
 */
export const severitySetting = z.enum(['error', 'warning', 'info', 'off']);
export type SeveritySetting = z.infer<typeof severitySetting>;
export type Severity = Exclude<SeveritySetting, 'off'>;

export const localeSetting = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSetting>;

/** `auto` (the edition of the report year) or an edition id of the standard, in this order. */
export const EDITION_CHOICES: readonly string[] = ['auto', ...EDITION_IDS];
export const editionSetting = z.enum(EDITION_CHOICES);

/** A report year, where the settings fix one. */
export const yearSetting = z.number().check(z.int(), z.minimum(1990), z.maximum(2100));

export const settingsSchema = z.object({
  locale: z._default(localeSetting, 'zh-CN'),
  edition: z._default(editionSetting, 'auto'),
  year: z._default(z.nullable(yearSetting), null),
  rules: z._default(z.record(z.string(), severitySetting), {}),
  /** Which markdown documents the editor checks: those that look like a report, all, or none. */
  markdown: z._default(z.enum(['auto', 'always', 'never']), 'auto'),
  run: z._default(z.enum(['onType', 'onSave']), 'onType'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Reads settings from anywhere (an editor, a file): what is invalid falls back to its default, and is named. */
export function readSettings(input: unknown): { settings: Settings; problems: string[] } {
  const parsed = settingsSchema.safeParse(input ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse(source[key]);
    if (field.success) (settings as Record<string, unknown>)[key] = field.data;
  }
  const rules = source.rules;
  if (rules && typeof rules === 'object') {
    settings.rules = Object.fromEntries(
      Object.entries(rules).filter((entry): entry is [string, SeveritySetting] => severitySetting.safeParse(entry[1]).success),
    );
  }
  return { settings, problems };
}
