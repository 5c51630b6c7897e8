import type { Random } from './random';

// Sentences written for the generator (not taken from any report): long enough (> 60 characters per paragraph)
// that no paragraph is mistaken for a heading, a wrapped label or a table row.
const OPENINGS = [
  '{year}年，{agency}坚持以公开为常态、不公开为例外，围绕中心工作扎实推进政务公开，',
  '{year}年，在上级政务公开工作机构的指导下，{agency}认真贯彻《中华人民共和国政府信息公开条例》，',
  '本年度，{agency}把政务公开作为建设法治政府的重要抓手，',
  '对照年度政务公开工作要点，{agency}逐项分解任务、明确责任单位，',
];
const MIDDLES = [
  '及时更新机构职能、权责清单和办事指南，方便群众查询办理',
  '在门户网站发布各类政府信息{n}条，其中政策文件{m}件',
  '组织开展政策解读{m}次，通过图解、问答等形式把政策讲清楚',
  '畅通依申请公开渠道，规范受理、登记、审核、答复各环节',
  '加强政务新媒体管理，定期检查栏目更新情况并通报整改',
  '推进基层政务公开标准化规范化建设，编制完善公开事项目录',
  '围绕财政预决算、重大建设项目、公共资源配置等重点领域加大公开力度',
  '建立健全信息发布保密审查机制，做到先审查、后公开',
  '举办政府开放日活动{m}场，邀请群众代表走进机关了解政务工作',
];
const CLOSINGS = [
  '公开工作的质量和实效进一步提升。',
  '群众的知情权、参与权和监督权得到有效保障。',
  '各项工作任务按期完成。',
  '为经济社会发展提供了有力支撑。',
];
const PROBLEMS = [
  '部分单位对政务公开工作重视程度不够，信息发布不够及时，个别栏目更新滞后。',
  '政策解读形式较为单一，解读的针对性和可读性有待提高，回应社会关切的主动性不足。',
  '依申请公开办理人员业务能力参差不齐，答复文书的规范性还需进一步加强。',
  '下一步将加强业务培训和督促检查，完善考核评价机制，推动政务公开工作提质增效。',
];
const TABLE_INTROS = [
  '本年度主动公开政府信息的有关数据统计如下表所示，数据来源于各单位上报的统计报表。',
  '本年度收到和处理政府信息公开申请的情况统计如下，各项数据已经逐项核对无误。',
  '本年度因政府信息公开工作被申请行政复议、提起行政诉讼的情况统计如下表所示。',
];

function fill(template: string, random: Random, year: number, agency: string): string {
  return template
    .replace('{year}', String(year))
    .replace('{agency}', agency)
    .replace('{n}', String(random.int(200, 20000)))
    .replace('{m}', String(random.int(2, 300)));
}

/** One paragraph on the year's work (Section 一 and the like). */
export function workParagraph(random: Random, year: number, agency: string): string {
  const middles = random
    .shuffle(MIDDLES)
    .slice(0, random.int(2, 4))
    .map((m) => fill(m, random, year, agency));
  return `${fill(random.pick(OPENINGS), random, year, agency) + middles.join('，')}，${random.pick(CLOSINGS)}`;
}

export function problemParagraph(random: Random): string {
  const first = random.int(0, PROBLEMS.length - 1);
  return PROBLEMS[first] + PROBLEMS[(first + random.int(1, PROBLEMS.length - 1)) % PROBLEMS.length];
}

export function tableIntro(section: 'proactive' | 'requests' | 'appeals'): string {
  return TABLE_INTROS[['proactive', 'requests', 'appeals'].indexOf(section)];
}

export const AGENCIES = ['青山县人民政府', '云溪市人民政府', '河东区人民政府', '南湖区教育局', '松林县自然资源局', '白石镇人民政府'];
