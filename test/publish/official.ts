// The official tables' merged cells, written down from the national format (国办公开办函〔2021〕30号 and
// 〔2019〕60号), and the check that a written table holds each of the draft's labels and figures in its place.
import assert from 'node:assert/strict';
import { type DraftTable, type WrittenCell, type WrittenTable, grid } from './tables';

/** A cell as `text rowSpan×colSpan`. */
export const shape = (cell: WrittenCell) => `${cell.text} ${cell.rowSpan}×${cell.colSpan}`;
export const shapes = (rows: WrittenCell[][]) => rows.map((row) => row.map(shape));

export const REQUESTS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const REQUESTS_HEADER = [
  [`${REQUESTS_CORNER} 3×3`, '申请人情况 1×7'],
  ['自然人 2×1', '法人或其他组织 1×5', '总计 2×1'],
  ['商业企业 1×1', '科研机构 1×1', '社会公益组织 1×1', '法律服务机构 1×1', '其他 1×1'],
];

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
export const APPEALS_HEADER = [
  ['行政复议 1×5', '行政诉讼 1×10'],
  [...OUTCOMES.map((o) => `${o} 2×1`), '未经复议直接起诉 1×5', '复议后起诉 1×5'],
  [...OUTCOMES, ...OUTCOMES].map((o) => `${o} 1×1`),
];

/** The label cells that open a row of the Section 三 body (2021 edition), by row index: merged as on paper. */
export const REQUESTS_LABELS_2021: Record<number, string[]> = {
  0: ['一、本年新收政府信息公开申请数量 1×3'],
  1: ['二、上年结转政府信息公开申请数量 1×3'],
  2: ['三、本年度办理结果 22×1', '（一）予以公开 1×2'],
  3: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1×2'],
  4: ['（三）不予公开 8×1', '1.属于国家秘密 1×1'],
  5: ['2.其他法律行政法规禁止公开 1×1'],
  12: ['（四）无法提供 3×1', '1.本机关不掌握相关政府信息 1×1'],
  15: ['（五）不予处理 5×1', '1.信访举报投诉类申请 1×1'],
  20: ['（六）其他处理 3×1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1×1'],
  23: ['（七）总计 1×2'],
  24: ['四、结转下年度继续办理 1×3'],
};

/** The 2019 edition: （六）其他处理 is one row, so 三、本年度办理结果 spans 20. */
export const REQUESTS_LABELS_2019: Record<number, string[]> = {
  2: ['三、本年度办理结果 20×1', '（一）予以公开 1×2'],
  20: ['（六）其他处理 1×2'],
  21: ['（七）总计 1×2'],
  22: ['四、结转下年度继续办理 1×3'],
};

export function assertLabels(table: WrittenTable, expected: Record<number, string[]>): void {
  for (const [row, cells] of Object.entries(expected)) {
    const labels = table.body[Number(row)].filter((c) => !/^-?[\d.]*$/.test(c.text));
    assert.deepEqual(labels.map(shape), cells, `row ${row}`);
  }
}

/**
 * Every non-empty cell of the draft's table is at the same place of the written table's grid (labels spread over the
 * cells their merges cover, figures under their column); a one-row draft header is the written header's last row.
 */
export function assertDraftInPlace(written: WrittenTable, draft: DraftTable, name: string): void {
  const body = grid(written.body);
  assert.equal(body.length, draft.body.length, `${name}: body rows`);
  draft.body.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text) assert.equal(body[r][c], text, `${name}: body row ${r} column ${c}`);
    }),
  );
  const header = grid(written.header);
  const rows = draft.header.length === 1 ? [header[header.length - 1]] : header;
  assert.equal(rows.length, draft.header.length, `${name}: header rows`);
  draft.header.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text) assert.equal(rows[r][c], text, `${name}: header row ${r} column ${c}`);
    }),
  );
}
