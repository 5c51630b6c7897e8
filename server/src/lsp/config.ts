import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyConfig, ConfigLookup, type FoundConfig } from '../core';
import type { Settings } from '../shared/settings';

export { WorkspaceThread } from './workspaceThread';

/** A configuration file's text; undefined where there is none (or it cannot be read: the editor goes on without it). */
function readIfFile(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `.govreport.json(c)` of each document: the nearest from the document's folder upward, up to the workspace
 * folder holding it (to the file system's root for a file outside the workspace). Read once per folder, until a
 * configuration file is created, changed or deleted (`forget`).
 */
export class DocumentConfigs {
  private readonly lookup: ConfigLookup;

  constructor(roots: readonly string[]) {
    const tops = new Set(roots.map((root) => path.resolve(root)));
    this.lookup = new ConfigLookup({ read: readIfFile, dirname: path.dirname, join: path.join }, (folder) => tops.has(folder));
  }

  /** The configuration file of a document; none for a document that is not a file (untitled). */
  of(uri: string): FoundConfig | undefined {
    if (!uri.startsWith('file:')) return undefined;
    return this.lookup.nearest(path.dirname(fileURLToPath(uri)));
  }

  forget(): void {
    this.lookup.forget();
  }
}

/**
 * The settings a document is checked with: the editor's settings with its configuration file laid over them (the
 * file wins, field by field; rule severities rule by rule). A broken file is left out (and reported by the server).
 */
export function withConfig(settings: Settings, found: FoundConfig | undefined): Settings {
  return found?.result.ok ? applyConfig(settings, found.result.config) : settings;
}

/** The previous-year report a configuration names (`previousReport`), as a path on disk. */
export function namedPreviousReport(found: FoundConfig | undefined): string | undefined {
  const named = found?.result.ok ? found.result.config.previousReport : undefined;
  return named === undefined ? undefined : path.resolve(path.dirname(found!.file), named);
}
