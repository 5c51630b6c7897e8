import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Finding } from '../../server/src/core';

/**
 * The example drafts of the e2e workspace, made with the core's renderReport (edition 2021, year 2021) and filled in:
 * - draft-2021.md: the 予以公开 row's 总计 says 29 (its cells add up to 28), and the heading 五、存在的主要问题及改进情况 is gone;
 * - save-2021.md: the same wrong total, every section present;
 * - table-2021.md: section 四 has its heading but no table;
 * - preview-2021.report.md: save-2021.md as a `.report.md` draft (the report language), for preview and export;
 * - pasted-2021.txt: save-2021.md saved as .txt (opens as plain text);
 * - report-2023.docx: test/fixtures/docx/canonical-2023.docx, a Word report to import;
 * - years/2022.md, years/2023.md: test/fixtures/rules/carry-over/companion-2022-disagreeing.md and
 *   examples/clean-2021.report.md, titled 示例县人民政府 (an agency no other draft here has): 2023 carries over 6 and 0
 *   where 2022 carried 5 and 1 forward.
 */
export const FIXTURES = join(__dirname, 'workspace');

export function readDraft(name: string, folder = FIXTURES): string {
  return readFileSync(join(folder, name), 'utf8');
}

/** What the core finds in a text, with default settings (zh-CN): what every editor must show for it. */
export function findingsOf(text: string): Finding[] {
  return check(text).findings;
}

export function findingOf(text: string, rule: string): Finding {
  const finding = findingsOf(text).find((f) => f.rule === rule);
  if (!finding) throw new Error(`the core reports no ${rule} in this draft; the fixture no longer fits the test`);
  return finding;
}

/** The 0-based line and UTF-16 column of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
