import { check } from '../core';
import type { CliSettings } from './args';
import { encodingLabel } from './encoding';
import { CliError, collectDrafts } from './files';
import { type Format, createReporter } from './formats';
import type { Io } from './io';
import { messagesFor } from './messages';
import { fileResult } from './results';
import { readReportFile } from './sources';

/** `govreport check`: every report file checked and reported as it comes; 2 on a file error, else 1 on an error finding. */
export async function runCheck(paths: string[], format: Format, settings: CliSettings, io: Io): Promise<number> {
  const m = messagesFor(settings.locale);
  const files = collectDrafts(paths, m);
  const reporter = createReporter(format, { write: io.out, locale: settings.locale, color: io.color, cwd: io.cwd });
  const progress = io.progress(files.length, m.progress);
  let status = 0;
  for (const [i, file] of files.entries()) {
    progress.update(i, file);
    try {
      const source = await readReportFile(file, settings.locale, m);
      if (source.draft && !source.draft.lossless) io.err(`govreport: ${m.lossy(file, encodingLabel(source.draft.encoding))}\n`);
      const result = fileResult(file, check(source.text, settings, { notes: source.notes }), source.origins);
      reporter.file(result);
      if (result.findings.some((f) => f.severity === 'error')) status = Math.max(status, 1);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.err(`govreport: ${error.message}\n`);
      reporter.failure(file, error.message);
      status = 2;
    }
  }
  progress.clear();
  reporter.end();
  return status;
}
