import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { agencyOf, ConfigLookup, type FoundConfig, ignoredBy, parseReport, readConfig, sameAgency } from '../core';
import { nodeConfigHost, readIfFile, readIgnoreFile } from '../cli/config';
import { CliError, collectInputs } from '../cli/files';
import { messagesFor } from '../cli/messages';
import { readReportFile } from '../cli/sources';
import type { Locale } from '../shared/settings';
import { contentKey } from './documents';
import type { OtherReport, ReadFile, WorkspaceRequest, WorkspaceResponse } from './workspaceThread';

/**
 * The workspace thread: the editor's file work that may take long — walking the workspace as the CLI walks a folder,
 * reading report files of every kind (GBK and UTF-16 drafts, web pages, Word files, PDFs), and the index of every
 * report's agency and year that finds the previous-year report of an open one. It runs beside the analysis thread,
 * so neither typing nor checking waits for a scan.
 */

interface Entry {
  mtimeMs: number;
  size: number;
  agency?: string;
  year?: number;
}

/** Each file's agency and year as last read, kept while the file's mtime and size stay the same. */
const index = new Map<string, Entry>();

/**
 * The report files under the workspace folders, as the CLI walks a folder, less what `.govreportignore` (in a
 * workspace folder) and the nearest configuration's `ignores` leave out.
 */
function walk(roots: readonly string[]): { files: string[]; skipped: number } {
  // The folders a walk cannot list are left out here (no message is shown for them).
  const m = messagesFor('zh-CN');
  const tops = new Set(roots.map((root) => path.resolve(root)));
  const configs = new ConfigLookup(nodeConfigHost, (folder) => tops.has(folder));
  const ignoredByConfig = (file: string) => {
    const found = configs.nearest(path.dirname(file));
    const patterns = found?.result.ok ? found.result.config.ignores : undefined;
    const relative = patterns?.length ? path.relative(path.dirname(found!.file), file) : '';
    return relative !== '' && !relative.startsWith('..') && ignoredBy(patterns!, relative.split(path.sep).join('/'));
  };
  const files: string[] = [];
  let skipped = 0;
  for (const root of roots) {
    const ignored = readIgnoreFile(root);
    for (const input of collectInputs([root], m)) {
      if (input.error !== undefined) continue;
      if (ignored?.(input.file) || ignoredByConfig(input.file)) skipped++;
      else files.push(input.file);
    }
  }
  return { files, skipped };
}

/** A report file's text as the checker reads it; the reason where it has none (a binary file, a scan, a .doc). */
export async function readFile(file: string, locale: Locale): Promise<ReadFile> {
  try {
    const source = await readReportFile(file, locale, messagesFor(locale));
    // Only places a text editor can show are kept (a web page's lines); a Word file or PDF is pointed at as a whole.
    return { text: source.text, origins: source.origins?.filter((o) => o.location.line !== undefined) };
  } catch (error) {
    if (error instanceof CliError) return { error: error.message };
    throw error;
  }
}

async function entryOf(file: string): Promise<Entry | undefined> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    index.delete(file);
    return undefined;
  }
  const known = index.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known;
  const read = await readFile(file, 'zh-CN');
  const report = read.text === undefined ? undefined : parseReport(read.text);
  const entry: Entry = { mtimeMs: stat.mtimeMs, size: stat.size, agency: report && agencyOf(report), year: report?.year?.value };
  index.set(file, entry);
  return entry;
}

/** How a report of the workspace is named in a finding: its path from the workspace folder. */
function nameOf(file: string, roots: readonly string[]): string {
  const root = roots.find((r) => !path.relative(r, file).startsWith('..'));
  return root ? path.relative(root, file).split(path.sep).join('/') : path.basename(file);
}

async function other(file: string, roots: readonly string[]): Promise<OtherReport | undefined> {
  const read = await readFile(file, 'zh-CN');
  if (read.text === undefined) return undefined;
  return {
    uri: pathToFileURL(file).href,
    name: nameOf(file, roots),
    text: read.text,
    draft: !read.origins,
    key: `${file}\0${contentKey(read.text)}`,
  };
}

/**
 * The reports that may be the previous year's of an open report: the file the configuration names, or every report
 * of the workspace by the same agency for the year before (the rules compare only where there is exactly one).
 */
async function previousReports(request: Extract<WorkspaceRequest, { kind: 'previous' }>): Promise<OtherReport[]> {
  const { roots, self, agency, year, named } = request;
  if (named !== undefined) {
    const found = await other(named, roots);
    return found ? [found] : [];
  }
  const candidates: string[] = [];
  for (const file of walk(roots).files) {
    if (file === self) continue;
    const entry = await entryOf(file);
    if (entry?.year === year - 1 && entry.agency !== undefined && sameAgency(entry.agency, agency)) candidates.push(file);
  }
  const others = await Promise.all(candidates.map((file) => other(file, roots)));
  return others.filter((o) => o !== undefined);
}

/** A configuration file read and checked; one that cannot be read is a broken one (its reason said), one gone is none. */
function configFile(file: string): FoundConfig | undefined {
  let text: string | undefined;
  try {
    text = readIfFile(file);
  } catch (error) {
    return { file, result: { ok: false, problems: [(error as NodeJS.ErrnoException).code ?? String(error)] } };
  }
  return text === undefined ? undefined : { file, result: readConfig(text) };
}

async function handle(request: WorkspaceRequest): Promise<unknown> {
  switch (request.kind) {
    case 'files':
      return walk(request.roots);
    case 'read':
      return readFile(request.file, request.locale);
    case 'previous':
      return previousReports(request);
    case 'config':
      throw new Error('answered at once');
  }
}

export function runWorkspaceThread(): void {
  // One request at a time, in order: a scan is never run twice at once.
  let queue = Promise.resolve();
  parentPort!.on('message', (message: { id: number; request: WorkspaceRequest }) => {
    const { request } = message;
    // A configuration file is read at once: a check waits for it, and must not wait for a scan.
    if (request.kind === 'config') {
      parentPort!.postMessage({ id: message.id, result: configFile(request.file) });
      return;
    }
    queue = queue.then(async () => {
      let response: WorkspaceResponse;
      try {
        response = { id: message.id, result: await handle(message.request) };
      } catch (error) {
        response = { id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      parentPort!.postMessage(response);
    });
  });
}
