import { type CheckResult, check, looksLikeReport } from '../core';
import type { CliSettings, RunOptions } from './args';
import { Companions, type CompanionEntry } from './companions';
import { RunSettings } from './config';
import { CliError, type Input, noteDraft } from './files';
import { type Format, createReporter } from './formats';
import { eachInput, expandInputs, readInput } from './inputs';
import { batchedIo, type Io } from './io';
import { type Messages, messagesFor } from './messages';
import { type FileResult, fileResult } from './results';
import { checkInWorkers, workersFor } from './workers';

/**
 * What checking one file tells, in order: lines for stderr, then its result (with the core's, where the check ran in
 * this thread) or that it is no report.
 */
export type CheckEvent = { err: string } | { result: FileResult; checked?: CheckResult } | { notReport: string };

export interface CheckContext {
  settings: CliSettings;
  runSettings: RunSettings;
  companions: Companions;
  m: Messages;
}

/** Checks one input, telling `emit` what to write; throws (the input fails) where it cannot be read. */
export async function checkInput(
  { file, named }: Input & { error?: undefined },
  { settings, runSettings, companions, m }: CheckContext,
  emit: (event: CheckEvent) => void,
): Promise<void> {
  const source = await readInput(file, settings.locale, m);
  noteDraft(file, source.draft, { err: (text) => emit({ err: text }) }, m);
  const others = await companions.of(file);
  const checked = check(source.text, runSettings.settingsFor(file), { notes: source.notes, source: file, others });
  // A file a folder walk found (a README, notes) is checked only where it looks like a report; it is named.
  if (!named && !looksLikeReport(checked)) {
    emit({ err: `govreport: ${m.notAReportUnchecked(file)}\n` });
    emit({ notReport: file });
    return;
  }
  emit({ result: fileResult(file, checked, source.origins), checked });
}

/**
 * `govreport check`: every input checked and reported as it comes, in every format — one that cannot be read is
 * reported as such and the run goes on. 2 where an input could not be checked, else 1 on an error finding. Each
 * report is checked with the same agency's report of the year before, where the run has it (a first pass notes
 * every file's agency and year). A large batch is checked by worker threads, reported in input order all the same.
 */
export async function runCheck(paths: string[], format: Format, settings: CliSettings, run: RunOptions, given: Io): Promise<number> {
  const io = batchedIo(given);
  try {
    return await checkAll(paths, format, settings, run, io);
  } finally {
    io.flush();
  }
}

async function checkAll(paths: string[], format: Format, settings: CliSettings, run: RunOptions, io: Io): Promise<number> {
  const m = messagesFor(settings.locale);
  const runSettings = new RunSettings(settings, run, m);
  const { inputs, skipped } = expandInputs(paths, io.cwd, runSettings, m);
  if (skipped > 0) io.err(`govreport: ${m.skipped(skipped)}\n`);
  const reporter = createReporter(format, { write: io.out, locale: settings.locale, color: io.color, cwd: io.cwd });
  const readable = inputs.flatMap((input) => (input.error === undefined ? [input.file] : []));
  const reading = io.progress(readable.length, m.reading, m.timeLeft);
  const companions = await Companions.index(readable, runSettings, m, (i, file) => reading.update(i, file));
  reading.clear();
  let status = 0;
  const tell = (event: CheckEvent) => {
    if ('err' in event) return io.err(event.err);
    if ('notReport' in event) return reporter.notReport?.(event.notReport);
    reporter.file(event.result, event.checked);
    if (event.result.findings.some((f) => f.severity === 'error')) status = Math.max(status, 1);
  };
  // The review page renders each report's tables from the core's result, which stays in the thread that checked it.
  const workers = format === 'html' ? 0 : workersFor(readable.length);
  const pool =
    workers > 0 ? checkInWorkers(inputs, workers, { settings, run, cwd: io.cwd, companions: companions.entryList() }) : undefined;
  const context: CheckContext = { settings, runSettings, companions, m };
  try {
    const failed = await eachInput(
      inputs,
      io,
      m,
      async (input) => {
        if (!pool) return checkInput(input, context, tell);
        const outcome = await pool.outcome(input);
        outcome.events.forEach(tell);
        if (outcome.failure !== undefined) throw new CliError(outcome.failure);
      },
      (file, message) => reporter.failure(file, message),
    );
    reporter.end();
    return failed ? 2 : status;
  } finally {
    await pool?.close();
  }
}

/** The data a worker thread needs to check its share of a run as the main thread would. */
export interface WorkerSetup {
  settings: CliSettings;
  run: RunOptions;
  cwd: string;
  companions: CompanionEntry[];
}
