import { check } from '../core';
import type { CliSettings } from './args';
import { encodingLabel } from './encoding';
import { CliError, collectDrafts, readDraft } from './files';
import { type Format, createReporter } from './formats';
import type { Io } from './io';
import { messagesFor } from './messages';
import { fileResult } from './results';

/** `govreport check`: every draft checked and reported as it comes; 2 on a file error, else 1 on an error finding. */
export function runCheck(paths: string[], format: Format, settings: CliSettings, io: Io): number {
  const m = messagesFor(settings.locale);
  const files = collectDrafts(paths, m);
  const reporter = createReporter(format, { write: io.out, locale: settings.locale, color: io.color, cwd: io.cwd });
  const progress = io.progress(files.length, m.progress);
  let status = 0;
  files.forEach((file, i) => {
    progress.update(i, file);
    try {
      const draft = readDraft(file, m);
      if (!draft.lossless) io.err(`govreport: ${m.lossy(file, encodingLabel(draft.encoding))}\n`);
      const result = fileResult(file, check(draft.text, settings));
      reporter.file(result);
      if (result.findings.some((f) => f.severity === 'error')) status = Math.max(status, 1);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.err(`govreport: ${error.message}\n`);
      reporter.failure(file, error.message);
      status = 2;
    }
  });
  progress.clear();
  reporter.end();
  return status;
}
