import { arithmeticChanges, importDraft } from '../core';
import type { CliSettings } from './args';
import { encodingLabel } from './encoding';
import { CliError, namedFile, readDraft, writeAtomically } from './files';
import type { Io } from './io';
import { messagesFor } from './messages';

/**
 * `govreport import`: a pasted report as a canonical UTF-8 draft, to OUT or stdout. Refuses to write a conversion
 * that would change what the arithmetic checks find (the figures must come through unchanged).
 */
export function runImport(input: string, output: string | undefined, settings: CliSettings, io: Io): number {
  const m = messagesFor(settings.locale);
  const draft = readDraft(namedFile(input, m), m);
  if (!draft.lossless) io.err(`govreport: ${m.lossy(input, encodingLabel(draft.encoding))}\n`);
  const result = importDraft(draft.text, settings);
  const { lost, gained } = arithmeticChanges(draft.text, result.text, settings);
  if (lost.length || gained.length) {
    throw new CliError(m.importChanged(input, [...new Set([...lost, ...gained].map((f) => f.rule))].join(', ')));
  }
  if (output === undefined) io.out(result.text);
  else writeAtomically(output, Buffer.from(result.text, 'utf8'), m);
  io.err(`${m.imported(input, output ?? m.stdout, result.title, result.headings, result.tables)}\n`);
  return 0;
}
