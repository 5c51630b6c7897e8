import type * as z from 'zod/mini';
import { editionDef, sectionDef, type columnDef, type rowDef, type tableDef } from './schema';

type ColumnInput = z.input<typeof columnDef>;
type RowInput = z.input<typeof rowDef>;
type TableInput = z.input<typeof tableDef>;

export const SECTIONS = [
  { id: 'overview', numeral: '一', title: '总体情况', variants: ['概述', '基本情况'] },
  { id: 'proactive', numeral: '二', title: '主动公开政府信息情况', variants: ['主动公开政府信息的情况', '主动公开情况'] },
  {
    id: 'requests',
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况', '依申请公开政府信息情况', '政府信息公开申请情况'],
  },
  {
    id: 'appeals',
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '政府信息公开复议、诉讼情况',
      '政府信息公开行政法复议、行政诉讼情况',
    ],
  },
  {
    id: 'problems',
    numeral: '五',
    title: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题和改进情况', '存在的问题及改进情况', '主要问题及改进情况'],
  },
  { id: 'other', numeral: '六', title: '其他需要报告的事项', variants: ['其他需要报告的事项情况', '其他需要说明的事项'] },
].map((s) => sectionDef.parse(s));

const count = (id: string, label: string, more: Partial<ColumnInput> = {}): ColumnInput => ({ id, label, kind: 'count', ...more });
const row = (id: string, number: string, label: string, more: Partial<RowInput> = {}): RowInput => ({ id, number, label, ...more });

/** Section 二: one table per item of Article 20. */
function proactiveTable(item: string, columns: ColumnInput[], rows: RowInput[]): TableInput {
  return {
    id: `proactive.${item}`,
    section: 'proactive',
    item: `第二十条第（${item}）项`,
    name: { zh: `第二十条第（${item}）项`, en: `table of Article 20 item (${item})` },
    corner: '信息内容',
    cornerMark: '信息内容',
    headerRows: 1,
    labelColumns: 1,
    columns,
    rows,
  };
}

const projectColumns = (withDecisions: boolean): ColumnInput[] => [
  count('previousYear', '上一年项目数量'),
  { id: 'change', label: '本年增/减', kind: 'signedCount', variants: ['本年增减', '本年增 / 减'] },
  ...(withDecisions ? [count('decisions', '处理决定数量')] : []),
];

// Section 三 ------------------------------------------------------------------------------------------------------
const APPLICANTS = '法人或其他组织';
const applicantColumns: ColumnInput[] = [
  count('natural', '自然人'),
  count('business', '商业企业', { group: APPLICANTS }),
  count('research', '科研机构', { group: APPLICANTS }),
  count('welfare', '社会公益组织', { group: APPLICANTS }),
  count('legal', '法律服务机构', { group: APPLICANTS }),
  count('other', '其他', { group: APPLICANTS }),
  count('total', '总计', { variants: ['合计'] }),
];
const RESULTS = '三、本年度办理结果';
const resultGroup = (number: string, label: string, items: [string, string, string[]?][]): RowInput[] =>
  items.map(([id, text, variants], i) => row(id, `${i + 1}.`, text, { parents: [RESULTS, `${number}${label}`], variants: variants ?? [] }));

