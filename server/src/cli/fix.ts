import { check, fixAll, looksLikeReport, looksScraped, parseReport } from '../core';
import type { CliSettings, RunOptions } from './args';
import { RunSettings } from './config';
import { encodeLosslessly, encodingLabel } from './encoding';
import { CliError, type Input, cleanUpOnSignals, collectInputs, failureMessage, noteDraft, readDraft, writeBack } from './files';
import type { Io } from './io';
import { type Messages, messagesFor } from './messages';
import { unifiedDiff } from './patch';
import { countBySeverity } from './results';
import { isDraftFile } from './sources';

function ruleList(rules: string[], m: Messages): string {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(m.listSeparator);
}

/**
 * Fixes one file; what it returns is the file's exit status. A file found in a folder walk is fixed only where it is
 * a text draft that looks like a report (a web page, a README or a log next to the reports is left alone, with a
 * note); a file named on the command line is fixed as asked, and must be a text draft.
 */
function fixFile(
  input: Input & { error?: undefined },
  dryRun: boolean,
  runSettings: RunSettings,
  io: Io,
  m: Messages,
): { status: number; fixes: number } {
  const { file } = input;
  if (!isDraftFile(file)) {
    if (input.named) throw new CliError(m.notText(file));
    io.err(`govreport: ${m.notText(file)}\n`);
    return { status: 0, fixes: 0 };
  }
  const draft = readDraft(file, m);
  noteDraft(file, draft, io, m, false);
  const reason = looksScraped(draft.text)
    ? m.notText(file)
    : !input.named && !looksLikeReport({ report: parseReport(draft.text) })
      ? m.notAReport(file)
      : undefined;
  if (reason !== undefined) {
    if (input.named) throw new CliError(reason);
    io.err(`govreport: ${reason}\n`);
    return { status: 0, fixes: 0 };
  }
  const settings = runSettings.settingsFor(file);
  const result = fixAll(draft.text, settings);
  if (result.text !== draft.text) {
    if (!draft.lossless) throw new CliError(m.lossyNotFixed(file, encodingLabel(draft.encoding)));
    const bytes = encodeLosslessly(result.text, draft.encoding);
    if (!bytes) throw new CliError(m.notEncodable(file, encodingLabel(draft.encoding)));
    const rules = ruleList(
      result.applied.map((f) => f.rule),
      m,
    );
    if (dryRun) {
      io.out(unifiedDiff(file, draft.text, result.text));
      io.err(`${m.wouldFix(file, result.applied.length, rules)}\n`);
    } else {
      writeBack(draft, bytes, m);
      io.out(`${m.fixed(file, result.applied.length, rules)}\n`);
    }
  } else if (!draft.lossless) {
    io.err(`govreport: ${m.lossy(file, encodingLabel(draft.encoding))}\n`);
  }
  const left = countBySeverity(check(result.text, settings).findings);
  if (result.text !== draft.text && left.error + left.warning + left.info > 0) (dryRun ? io.err : io.out)(`${m.remaining(left)}\n`);
  return { status: left.error > 0 ? 1 : 0, fixes: result.text !== draft.text ? result.applied.length : 0 };
}

/** Lets a pending SIGINT or SIGTERM be handled between two files. */
const betweenFiles = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `govreport fix`: every safe fix, each file written back in its own encoding and line breaks — or, with --dry-run,
 * a unified diff on stdout and nothing written. A file that cannot be read or written back safely is named on stderr
 * and left alone (status 2); the others are still fixed. A signal ends the run between files, never inside a write.
 */
export async function runFix(paths: string[], dryRun: boolean, settings: CliSettings, run: RunOptions, io: Io): Promise<number> {
  const m = messagesFor(settings.locale);
  const runSettings = new RunSettings(settings, run, m);
  const inputs = collectInputs(paths, m);
  const progress = io.progress(inputs.length, m.progress);
  const stopCleaning = cleanUpOnSignals((signal) => {
    progress.clear();
    io.err(`govreport: ${m.interrupted(signal)}\n`);
  });
  let status = 0;
  let changedFiles = 0;
  let fixes = 0;
  let failed = 0;
  try {
    for (const [i, input] of inputs.entries()) {
      await betweenFiles();
      progress.update(i, input.file);
      try {
        if (input.error !== undefined) throw new CliError(input.error);
        const done = fixFile(input, dryRun, runSettings, io, m);
        status = Math.max(status, done.status);
        if (done.fixes) changedFiles++;
        fixes += done.fixes;
      } catch (error) {
        io.err(`govreport: ${failureMessage(input.file, error, m)}\n`);
        status = 2;
        failed++;
      }
    }
  } finally {
    stopCleaning();
  }
  progress.clear();
  const summary = dryRun ? m.dryRunSummary(changedFiles, fixes, inputs.length) : m.fixSummary(changedFiles, fixes, inputs.length);
  (dryRun ? io.err : io.out)(`${summary}${failed ? m.summarySeparator + m.notHandled(failed) : ''}\n`);
  return status;
}
