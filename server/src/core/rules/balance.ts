import { arithmeticRule } from './arithmetic';
import { msg } from './util';

export default arithmeticRule(
  'balance',
  msg(
    '每列应满足勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
    'In every column, 一 + 二 = （七）总计 + 四 (the balance the table states)',
  ),
);
