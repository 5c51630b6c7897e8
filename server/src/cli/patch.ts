import { FILE_HEADERS_ONLY, createTwoFilesPatch, formatPatch } from 'diff';

/** How long a line diff may take before the patch falls back to one hunk around everything that changed. */
const DIFF_TIMEOUT_MS = 5000;
const CONTEXT = 3;

/** Lines with their line breaks (the last one may have none). */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * One hunk from the first changed line to the last, with context: what the line diff becomes when computing it
 * would take too long (a huge file with changes all over it).
 */
export function singleHunkPatch(file: string, before: string, after: string): string {
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - CONTEXT);
  const keep = Math.min(tail, CONTEXT);
  const mark = (prefix: string) => (line: string) =>
    line.endsWith('\n') ? [prefix + line.slice(0, -1)] : [prefix + line, '\\ No newline at end of file'];
  const lines = [
    ...a.slice(from, head).flatMap(mark(' ')),
    ...a.slice(head, a.length - tail).flatMap(mark('-')),
    ...b.slice(head, b.length - tail).flatMap(mark('+')),
    ...a.slice(a.length - tail, a.length - tail + keep).flatMap(mark(' ')),
  ];
  const oldLines = a.length - tail + keep - from;
  const newLines = b.length - tail + keep - from;
  const hunk = { oldStart: from + 1, oldLines, newStart: from + 1, newLines, lines };
  return formatPatch(
    { oldFileName: file, newFileName: file, oldHeader: undefined, newHeader: undefined, hunks: [hunk] },
    FILE_HEADERS_ONLY,
  );
}

/** A unified diff of a file's text before and after. */
export function unifiedDiff(file: string, before: string, after: string): string {
  return (
    createTwoFilesPatch(file, file, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY, timeout: DIFF_TIMEOUT_MS }) ??
    singleHunkPatch(file, before, after)
  );
}
