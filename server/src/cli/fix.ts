import { check, fixAll, looksScraped } from '../core';
import type { CliSettings } from './args';
import { encodeLosslessly, encodingLabel } from './encoding';
import { CliError, collectDrafts, readDraft, writeAtomically } from './files';
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

/** Fixes one file; what it returns is the file's exit status. */
function fixFile(file: string, dryRun: boolean, settings: CliSettings, io: Io, m: Messages): { status: number; fixes: number } {
  if (!isDraftFile(file)) throw new CliError(m.notText(file));
  const draft = readDraft(file, m);
  if (looksScraped(draft.text)) throw new CliError(m.notText(file));
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
      writeAtomically(file, bytes, m);
      io.out(`${m.fixed(file, result.applied.length, rules)}\n`);
    }
  } else if (!draft.lossless) {
    io.err(`govreport: ${m.lossy(file, encodingLabel(draft.encoding))}\n`);
  }
  const left = countBySeverity(check(result.text, settings).findings);
  if (result.text !== draft.text && left.error + left.warning + left.info > 0) (dryRun ? io.err : io.out)(`${m.remaining(left)}\n`);
  return { status: left.error > 0 ? 1 : 0, fixes: result.text !== draft.text ? result.applied.length : 0 };
}

/**
 * `govreport fix`: every safe fix, each file written back atomically in its own encoding — or, with --dry-run, a
 * unified diff on stdout and nothing written. A file that cannot be written back exactly is left alone (status 2).
 */
export function runFix(paths: string[], dryRun: boolean, settings: CliSettings, io: Io): number {
  const m = messagesFor(settings.locale);
  const files = collectDrafts(paths, m);
  const progress = io.progress(files.length, m.progress);
  let status = 0;
  let changedFiles = 0;
  let fixes = 0;
  files.forEach((file, i) => {
    progress.update(i, file);
    try {
      const done = fixFile(file, dryRun, settings, io, m);
      status = Math.max(status, done.status);
      if (done.fixes) changedFiles++;
      fixes += done.fixes;
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.err(`govreport: ${error.message}\n`);
      status = 2;
    }
  });
  progress.clear();
  const summary = dryRun ? m.dryRunSummary(changedFiles, fixes, files.length) : m.fixSummary(changedFiles, fixes, files.length);
  (dryRun ? io.err : io.out)(`${summary}\n`);
  return status;
}
