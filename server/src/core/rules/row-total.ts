import { arithmeticRule } from './arithmetic';
import { msg } from './util';

export default arithmeticRule(
  'row-total',
  msg(
    '第三部分表格每行的“总计”应等于六类申请人之和',
    'In the Section 三 table, each row’s 总计 equals the sum of its six applicant columns',
  ),
);
