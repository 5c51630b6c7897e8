import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyConfig, type Config, ConfigLookup, type FoundConfig, ignoredBy, readConfig } from '../core';
import type { Settings } from '../shared/settings';
import type { CliSettings, RunOptions } from './args';
import { CliError } from './files';
import type { Messages } from './messages';

interface Found {
  file: string;
  config: Config;
}

/** A file's text for the configuration lookup: undefined where there is no such file (or it is not a file). */
export function readIfFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

export const nodeConfigHost = { read: readIfFile, dirname: path.dirname, join: path.join };

/**
 * The settings each file is checked with: the nearest `.govreport.jsonc` / `.govreport.json` from the file's folder
 * upward (or the file `--config` names), with what the command line sets explicitly laid over it.
 */
export class RunSettings {
  private readonly lookup = new ConfigLookup({ ...nodeConfigHost, read: (file) => this.read(file) });
  private readonly named?: Found;

  constructor(
    private readonly base: CliSettings,
    private readonly run: RunOptions,
    private readonly m: Messages,
  ) {
    if (run.config !== undefined) {
      const file = path.resolve(run.config);
      const text = this.read(file);
      if (text === undefined) throw new CliError(this.m.badConfig(file, 'ENOENT'));
      this.named = this.usable({ file, result: readConfig(text) });
    }
  }

  /** The configuration file that applies to `file`, if any. */
  configOf(file: string): Found | undefined {
    if (this.named) return this.named;
    const found = this.lookup.nearest(path.dirname(path.resolve(file)));
    return found && this.usable(found);
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
    return !relative.startsWith('..') && !path.isAbsolute(relative) && ignoredBy(found.config.ignores, relative.split(path.sep).join('/'));
  }

  private usable({ file, result }: FoundConfig): Found {
    if (!result.ok) throw new CliError(this.m.badConfig(file, result.problems.join('; ')));
    return { file, config: result.config };
  }

  private read(file: string): string | undefined {
    try {
      return readIfFile(file);
    } catch (error) {
      throw new CliError(this.m.badConfig(file, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
  }
}

/** `.govreportignore` in the working folder (gitignore syntax): files a folder walk or a glob leaves out. */
export function readIgnoreFile(cwd: string): ((file: string) => boolean) | undefined {
  const text = readIfFile(path.join(cwd, '.govreportignore'));
  if (text === undefined) return undefined;
  const patterns = text.split(/\r?\n/);
  return (given) => {
    const relative = path.relative(cwd, path.resolve(cwd, given));
    return !relative.startsWith('..') && !path.isAbsolute(relative) && ignoredBy(patterns, relative.split(path.sep).join('/'));
  };
}
