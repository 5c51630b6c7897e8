import { check, renderReport } from '../server/src/core';
const pairs: [string, string, '2019' | '2021'][] = [
  ['本年废止件数', '本年废纸件数', '2021'], ['现行有效件数', '先行有效件数', '2021'], ['本年新公开数量', '本年公开数量', '2019'],
  ['其他法律行政法规禁止公开', '其他法律和行政法规禁止公开', '2021'], ['行政机关不再处理其政府信息公开申请', '行政机关不再受理其政府信息公开申请', '2021'],
  ['政府信息公开行政复议、行政诉讼情况', '政府信息公开行政法复议、行政诉讼情况', '2021'], ['勾稽', '钩稽', '2021'],
];
for (const [from, to, ed] of pairs) {
  const text = renderReport(ed, ed === '2019' ? 2019 : 2023);
  if (!text.includes(from)) { console.log('MISSING', from); continue; }
  const r = check(text.split(from).join(to));
  console.log(to, '→', r.findings.map((f) => `${f.rule}: ${f.message}`).join(' | ') || 'none');
}
