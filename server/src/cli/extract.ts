import { figuresOf, parseOptions, parseReport } from '../core';
import { readSettings } from '../shared/settings';
import type { CliSettings, RunOptions } from './args';
import { CSV_BOM, csvLine } from './csv';
import { RunSettings } from './config';
import { eachInput, expandInputs, readInput } from './inputs';
import type { Io } from './io';
import { messagesFor } from './messages';

export const EXTRACT_FORMATS = ['csv', 'json'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

const COLUMNS = [
  'file',
  'agency',
  'year',
  'edition',
  'table',
  'row',
  'column',
  'value',
  'table_label',
  'row_label',
  'column_label',
  'note',
] as const;

/**
 * `govreport extract`: every cell of every standard table of every report as a row of data (CSV, or a JSON array),
 * as written: a blank cell is empty (null), text where a number belongs stays text. A file that cannot be read gets
 * one row (or object) saying why, and the exit status 2.
 */
export async function runExtract(paths: string[], format: ExtractFormat, settings: CliSettings, run: RunOptions, io: Io): Promise<number> {
  const m = messagesFor(settings.locale);
  const runSettings = new RunSettings(settings, run, m);
  const { inputs } = expandInputs(paths, io.cwd, runSettings, m);
  let first = true;
  const record = (row: Record<string, unknown>) => {
    if (format === 'csv') io.out(csvLine(COLUMNS.map((c) => (row[c] === null ? undefined : (row[c] as string | number | undefined)))));
    else io.out(`${first ? '[\n' : ',\n'}  ${JSON.stringify(row)}`);
    first = false;
  };
  if (format === 'csv') io.out(CSV_BOM + csvLine([...COLUMNS]));
  const failed = await eachInput(
    inputs,
    io,
    m,
    async ({ file }) => {
      const fileSettings = readSettings(runSettings.settingsFor(file)).settings;
      const source = await readInput(file, fileSettings.locale, m);
      for (const f of figuresOf(parseReport(source.text, parseOptions(fileSettings)))) {
        const { tableLabel, rowLabel, columnLabel, ...figure } = f;
        record({ file, ...figure, table_label: tableLabel, row_label: rowLabel, column_label: columnLabel });
      }
    },
    (file, message) => record({ file, note: message }),
  );
  if (format === 'json') io.out(first ? '[]\n' : '\n]\n');
  return failed ? 2 : 0;
}
