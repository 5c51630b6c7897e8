/**
 * Inputs built to be expensive: huge tables, huge lines, long runs of one character. The checker must get through
 * each (test/property/cost.test.ts); `npm run fuzz` reports the time against the goal of ≤ 50 ms per 100 KB.
 */
const REQUESTS = '## 三、收到和处理政府信息公开申请情况\n\n';
const PROACTIVE = '## 二、主动公开政府信息情况\n\n';
const ROW = '| 一、本年新收政府信息公开申请数量 |  |  | 1 | 2 | 3 | 4 | 5 | 6 | 21 |';

export interface Adversary {
  name: string;
  make(): string;
  /** An open bug (/work/notes/bugs.md) that makes this one take minutes: skipped by the cost test until fixed. */
  bug?: string;
}

const lines = (line: string, count: number) => Array(count).fill(line).join('\n');

export const ADVERSARIES: Adversary[] = [
  { name: 'lines of 5,000 pipes ×40', make: () => REQUESTS + lines('|'.repeat(5000), 40) },
  { name: 'lines of 5,000 escaped pipes', make: () => REQUESTS + lines('\\|'.repeat(5000), 20) },
  {
    name: 'table of 10,000 columns',
    make: () => {
      const cells = (f: (i: number) => string) => `| ${Array.from({ length: 10000 }, (_, i) => f(i)).join(' | ')} |`;
      return (
        REQUESTS + [cells((i) => `列${i}`), cells(() => '---'), cells(String), cells((i) => (i % 2 ? '自然人' : String(i)))].join('\n')
      );
    },
  },
  {
    name: 'table of 50,000 rows',
    make: () =>
      `${REQUESTS}| a | b | c | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|---|---|\n${lines(ROW, 50000)}`,
  },
  { name: 'pipe rows without delimiter, 50,000', make: () => REQUESTS + lines(ROW.slice(2), 50000) },
  { name: 'cell per line, 200,000 cells', make: () => REQUESTS + lines('\t0', 200000) },
  { name: 'cell per line, rows of labels', make: () => REQUESTS + lines('\t一、本年新收政府信息公开申请数量\n\t1\n', 30000) },
  { name: 'PDF columns, 2,000 lines of 500 figures', make: () => REQUESTS + lines(Array(500).fill('12').join('   '), 2000) },
  { name: 'PDF wrapped labels, 50,000 short lines', make: () => REQUESTS + lines('（二）部分公开', 50000) },
  { name: 'one line of 1,000,000 ASCII letters', make: () => 'a'.repeat(1_000_000) },
  { name: 'one line of 1,000,000 Han characters', make: () => '政'.repeat(1_000_000) },
  { name: 'one line of 1,000,000 digits', make: () => REQUESTS + '1'.repeat(1_000_000) },
  { name: 'one cell of 300,000 [', make: () => `${REQUESTS}| 一、本年新收政府信息公开申请数量 | ${'['.repeat(300_000)} | 1 |` },
  { name: 'one cell of 300,000 {', make: () => `${REQUESTS}| 一、本年新收政府信息公开申请数量 | ${'{'.repeat(300_000)} | 1 |` },
  { name: 'one cell of 300,000 <', make: () => `${REQUESTS}| 一、本年新收政府信息公开申请数量 | ${'<'.repeat(300_000)} | 1 |` },
  {
    name: 'one cell of 100,000 [ then a digit',
    make: () => `${REQUESTS}| 一、本年新收政府信息公开申请数量 | ${'['.repeat(100_000)}1 | 1 |`,
  },
  {
    name: 'one pipe-row cell with 100,000 spaces inside',
    make: () => `${REQUESTS}一、本年新收政府信息公开申请数量 | a${' '.repeat(100_000)}b | 1 |\n二、上年结转政府信息公开申请数量 | 1 | 1 |`,
  },
  { name: 'one cell of 300,000 digits', make: () => `${REQUESTS}| 一、本年新收政府信息公开申请数量 | ${'1'.repeat(300_000)} | 1 |` },
  { name: 'one cell of 300,000 digits and commas', make: () => `${REQUESTS}| 一 | ${'1,'.repeat(150_000)} | 1 |` },
  { name: '1,000,000 tabs then text', make: () => `${REQUESTS}${'\t'.repeat(1_000_000)}x` },
  { name: '1,000,000 spaces then a pipe', make: () => `${REQUESTS}${' '.repeat(1_000_000)}|x` },
  { name: '1,000,000 spaces then a dash', make: () => `${REQUESTS}${' '.repeat(1_000_000)}-x` },
  { name: '500,000 ideographic spaces', make: () => `${REQUESTS}${'\u3000'.repeat(500_000)}x` },
  { name: 'alternating space and tab ×500,000', make: () => `${REQUESTS}${' \t'.repeat(500_000)}x` },
  { name: 'heading repeated 20,000 times', make: () => lines('## 三、收到和处理政府信息公开申请情况', 20000) },
  { name: 'plain section lines repeated 20,000 times', make: () => lines('三、收到和处理政府信息公开申请情况', 20000) },
  { name: 'item lines repeated 20,000 times', make: () => PROACTIVE + lines('第二十条第（一）项', 20000) },
  { name: 'dates repeated 50,000 times', make: () => lines('统计期限为2020年1月1日至2020年12月1日', 50000) },
  { name: 'open comments 50,000 times', make: () => '<!-- govreport-disable row-total '.repeat(50000) },
  { name: 'nested block quotes ×10,000', make: () => `${'>'.repeat(10000)} 一、总体情况` },
  { name: '1,000,000 hashes', make: () => `# ${'#'.repeat(1_000_000)} x` },
  { name: '200,000 CRs', make: () => `${REQUESTS}${'\r'.repeat(200_000)}|` },
];

