import { arithmeticRule } from './arithmetic';
import { msg } from './util';

export default arithmeticRule(
  'results-total',
  msg('每列的“（七）总计”应等于（一）至（六）各项办理结果之和', 'In every column, (七) 总计 equals the sum of the results (一) to (六)'),
);
