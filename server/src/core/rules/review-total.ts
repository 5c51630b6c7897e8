import { arithmeticRule } from './arithmetic';
import { msg } from './util';

export default arithmeticRule(
  'review-total',
  msg(
    '第四部分每组的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和',
    'In each Section 四 group, 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
  ),
);
