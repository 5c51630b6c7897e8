/** A CSV field (RFC 4180): quoted where it holds a comma, a quote or a line break. */
function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The byte-order mark spreadsheet programs need to read UTF-8 CSV as UTF-8. */
export const CSV_BOM = '\uFEFF';
