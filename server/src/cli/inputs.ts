import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceKindOf } from '../core';
import type { Locale } from '../shared/settings';
import type { RunSettings } from './config';
import { readIgnoreFile } from './config';
import { decode } from './encoding';
import { CliError, collectInputs, failureMessage, type Input } from './files';
import type { Io } from './io';
import type { Messages } from './messages';
import { type ReportSource, readReportFile } from './sources';

// Required, not imported: an import bundles tinyglobby's ESM build, whose fdir reads import.meta.url, absent in a CommonJS bundle.
const { globSync, isDynamicPattern }: typeof import('tinyglobby') = require('tinyglobby');

/** The path that stands for standard input. */
export const STDIN = '-';

export interface Inputs {
  inputs: Input[];
  /** Files a folder walk or a glob found but `.govreportignore` or a configuration's `ignores` leaves out. */
  skipped: number;
}

/**
 * The inputs of a run: `-` (standard input) first, then files as named, directories walked and globs expanded here
 * (so a quoted `'reports/**\/*.md'` works in every shell); a path that cannot be read, or a glob that matches
 * nothing, is an input with its error. Files named one by one are always checked; what a walk or a glob finds is
 * left out where `.govreportignore` (working folder) or the nearest configuration's `ignores` say so.
 */
export function expandInputs(paths: string[], cwd: string, settings: RunSettings, m: Messages): Inputs {
  const expanded: string[] = [];
  const globbed = new Set<string>();
  const unmatched: Input[] = [];
  for (const given of paths) {
    if (given === STDIN || fs.existsSync(path.resolve(cwd, given)) || !isDynamicPattern(given)) {
      if (given !== STDIN) expanded.push(given);
      continue;
    }
    const matches = globSync(given, { cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] })
      .filter((f) => sourceKindOf(f) !== undefined)
      .sort()
      .map((f) => (path.isAbsolute(given) ? path.resolve(cwd, f) : f));
    if (matches.length === 0) unmatched.push({ file: given, error: m.noMatch(given) });
    for (const file of matches) globbed.add(path.resolve(cwd, file));
    expanded.push(...matches);
  }
  const ignoredHere = readIgnoreFile(cwd);
  const inputs: Input[] = paths.includes(STDIN) ? [{ file: STDIN, named: true }] : [];
  let skipped = 0;
  for (const input of [...collectInputs(expanded, m), ...unmatched]) {
    const found = input.error === undefined && !(input.named && !globbed.has(path.resolve(cwd, input.file)));
    if (found && (ignoredHere?.(input.file) || settings.ignores(input.file))) skipped++;
    else inputs.push(input);
  }
  return { inputs, skipped };
}

let stdinText: string | undefined;

/** Reads a report to check: standard input as a markdown draft (read once), any other file by its kind. */
export async function readInput(file: string, locale: Locale, m: Messages): Promise<ReportSource> {
  if (file !== STDIN) return readReportFile(file, locale, m);
  if (stdinText === undefined) {
    const decoded = decode(fs.readFileSync(0));
    if (decoded.kind !== 'text') throw new CliError(m.binary(file));
    stdinText = decoded.text;
  }
  return { kind: 'markdown', text: stdinText, notes: [] };
}

/**
 * Works through the inputs of a run in order, with the progress line: an input that was bad from the start, or whose
 * work throws, is named on stderr and handed to `failed` with its one-line reason; the run goes on. Resolves to
 * whether any input failed.
 */
export async function eachInput(
  inputs: Input[],
  io: Io,
  m: Messages,
  work: (input: Input & { error?: undefined }) => Promise<void>,
  failed: (file: string, message: string) => void,
): Promise<boolean> {
  const progress = io.progress(inputs.length, m.progress, m.timeLeft);
  let anyFailed = false;
  const fail = (file: string, message: string) => {
    io.err(`govreport: ${message}\n`);
    failed(file, message);
    anyFailed = true;
  };
  for (const [i, input] of inputs.entries()) {
    progress.update(i, input.file);
    if (input.error !== undefined) {
      fail(input.file, input.error);
      continue;
    }
    try {
      await work(input);
    } catch (error) {
      fail(input.file, failureMessage(input.file, error, m));
    }
  }
  progress.clear();
  return anyFailed;
}
