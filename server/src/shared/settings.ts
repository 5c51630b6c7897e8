import { z } from 'zod';

/**
 * Settings shared by the language server, the VS Code client (contributes.configuration mirrors this schema)
 * and the CLI's options. One schema; every field has a default, so `{}` is a valid configuration.
 */
export const severitySetting = z.enum(['error', 'warning', 'info', 'off']);
export type SeveritySetting = z.infer<typeof severitySetting>;
export type Severity = Exclude<SeveritySetting, 'off'>;

export const localeSetting = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSetting>;

export const settingsSchema = z.object({
  locale: localeSetting.default('zh-CN'),
  edition: z.enum(['auto', '2019', '2021']).default('auto'),
  year: z.number().int().min(1990).max(2100).nullable().default(null),
  rules: z.record(z.string(), severitySetting).default({}),
  /** Which markdown documents the editor checks: those that look like a report, all, or none. */
  markdown: z.enum(['auto', 'always', 'never']).default('auto'),
  run: z.enum(['onType', 'onSave']).default('onType'),
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