function requestRows(otherHandling: RowInput[]): RowInput[] {
  return [
    row('received', '一、', '本年新收政府信息公开申请数量', { variants: ['本年新收到政府信息公开申请数量'] }),
    row('carriedOver', '二、', '上年结转政府信息公开申请数量', { variants: ['上年结转政府信息公开数量'] }),
    row('disclosed', '（一）', '予以公开', { parents: [RESULTS] }),
    row('partly', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', { parents: [RESULTS], variants: ['部分公开'] }),
    ...resultGroup('（三）', '不予公开', [
      ['withheld.secret', '属于国家秘密'],
      ['withheld.prohibited', '其他法律行政法规禁止公开', ['其他法律和行政法规禁止公开']],
      ['withheld.security', '危及“三安全一稳定”', ['危机“三安全一稳定”', '危及"三安全一稳定"']],
      ['withheld.thirdParty', '保护第三方合法权益'],
      ['withheld.internal', '属于三类内部事务信息'],
      ['withheld.process', '属于四类过程性信息'],
      ['withheld.enforcement', '属于行政执法案卷', ['属于行政法案卷']],
      ['withheld.query', '属于行政查询事项'],
    ]),
    ...resultGroup('（四）', '无法提供', [
      ['unavailable.notHeld', '本机关不掌握相关政府信息'],
      ['unavailable.mustCreate', '没有现成信息需要另行制作', ['没有现成信息需另行制作']],
      ['unavailable.unclear', '补正后申请内容仍不明确'],
    ]),
    ...resultGroup('（五）', '不予处理', [
      ['notProcessed.complaint', '信访举报投诉类申请'],
      ['notProcessed.repeated', '重复申请'],
      ['notProcessed.publication', '要求提供公开出版物'],
      ['notProcessed.excessive', '无正当理由大量反复申请'],
      ['notProcessed.confirmation', '要求行政机关确认或重新出具已获取信息'],
    ]),
    ...otherHandling,
    row('total', '（七）', '总计', { parents: [RESULTS], variants: ['合计'] }),
    row('carriedForward', '四、', '结转下年度继续办理'),
  ];
}

function requestTable(rows: RowInput[]): TableInput {
  const ids = rows.map((r) => r.id);
  const results = ids.slice(ids.indexOf('disclosed'), ids.indexOf('total'));
  return {
    id: 'requests',
    section: 'requests',
    name: { zh: '第三部分表格', en: 'Section 三 table' },
    corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    cornerMark: '勾稽关系',
    headerRows: 3,
    headerGroups: ['申请人情况'],
    labelColumns: 3,
    columns: applicantColumns,
    rows,
    relations: [
      { rule: 'row-total', axis: 'row', total: 'total', terms: applicantColumns.slice(0, 6).map((c) => c.id) },
      { rule: 'results-total', axis: 'column', total: 'total', terms: results },
      { rule: 'balance', axis: 'column', total: 'carriedForward', terms: ['received', 'carriedOver'], totalSide: ['total'] },
    ],
  };
}

// Section 四 ------------------------------------------------------------------------------------------------------
const OUTCOMES: [string, string][] = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
];
const APPEAL_GROUPS: [string, string][] = [
  ['review', '行政复议'],
  ['direct', '行政诉讼 · 未经复议直接起诉'],
  ['afterReview', '行政诉讼 · 复议后起诉'],
];
const appealsTable: TableInput = {
  id: 'appeals',
  section: 'appeals',
  name: { zh: '第四部分表格', en: 'Section 四 table' },
  corner: '',
  headerRows: 3,
  stackedHeader: true,
  labelColumns: 0,
  columns: APPEAL_GROUPS.flatMap(([g, group]) => OUTCOMES.map(([o, label]) => count(`${g}.${o}`, label, { group }))),
  rows: [row('cases', '', '')],
  relations: APPEAL_GROUPS.map(([g]) => ({
    rule: 'review-total' as const,
    axis: 'row' as const,
    total: `${g}.total`,
    terms: OUTCOMES.slice(0, 4).map(([o]) => `${g}.${o}`),
  })),
};

// The editions ----------------------------------------------------------------------------------------------------
export const EDITIONS = [
  {
    id: '2019',
    document: '国办公开办函〔2019〕60号',
    firstYear: 2019,
    tables: [
      proactiveTable(
        '一',
        [
          count('made', '本年新制作数量'),
          count('published', '本年新公开数量', { variants: ['本年公开数量'] }),
          count('inForce', '对外公开总数量'),
        ],
        [row('rules', '', '规章'), row('normative', '', '规范性文件', { variants: ['行政规范性文件'] })],
      ),
      proactiveTable('五', projectColumns(true), [row('licensing', '', '行政许可'), row('otherServices', '', '其他对外管理服务事项')]),
      proactiveTable('六', projectColumns(true), [row('penalty', '', '行政处罚'), row('coercion', '', '行政强制')]),
      proactiveTable('八', projectColumns(false), [row('fees', '', '行政事业性收费')]),
      proactiveTable(
        '九',
        [count('projects', '采购项目数量'), { id: 'amount', label: '采购总金额', kind: 'money' }],
        [row('procurement', '', '政府集中采购')],
      ),
      requestTable(requestRows([row('otherHandling', '（六）', '其他处理', { parents: [RESULTS] })])),
      appealsTable,
    ],
  },
  {
    id: '2021',
    document: '国办公开办函〔2021〕30号',
    firstYear: 2021,
    feeStatement: '处理费',
    tables: [
      proactiveTable(
        '一',
        [
          count('issued', '本年制发件数'),
          count('repealed', '本年废止件数', { variants: ['本年废纸件数'] }),
          count('inForce', '现行有效件数', { variants: ['先行有效件数'] }),
        ],
        [row('rules', '', '规章'), row('normative', '', '行政规范性文件', { variants: ['规范性文件'] })],
      ),
      proactiveTable('五', [count('decisions', '本年处理决定数量')], [row('licensing', '', '行政许可')]),
      proactiveTable('六', [count('decisions', '本年处理决定数量')], [row('penalty', '', '行政处罚'), row('coercion', '', '行政强制')]),
      proactiveTable(
        '八',
        [{ id: 'amount', label: '本年收费金额（单位：万元）', kind: 'money', variants: ['本年收费金额'] }],
        [row('fees', '', '行政事业性收费')],
      ),
      requestTable(
        requestRows(
          resultGroup('（六）', '其他处理', [
            [
              'otherHandling.noCorrection',
              '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
              ['申请人无正当理由逾期不补正、行政机关不再受理其政府信息公开申请'],
            ],
            [
              'otherHandling.unpaid',
              '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
              ['申请人逾期未按收费通知要求缴纳费用、行政机关不再受理其政府信息公开申请'],
            ],
            ['otherHandling.other', '其他'],
          ]),
        ),
      ),
      appealsTable,
    ],
  },
].map((e) => editionDef.parse(e));
