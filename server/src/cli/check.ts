import { check } from '../core';
import type { CliSettings } from './args';
import { collectInputs, failureMessage, noteDraft } from './files';
import { type Format, createReporter } from './formats';
import type { Io } from './io';
import { messagesFor } from './messages';
import { fileResult } from './results';
import { readReportFile } from './sources';

/**
 * `govreport check`: every input checked and reported as it comes, in every format — one that cannot be read is
 * reported as such and the run goes on. 2 where an input could not be checked, else 1 on an error finding.
 */
export async function runCheck(paths: string[], format: Format, settings: CliSettings, io: Io): Promise<number> {
  const m = messagesFor(settings.locale);
  const inputs = collectInputs(paths, m);
  const reporter = createReporter(format, { write: io.out, locale: settings.locale, color: io.color, cwd: io.cwd });
  const progress = io.progress(inputs.length, m.progress);
  let status = 0;
  const fail = (file: string, message: string) => {
    io.err(`govreport: ${message}\n`);
    reporter.failure(file, message);
    status = 2;
  };
  for (const [i, input] of inputs.entries()) {
    progress.update(i, input.file);
    if (input.error !== undefined) {
      fail(input.file, input.error);
      continue;
    }
    try {
      const source = await readReportFile(input.file, settings.locale, m);
      noteDraft(input.file, source.draft, io, m);
      const result = fileResult(input.file, check(source.text, settings, { notes: source.notes }), source.origins);
      reporter.file(result);
      if (result.findings.some((f) => f.severity === 'error')) status = Math.max(status, 1);
    } catch (error) {
      fail(input.file, failureMessage(input.file, error, m));
    }
  }
  progress.clear();
  reporter.end();
  return status;
}