/**
 * The hostile shapes issue 11 names, each as a function of its size: checking them must take time linear in it
 * (test/property/cost.test.ts compares n with 4n; `npm run bench` prints ms per 100 KB at full size).
 */
export interface GrowingAdversary {
  name: string;
  make(n: number): string;
  /** The n measured (4n is measured too). */
  n: number;
}

const columns = (n: number) => {
  const cells = (f: (i: number) => string) => `| ${Array.from({ length: n }, (_, i) => f(i)).join(' | ')} |`;
  return REQUESTS + [cells((i) => `列${i}`), cells(() => '---'), cells(String), cells((i) => (i % 2 ? '自然人' : String(i)))].join('\n');
};

export const GROWING: GrowingAdversary[] = [
  { name: 'columns', make: columns, n: 2_500 },
  { name: 'cells pasted one per line', make: (n) => REQUESTS + lines('\t0', n), n: 50_000 },
  { name: '[ then a digit', make: (n) => `${REQUESTS}| 一、本年新收政府信息公开申请数量 | ${'['.repeat(n)}1 | 1 |`, n: 25_000 },
  { name: 'digits in one cell', make: (n) => `${REQUESTS}| 一、本年新收政府信息公开申请数量 | ${'1'.repeat(n)} | 1 |`, n: 75_000 },
  { name: 'digits and commas in one cell', make: (n) => `${REQUESTS}| 一 | ${'1,'.repeat(n)} | 1 |`, n: 20_000 },
  { name: 'CRs', make: (n) => `${REQUESTS}${'\r'.repeat(n)}|`, n: 50_000 },
  { name: 'cell-per-line rows of labels', make: (n) => REQUESTS + lines('\t一、本年新收政府信息公开申请数量\n\t1\n', n), n: 5_000 },
  { name: 'item lines', make: (n) => PROACTIVE + lines('第二十条第（一）项', n), n: 5_000 },
  { name: 'headings', make: (n) => lines('## 三、收到和处理政府信息公开申请情况', n), n: 5_000 },
  { name: 'plain section lines', make: (n) => lines('三、收到和处理政府信息公开申请情况', n), n: 5_000 },
  { name: 'pipe rows of one column too many', make: (n) => REQUESTS + lines(`${ROW} 9 |`, n), n: 5_000 },
];
