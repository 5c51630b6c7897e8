import { matchSection } from '../standard';
import { oneLine } from './draft';
import type { Block } from './types';

const TITLE = /政府信息公开.{0,6}年度?报告|政务公开.{0,6}年度?报告/;
const TITLE_MAX = 80;

/** A line that reads as the report's title (`…2024年政府信息公开工作年度报告`). */
export function isTitle(text: string): boolean {
  const line = oneLine(text);
  return line.length <= TITLE_MAX && TITLE.test(line);
}

/**
 * A section heading of the standard, as a line of its own: the standard wording or a known variant with its numeral,
 * or a short line starting with a section numeral (`一总体情况`, `四、…行政复议与行政诉讼情况`).
 */
export function isSectionHeading(text: string): boolean {
  const line = oneLine(text);
  if (line.length <= 40 && matchSection(line, true) !== undefined) return true;
  return line.length <= 30 && /^[一二三四五六]/.test(line) && !/[。；;]$/.test(line) && matchSection(line, false) !== undefined;
}

/** Headings found by the text where the document's markup does not mark them: the title first, then the section headings. */
export function markHeadings(blocks: Block[]): Block[] {
  const first = blocks.findIndex((b) => b.kind !== 'table');
  return blocks.map((block, i) => {
    if (block.kind !== 'paragraph') return block;
    if (i === first && isTitle(block.text)) return { ...block, kind: 'heading', level: 1 };
    return isSectionHeading(block.text) ? { ...block, kind: 'heading', level: 2 } : block;
  });
}
