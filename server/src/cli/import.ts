import * as fs from 'node:fs';
import * as path from 'node:path';
import { importAsDraft, parseOptions, parseReport } from '../core';
import { readSettings } from '../shared/settings';
import type { CliSettings } from './args';
import { CliError, checkOutput, namedFile, noteDraft, writeAtomically } from './files';
import type { Io } from './io';
import { type Messages, messagesFor } from './messages';
import { readReportFile } from './sources';

export interface ImportRequest {
  settings: CliSettings;
  inputs: string[];
  output?: string;
  outDir?: string;
  /** Write over an existing output (never over the input). */
  force: boolean;
}

/** Where each input's draft goes in OUTDIR: `NAME.report.md`, the input's extension kept where two inputs share a name. */
function outputNames(inputs: string[], outDir: string): string[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    const base = path.basename(input);
    const stem = base.slice(0, base.length - path.extname(base).length) || base;
    const name = taken.has(stem) ? base : stem;
    taken.add(name);
    return path.join(outDir, `${name}.report.md`);
  });
}

/**
 * Imports one file: a canonical UTF-8 draft of a pasted report, web page or Word file. Refuses to write a conversion
 * that would change what the arithmetic checks find (the figures must come through unchanged); never writes over its
 * input, and over an existing output only when forced.
 */
async function importFile(
  input: string,
  output: string | undefined,
  force: boolean,
  settings: CliSettings,
  io: Io,
  m: Messages,
): Promise<void> {
  const file = namedFile(input, m);
  if (output !== undefined) checkOutput(file, output, force, 'import', m);
  const source = await readReportFile(file, settings.locale, m);
  noteDraft(input, source.draft, io, m);
  const result = importAsDraft(source.text, settings, source.draft ? undefined : m.importSource(path.basename(input)));
  if (result.changed.length) throw new CliError(m.importChanged(input, result.changed.join(', ')));
  const draft = result.text;
  if (output === undefined) io.out(draft);
  else writeAtomically(output, Buffer.from(draft, 'utf8'), m);
  if (source.draft) {
    io.err(`${m.imported(input, output ?? m.stdout, result.title, result.headings, result.tables)}\n`);
  } else {
    const { sections } = parseReport(draft, parseOptions(readSettings(settings).settings));
    io.err(
      `${m.importedSource(
        input,
        output ?? m.stdout,
        sections.length,
        sections.reduce((n, s) => n + s.tables.length, 0),
      )}\n`,
    );
  }
}

/** `govreport import`: each input as a canonical draft, to OUT, OUTDIR or stdout; a failed input does not stop the others (status 2). */
export async function runImport({ settings, inputs, output, outDir, force }: ImportRequest, io: Io): Promise<number> {
  const m = messagesFor(settings.locale);
  if (outDir !== undefined) {
    try {
      fs.mkdirSync(outDir, { recursive: true });
    } catch (error) {
      throw new CliError(m.writeFailed(outDir, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
    }
  }
  const outputs = outDir === undefined ? [output] : outputNames(inputs, outDir);
  let status = 0;
  for (const [i, input] of inputs.entries()) {
    try {
      await importFile(input, outputs[i], force, settings, io, m);
    } catch (error) {
      if (!(error instanceof CliError) || inputs.length === 1) throw error;
      io.err(`govreport: ${error.message}\n`);
      status = 2;
    }
  }
  return status;
}
