import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { applyConfig, CONFIG_FILES, type Config, readConfig } from '../core';
import type { Settings } from '../shared/settings';
import type { CliSettings, RunOptions } from './args';
import { CliError } from './files';
import type { Messages } from './messages';

interface Found {
  file: string;
  config: Config;
}

/**
 * The settings each file is checked with: the nearest `.govreport.jsonc` / `.govreport.json` from the file's folder
 * upward (or the file `--config` names), with what the command line sets explicitly laid over it.
 */
export class RunSettings {
  private readonly byFolder = new Map<string, Found | null>();
  private readonly named?: Found;

  constructor(
    private readonly base: CliSettings,
    private readonly run: RunOptions,
    private readonly m: Messages,
  ) {
    if (run.config !== undefined) this.named = this.load(path.resolve(run.config));
  }

  /** The configuration file that applies to `file`, if any. */
  configOf(file: string): Found | undefined {
    return this.named ?? this.nearest(path.dirname(path.resolve(file))) ?? undefined;
  }

  settingsFor(file: string): Partial<Settings> {
    const found = this.configOf(file);
    const configured = found ? applyConfig<Partial<Settings>>(this.base, found.config) : { ...this.base };
    return applyConfig(configured, this.run.explicit);
  }

  /** Whether the configuration that applies to a file found in a folder walk leaves it out (`ignores`). */
  ignores(file: string): boolean {
    const found = this.configOf(file);
    if (!found?.config.ignores?.length) return false;
    const relative = path.relative(path.dirname(found.file), path.resolve(file));
    return (
      !relative.startsWith('..') && !path.isAbsolute(relative) && matcher(found.config.ignores).ignores(relative.split(path.sep).join('/'))
    );
  }

  private nearest(folder: string): Found | null {
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached;
    const name = CONFIG_FILES.map((n) => path.join(folder, n)).find((f) => isFile(f));
    const parent = path.dirname(folder);
    const found = name ? this.load(name) : parent === folder ? null : this.nearest(parent);
    this.byFolder.set(folder, found);
    return found;
  }

  private load(file: string): Found {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(this.m.badConfig(file, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
    const result = readConfig(text);
    if (!result.ok) throw new CliError(this.m.badConfig(file, result.problems.join('; ')));
    return { file, config: result.config };
  }
}

const matchers = new Map<string, Ignore>();

/** A gitignore-syntax matcher for a list of patterns (one per list). */
function matcher(patterns: readonly string[]): Ignore {
  const key = patterns.join('\n');
  let m = matchers.get(key);
  if (!m) matchers.set(key, (m = ignore().add(patterns)));
  return m;
}

/** `.govreportignore` in the working folder (gitignore syntax): files a folder walk or a glob leaves out. */
export function readIgnoreFile(cwd: string): ((file: string) => boolean) | undefined {
  const file = path.join(cwd, '.govreportignore');
  if (!isFile(file)) return undefined;
  const rules = matcher(fs.readFileSync(file, 'utf8').split(/\r?\n/));
  return (given) => {
    const relative = path.relative(cwd, path.resolve(cwd, given));
    return !relative.startsWith('..') && !path.isAbsolute(relative) && relative !== '' && rules.ignores(relative.split(path.sep).join('/'));
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
