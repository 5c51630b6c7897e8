// Why each rule exists, for its documentation page (docs/rules/<id>.md, written by `npm run docs`). Everything else
// on the page comes from the rule module itself (id, default severity, what it finds, what its fix does) and from
// running it on its first failing fixture. A test fails where a rule has no entry here.
import type { Message } from '../server/src/core';

const why = (zh: string, en: string): Message => ({ zh, en });

export const RATIONALE: Record<string, Message> = {
  'section-missing': why(
    '年度报告格式规定了六个部分，缺少任何一部分，报告就不完整，审核时会被退回。',
    'The national format prescribes six sections; a report without one of them is incomplete and is sent back in review.',
  ),
  'section-order': why(
    '各部分按规定顺序排列，读者和汇总统计才能在同一位置找到同一内容。',
    'Readers and those who compile the reports find the same content in the same place only when the sections keep their order.',
  ),
  'section-duplicate': why(
    '同一部分写了两次，通常是复制粘贴留下的，两处内容可能互相矛盾。',
    'A section written twice is usually left over from copying and pasting; the two copies may contradict each other.',
  ),
  'section-wording': why(
    '部分标题是格式规定的原文，统一措辞便于检索和汇总。',
    'The section headings are the format’s own words; keeping them makes reports searchable and comparable.',
  ),
  'title-missing': why(
    '标题写明机关名称和报告年度，读者才知道这是谁、哪一年的报告；跨年度核对也依据标题。',
    'The title says whose report it is and for which year; checks across years rely on it too.',
  ),
  'table-missing': why(
    '第二、三、四部分的数据必须以规定的表格填报，缺表就等于缺数。',
    'Sections 二, 三 and 四 report their figures in prescribed tables; a missing table means missing figures.',
  ),
  'table-not-markdown': why(
    '只有标准的 markdown 表格才能被可靠地读出、预览、导出为 Word 并逐格核对；粘贴的表格容易错位。',
    'Only a well-formed markdown table can be read, previewed, exported to Word and checked cell by cell; pasted tables slip out of place.',
  ),
  'table-shape': why(
    '一行的数值个数与列数不符时，无法确定每个数属于哪一列，合计也就无从核对。',
    'When a row has more or fewer figures than columns, which figure belongs to which column is unknown, and so are its sums.',
  ),
  'row-missing': why(
    '标准表格的每一行都要填报，缺行的数据既不能汇总，也会让合计对不上。',
    'Every row of a standard table is reported; a missing row cannot be compiled and leaves the totals short.',
  ),
  'row-unknown': why(
    '不属于标准表格的行无法汇总，常见原因是用了别的版本的表格或改写了行名。',
    'A row that is not in the standard table cannot be compiled; usually it comes from another edition’s table or a reworded label.',
  ),
  'row-duplicate': why(
    '同一标准行出现两次，读者和汇总时无法知道哪一行的数是对的。',
    'With a standard row written twice, neither readers nor compilers can tell which figures count.',
  ),
  'label-wording': why(
    '行列标签是格式规定的原文，错别字（如“危机”与“危及”）会改变含义，也影响检索。',
    'Row and column labels are the format’s own words; a typo (危机 for 危及) changes the meaning and hinders search.',
  ),
  'cell-blank': why(
    '空格可能是 0，也可能是漏填；规定的表格每格都应填数，0 也要写出。',
    'A blank may mean 0 or a figure left out; every cell of the prescribed tables takes a figure, 0 included.',
  ),
  'cell-not-number': why(
    '数值格里的文字（如书签残留、汉字数字）无法参与合计，也无法汇总。',
    'Text in a figure cell (a leftover bookmark, a number in words) takes no part in sums and cannot be compiled.',
  ),
  'cell-negative': why(
    '件数不可能为负，负数多半是录入或计算错误。',
    'A count cannot be negative; a negative figure is almost always a typing or calculation slip.',
  ),
  'cell-not-integer': why(
    '件数只能是整数，小数多半是录入错误（如多打了小数点）。',
    'Counts are whole numbers; a decimal is almost always a typing slip.',
  ),
  'row-total': why(
    '“总计”是六类申请人之和，对不上说明某一格填错了；公开的报告数字必须自洽。',
    '总计 is the sum of the six kinds of applicant; when it does not add up, a cell is wrong, and a published report must agree with itself.',
  ),
  'results-total': why(
    '“（七）总计”是各项办理结果之和，对不上说明某一格填错或漏填。',
    '（七）总计 is the sum of the handling results; when it does not add up, a cell is wrong or missing.',
  ),
  balance: why(
    '表格本身写明了勾稽关系：本年新收加上年结转，等于本年办结加结转下年度。不平衡说明有申请被漏计或重计。',
    'The table states its own balance: received plus carried over equals handled plus carried forward; an imbalance means requests were lost or counted twice.',
  ),
  'review-total': why(
    '行政复议、行政诉讼的“总计”是四种结果之和，对不上说明某一格填错。',
    'Each 总计 of reviews and lawsuits is the sum of its four outcomes; when it does not add up, a cell is wrong.',
  ),
  'edition-mismatch': why(
    '2021 年起使用新版格式，行列与 2019 版不同；用错版本的表格，数据无法与同年度其他报告汇总。',
    'From 2021 on the new edition applies, with other rows and columns than 2019’s; a table of the wrong edition cannot be compiled with the year’s other reports.',
  ),
  period: why(
    '年度报告统计的是一个完整的公历年度（1月1日至12月31日），写错期限会让读者误解数据范围。',
    'An annual report covers a whole calendar year (1 January to 31 December); a wrong period misleads readers about what the figures cover.',
  ),
  'year-mismatch': why(
    '标题年度和统计期限年度不一致，往往是沿用上一年的报告时忘了改。',
    'When the title’s year and the period’s year differ, last year’s report was usually reused without updating one of them.',
  ),
  'signing-date': why(
    '报告要在统计年度结束后才能编制，落款日期早于年度结束说明日期写错了；没有落款则无从知道报告何时发布。',
    'A report can only be written after its year has ended: a signing date before that is a mistake, and without one nobody knows when it was issued.',
  ),
  'fee-disclosure': why(
    '2021 版格式要求在第六部分说明信息处理费的收取情况，即使没有收费也应写明。',
    'The 2021 format asks Section 六 to state the information processing fees charged, even when none were.',
  ),
  'narrative-mismatch': why(
    '正文和表格说的是同一件事，数字不同会让读者无所适从，也常常暴露出其中一处写错。',
    'The text and the table tell the same story; when their counts differ readers cannot tell which is right, and one of them is usually wrong.',
  ),
  'table-unreadable': why(
    '读不出的表格（图片、版式错乱）无法核对，也无法被汇总，读者同样难以使用。',
    'A table that cannot be read (an image, a broken layout) cannot be checked or compiled, and readers struggle with it too.',
  ),
  'table-ambiguous': why(
    '数字连在一起时有多种拆法，任何一种都可能是错的；不做猜测，只提示需要核对原文。',
    'Figures run together can be split several ways, any of which may be wrong; nothing is guessed, the original must be checked.',
  ),
  'carry-over': why(
    '本年度的“上年结转”就是上一年度报告的“结转下年度继续办理”，两者不同说明有一年的数字有误。',
    'This year’s carried-over requests are last year’s carried-forward ones; when they differ, one year’s figure is wrong.',
  ),
  'in-force-count': why(
    '现行有效件数应等于上年现行有效件数加本年制发、减本年废止；不连贯说明某一年的数字有误或口径变了。',
    'Documents in force should equal last year’s plus those issued minus those repealed; a break means a figure is wrong or was counted differently.',
  ),
};
