import { check, looksLikeReport } from '../core';
import type { CliSettings, RunOptions } from './args';
import { Companions } from './companions';
import { RunSettings } from './config';
import { noteDraft } from './files';
import { type Format, createReporter } from './formats';
import { eachInput, expandInputs, readInput } from './inputs';
import type { Io } from './io';
import { messagesFor } from './messages';
import { fileResult } from './results';

/**
 * `govreport check`: every input checked and reported as it comes, in every format — one that cannot be read is
 * reported as such and the run goes on. 2 where an input could not be checked, else 1 on an error finding. Each
 * report is checked with the same agency's report of the year before, where the run has it (a first pass notes
 * every file's agency and year).
 */
export async function runCheck(paths: string[], format: Format, settings: CliSettings, run: RunOptions, io: Io): Promise<number> {
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
  const failed = await eachInput(
    inputs,
    io,
    m,
    async ({ file, named }) => {
      const source = await readInput(file, settings.locale, m);
      noteDraft(file, source.draft, io, m);
      const others = await companions.of(file);
      const checked = check(source.text, runSettings.settingsFor(file), { notes: source.notes, source: file, others });
      // A file a folder walk found (a README, notes) is checked only where it looks like a report; it is named.
      if (!named && !looksLikeReport(checked)) {
        io.err(`govreport: ${m.notAReportUnchecked(file)}\n`);
        reporter.notReport?.(file);
        return;
      }
      const result = fileResult(file, checked, source.origins);
      reporter.file(result, checked);
      if (result.findings.some((f) => f.severity === 'error')) status = Math.max(status, 1);
    },
    (file, message) => reporter.failure(file, message),
  );
  reporter.end();
  return failed ? 2 : status;
}
