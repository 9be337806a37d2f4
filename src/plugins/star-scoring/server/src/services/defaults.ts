/**
 * Default scoring sheets seeded once into the star and criterion content types; from then on the
 * admin panel is the source of truth (nothing here is read at scoring time).
 */
type C = [
  code: string,
  title: string,
  maxPoints: number,
  veto: boolean,
  department: string,
  evidence: boolean,
  metricKey?: string,
];
type S = { key: string; name: string; criteria: C[] };

const party: S = {
  key: 'party_strength',
  name: '支部过硬星',
  criteria: [
    ['PS1', '班子队伍健全，书记履职尽责', 25, false, '组织部', true],
    ['PS2', '“三会一课”、主题党日等组织生活规范开展', 25, false, '组织部', true],
    [
      'PS3',
      '党员发展、教育、管理规范，在职党员到社区报到',
      20,
      false,
      '组织部',
      true,
      'double-report.hours-per-member',
    ],
    ['PS4', '阵地建设与党务公开', 20, false, '街道党工委', false],
    ['PS5', '班子成员无违纪违法、无软弱涣散问题', 10, true, '纪委监委', false],
  ],
};
const safety: S = {
  key: 'safety_rule_of_law',
  name: '平安法治星',
  criteria: [
    ['SR1', '网格化治理体系健全，“五长”配齐', 25, false, '政法委', false, 'foundation.grids-five-heads'],
    ['SR2', '矛盾纠纷排查化解，“一村（社区）一法律顾问”', 25, false, '司法局', true],
    ['SR3', '重点人群服务管理到位', 20, false, '公安局', true],
    ['SR4', '法治宣传教育常态化', 20, false, '司法局', false],
    ['SR5', '未发生重大刑事案件、群体性事件和安全生产事故', 10, true, '政法委', false],
  ],
};

export const DEFAULT_SHEETS: Record<'urban' | 'rural', S[]> = {
  urban: [
    party,
    {
      key: 'co_governance',
      name: '共建共享星',
      criteria: [
        ['CG1', '小区党组织、业委会、物业服务企业“三方联动”', 25, false, '住建局', true],
        ['CG2', '红色物业覆盖小区', 25, false, '住建局', false, 'foundation.red-property-share'],
        ['CG3', '无物业小区党小组兜底覆盖', 20, false, '街道党工委', false, 'foundation.unmanaged-covered-share'],
        [
          'CG4',
          '驻区单位共驻共建，需求、资源、项目清单落实',
          20,
          false,
          '组织部',
          true,
          'double-report.needs-claimed-done',
        ],
        ['CG5', '无侵害群众利益的物业服务重大投诉未处理', 10, true, '住建局', false],
      ],
    },
    safety,
    {
      key: 'harmony_happiness',
      name: '幸福和谐星',
      criteria: [
        ['HH1', '“一老一小”服务设施与活动', 25, false, '民政局', true],
        ['HH2', '志愿服务队伍与常态化活动', 25, false, '文明办', true],
        ['HH3', '居民议事协商机制运行', 20, false, '民政局', true],
        ['HH4', '文明创建与移风易俗', 20, false, '文明办', false],
        ['HH5', '未发生因服务缺位引发的重大负面舆情', 10, true, '宣传部', false],
      ],
    },
    {
      key: 'livelihood_business',
      name: '宜业兴业星',
      criteria: [
        ['LB1', '就业创业服务与技能培训', 30, false, '人社局', true],
        ['LB2', '便民服务圈与社区商业', 25, false, '商务局', false],
        ['LB3', '营商环境与小微企业服务', 25, false, '发改委', true],
        ['LB4', '社区集体收入与服务项目', 10, false, '财政局', true],
        ['LB5', '辖区无拖欠农民工工资、无重大安全生产事故', 10, true, '应急管理局', false],
      ],
    },
  ],
  rural: [
    { ...party, criteria: party.criteria.map((c) => [`R${c[0]}`, ...c.slice(1)] as C) },
    {
      key: 'industry_prosperity',
      name: '产业兴旺星',
      criteria: [
        ['IP1', '主导产业培育，村集体经济收入增长', 30, false, '农业农村局', true],
        ['IP2', '农民合作社与新型经营主体', 25, false, '农业农村局', true],
        ['IP3', '农民增收与稳岗就业', 25, false, '人社局', false],
        ['IP4', '耕地保护与粮食生产', 20, true, '自然资源局', false],
      ],
    },
    {
      key: 'ecological_livability',
      name: '生态宜居星',
      criteria: [
        ['EL1', '人居环境整治与村庄清洁', 30, false, '农业农村局', true],
        ['EL2', '垃圾污水治理与厕所改造', 25, false, '生态环境局', true],
        ['EL3', '村庄绿化美化', 25, false, '林业局', false],
        ['EL4', '无重大生态环境破坏事件', 20, true, '生态环境局', false],
      ],
    },
    { ...safety, criteria: safety.criteria.map((c) => [`R${c[0]}`, ...c.slice(1)] as C) },
    {
      key: 'civility_happiness',
      name: '文明幸福星',
      criteria: [
        ['CH1', '村规民约与红白理事会', 25, false, '文明办', true],
        ['CH2', '新时代文明实践站活动', 25, false, '宣传部', true],
        ['CH3', '养老、托幼与兜底保障', 25, false, '民政局', false],
        ['CH4', '乡风文明评选', 15, false, '文明办', false],
        ['CH5', '无封建迷信、非法宗教活动', 10, true, '统战部', false],
      ],
    },
  ],
};
