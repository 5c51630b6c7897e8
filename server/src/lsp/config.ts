import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Config, FoundConfig } from '../core';
import { say } from '../shared/i18n';
import type { Settings } from '../shared/settings';
import type { DiagnosticsResult } from './diagnostics';
import type { WorkspaceFilesResult } from '../shared/protocol';
import { type OtherReport, type ReadFile, WorkspaceThread } from './workspaceThread';

/**
 * What the language server knows of the files around an open document: its `.govreport.json(c)` and its
 * previous-year report in the workspace. Configuration files are found here and read by the workspace thread. A
 * bundle of its own (dist/config.js), loaded by the server's first check; it takes what it needs of the core from
 * the server (`WorkspaceHost`), so loading it sets up no second core.
 */

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What the server lends the workspace: where it is, how to tell the user, and how to check a report again. */
export interface WorkspaceHost {
  /** The workspace folders, as paths. */
  roots: string[];
  /** The server's script (the workspace thread runs it too). */
  script: string;
  log(message: string): void;
  warn(message: string): void;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  isOpen(uri: string): boolean;
  /** Gives the analysis of an open report the other reports it is checked with, and checks it again. */
  recheckWith(uri: string, others: OtherReport[]): Promise<void>;
  /** The core's: the configuration file names (nearest folder first, `.jsonc` first), and how a file's settings apply. */
  configFiles: readonly string[];
  applyConfig(settings: Settings, config: Config): Settings;
}

export class EditorWorkspace {
  readonly thread: WorkspaceThread;
  /** The nearest configuration file of each folder looked at (null: none), and each file's reading. */
  private readonly nearest = new Map<string, string | null>();
  private readonly configReads = new Map<string, Promise<FoundConfig | undefined>>();
  private readonly tops: Set<string>;
  /** Broken configuration files already reported (file and problems), and the URIs with a diagnostic published. */
  private readonly reported = new Set<string>();
  private readonly broken = new Set<string>();
  /** For each open report: what its previous-year report was last looked for with (agency, year, named file). */
  private readonly asked = new Map<string, string>();
  /** For each open report: the other reports its analysis has (files and texts). */
  private readonly given = new Map<string, string>();

  constructor(private readonly host: WorkspaceHost) {
    this.thread = new WorkspaceThread(host.script, host.log);
    this.tops = new Set(host.roots.map((root) => path.resolve(root)));
  }

  /**
   * The `.govreport.json(c)` of a document: the nearest from its folder upward, up to the workspace folder holding it
   * (to the file system's root for a file outside the workspace); none for a document that is not a file.
   */
  private configOf(uri: string): Promise<FoundConfig | undefined> {
    const file = uri.startsWith('file:') ? this.nearestFile(path.dirname(fileURLToPath(uri))) : undefined;
    if (file === undefined) return Promise.resolve(undefined);
    let reading = this.configReads.get(file);
    if (!reading) {
      reading = this.thread.readConfig(file).catch((error: unknown) => {
        this.host.log(`govreport: reading ${file} failed: ${error instanceof Error ? error.message : error}`);
        return undefined;
      });
      this.configReads.set(file, reading);
    }
    return reading;
  }

  /** The nearest configuration file from a folder upward, `.jsonc` before `.json` within a folder (as the CLI finds it). */
  private nearestFile(folder: string): string | undefined {
    const passed: string[] = [];
    let found: string | null | undefined;
    for (let at = folder; ; ) {
      found = this.nearest.get(at);
      if (found !== undefined) break;
      passed.push(at);
      found = this.host.configFiles.map((name) => path.join(at, name)).find(isFile) ?? null;
      const parent = path.dirname(at);
      if (found || parent === at || this.tops.has(at)) break;
      at = parent;
    }
    for (const at of passed) this.nearest.set(at, found);
    return found ?? undefined;
  }

  /**
   * The settings a document is checked with: the editor's settings with its configuration file laid over them (the
   * file wins, field by field; rule severities rule by rule). A broken file is left out, and the user told once.
   */
  async settingsFor(uri: string, editor: Settings): Promise<Settings> {
    const found = await this.configOf(uri);
    if (!found) return editor;
    if (found.result.ok) return this.host.applyConfig(editor, found.result.config);
    this.reportBroken(found.file, found.result.problems, editor.locale);
    return editor;
  }

  private reportBroken(file: string, problems: string[], locale: Settings['locale']): void {
    const listed = problems.join(locale === 'en' ? '; ' : '；');
    const key = `${file}\0${listed}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.host.warn(
      say(
        locale,
        `配置文件 ${file} 有误，已忽略（改用编辑器设置）：${listed}`,
        `The configuration file ${file} is invalid and is left out (the editor settings apply): ${listed}`,
      ),
    );
    const uri = pathToFileURL(file).href;
    this.broken.add(uri);
    this.host.publish(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        message: say(locale, `govreport 配置文件有误，已忽略：${listed}`, `Invalid govreport configuration, left out: ${listed}`),
      },
    ]);
  }

  /**
   * Files changed: a configuration file's change has every configuration read again when next asked; a report
   * file's, the previous-year reports looked for again (the index reads only what changed).
   */
  filesChanged(uris: string[]): void {
    if (uris.some((uri) => /\/\.govreport\.jsonc?$/.test(uri))) this.configChanged();
    else this.asked.clear();
  }

  private configChanged(): void {
    this.nearest.clear();
    this.configReads.clear();
    this.reported.clear();
    for (const uri of this.broken) this.host.publish(uri, []);
    this.broken.clear();
    this.asked.clear();
  }

  /** A report file not open, as the checker reads it (`file:` URIs). */
  read(uri: string, locale: Settings['locale']): Promise<ReadFile> {
    return this.thread.read(fileURLToPath(uri), locale);
  }

  /** The report files the CLI would check in the workspace folders (URIs), and how many it would leave out. */
  async files(folders: string[]): Promise<WorkspaceFilesResult> {
    const found = await this.thread.files(folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri)));
    return { files: found.files.map((file) => pathToFileURL(file).href), skipped: found.skipped };
  }

  closed(uri: string): void {
    this.asked.delete(uri);
    this.given.delete(uri);
  }

  /**
   * Looks for the previous-year report of an open report in the workspace (or the file its configuration names as
   * `previousReport`, relative to it), off the typing path: the answer comes later, and the report is checked again
   * where it changes what the report is checked with.
   */
  async lookForPrevious(uri: string, result: DiagnosticsResult): Promise<void> {
    if (!uri.startsWith('file:') || result.agency === undefined || result.year === undefined) return;
    const found = await this.configOf(uri);
    const previousReport = found?.result.ok ? found.result.config.previousReport : undefined;
    const named = previousReport === undefined ? undefined : path.resolve(path.dirname(found!.file), previousReport);
    const key = `${result.agency}\0${result.year}\0${named ?? ''}`;
    if (this.asked.get(uri) === key) return;
    this.asked.set(uri, key);
    const self = fileURLToPath(uri);
    const roots = this.host.roots.length ? this.host.roots : [path.dirname(self)];
    this.thread
      .previous({ roots, self, agency: result.agency, year: result.year, named })
      .then(async (others) => {
        if (!this.host.isOpen(uri) || this.asked.get(uri) !== key) return;
        const stamp = others.map((o) => o.key).join('\0');
        if ((this.given.get(uri) ?? '') === stamp) return;
        this.given.set(uri, stamp);
        await this.host.recheckWith(uri, others);
      })
      .catch((error: unknown) =>
        this.host.log(`govreport: looking for the report before ${uri} failed: ${error instanceof Error ? error.message : error}`),
      );
  }
}
