import {
  COMMUNITIES,
  COMPOUND_PREFIXES,
  COMPOUND_WORDS,
  SECOND_STREET_COMMUNITIES,
  STREETS,
  VILLAGES,
  personName,
  phoneNumber,
} from './names';
import { gridBoundary } from './boundaries';

/**
 * The Weishi demo, generated deterministically in the proportions of the source article:
 * one street (两湖街道) with five community branches, 41 base grids, 94 secondary grids,
 * 129 compounds, 52 compound party groups, member households, project branches, alliances,
 * representatives of all three kinds and a dozen notices (some drafts). Above it the county
 * office (中共尉氏县委组织部, code WS), and beside it a second, smaller street office (永兴街道,
 * code YX) with two communities of its own, so that street and county scopes mean something.
 */
export type Row = Record<string, unknown> & { code: string };
export interface DemoData {
  branches: Row[];
  grids: Row[];
  compounds: Row[];
  representatives: Array<Record<string, unknown> & { name: string }>;
  notices: Array<Record<string, unknown> & { slug: string; published: boolean }>;
}

const HEAD_ROLES = ['grid_head', 'street_head', 'party_group_head', 'building_head', 'unit_head'] as const;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function heads(seed: number, complete: boolean, worker: 'grid_worker' | 'generalist_worker') {
  const roles = complete ? HEAD_ROLES : HEAD_ROLES.slice(0, 3 + (seed % 2));
  const list: Array<{ role: string; name: string; phone: string; building?: string; unit?: string }> = roles.map(
    (role, k) => ({
      role,
      name: personName(seed * 5 + k),
      phone: phoneNumber(seed * 5 + k),
      building: role === 'building_head' || role === 'unit_head' ? `${(seed % 12) + 1}号楼` : undefined,
      unit: role === 'unit_head' ? `${(seed % 3) + 1}单元` : undefined,
    }),
  );
  list.push({
    role: worker,
    name: personName(seed * 5 + 9),
    phone: phoneNumber(seed * 5 + 9),
    building: undefined,
    unit: undefined,
  });
  return list;
}

export function buildWeishiDemo(now = new Date()): DemoData {
  const branches: Row[] = [];
  const grids: Row[] = [];
  const compounds: Row[] = [];

  branches.push({
    code: 'WS',
    name: '中共尉氏县委组织部',
    level: 'county_committee',
    category: 'urban',
    secretary: personName(2),
    memberCount: 36,
    phone: phoneNumber(2),
    address: '尉氏县人民路1号',
    established: '1949-10-01',
  });
  branches.push({
    code: 'LH',
    name: '两湖街道党工委',
    level: 'street_committee',
    category: 'urban',
    parent: 'WS',
    secretary: personName(1),
    memberCount: 127,
    phone: phoneNumber(1),
    address: '尉氏县两湖街道办事处',
    established: '2013-06-01',
  });
  COMMUNITIES.forEach((name, c) => {
    branches.push({
      code: `LH-C${c + 1}`,
      name: `${name}党支部`,
      level: 'community_branch',
      category: 'urban',
      parent: 'LH',
      secretary: personName(10 + c),
      memberCount: 40 + c * 9,
      phone: phoneNumber(10 + c),
      address: `尉氏县${STREETS[c]}${88 + c}号`,
      established: `20${10 + c}-07-01`,
    });
  });
  VILLAGES.forEach((name, v) => {
    branches.push({
      code: `LH-V${v + 1}`,
      name: `${name}党支部`,
      level: 'community_branch',
      category: 'rural',
      parent: 'LH',
      secretary: personName(20 + v),
      memberCount: 30 + v * 7,
      phone: phoneNumber(20 + v),
      address: `两湖街道${name}`,
      established: '2008-07-01',
    });
  });

  // 41 base grids over the five communities, 94 secondary grids under them.
  for (let g = 0; g < 41; g++) {
    const c = g % COMMUNITIES.length;
    grids.push({
      code: `G${pad(g + 1)}`,
      name: `${COMMUNITIES[c]}第${Math.floor(g / COMMUNITIES.length) + 1}基础网格`,
      level: 'base',
      branch: `LH-C${c + 1}`,
      households: 300 + ((g * 53) % 400),
      population: 900 + ((g * 131) % 1200),
      heads: heads(g, g % 6 !== 5, 'generalist_worker'),
      boundary: gridBoundary(`LH-C${c + 1}`, Math.floor(g / COMMUNITIES.length), c === 0 ? 9 : 8),
    });
  }
  for (let s = 0; s < 94; s++) {
    const base = s % 41;
    grids.push({
      code: `G${pad(base + 1)}-${pad(Math.floor(s / 41) + 1)}`,
      name: `${grids[base].name as string}二级网格${Math.floor(s / 41) + 1}`,
      level: 'secondary',
      parent: `G${pad(base + 1)}`,
      branch: grids[base].branch,
      households: 80 + ((s * 29) % 160),
      population: 240 + ((s * 71) % 500),
      heads: heads(100 + s, s % 7 !== 3, 'grid_worker'),
    });
  }
  grids.push({
    code: 'GD-01',
    name: '县直机关家属院专属网格',
    level: 'dedicated',
    branch: 'LH-C1',
    households: 120,
    population: 360,
    heads: heads(300, true, 'grid_worker'),
  });

  // 52 compound party groups (tier 3), each with member households (tier 4).
  for (let p = 0; p < 52; p++) {
    const c = p % COMMUNITIES.length;
    branches.push({
      code: `LH-C${c + 1}-P${pad(p + 1)}`,
      name: `${COMMUNITIES[c]}第${p + 1}小区党小组`,
      level: 'compound_group',
      category: 'urban',
      parent: `LH-C${c + 1}`,
      secretary: personName(200 + p),
      memberCount: 4 + (p % 5),
      phone: phoneNumber(200 + p),
    });
    const households = 1 + (p % 2);
    for (let h = 0; h < households; h++) {
      branches.push({
        code: `LH-C${c + 1}-P${pad(p + 1)}-H${h + 1}`,
        name: `${personName(300 + p * 2 + h)}党员中心户`,
        level: 'member_household',
        category: 'urban',
        parent: `LH-C${c + 1}-P${pad(p + 1)}`,
        secretary: personName(300 + p * 2 + h),
        memberCount: 1 + h,
        phone: phoneNumber(300 + p * 2 + h),
      });
    }
  }
  for (let r = 0; r < 8; r++) {
    branches.push({
      code: `LH-R${r + 1}`,
      name: `${COMPOUND_PREFIXES[r]}小区改造红色项目党组织`,
      level: 'project_branch',
      category: 'urban',
      parent: `LH-C${(r % 5) + 1}`,
      secretary: personName(400 + r),
      memberCount: 5 + r,
      phone: phoneNumber(400 + r),
    });
  }
  for (let a = 0; a < 6; a++) {
    branches.push({
      code: `LH-A${a + 1}`,
      name: `${STREETS[a]}“三无小区”党建联盟`,
      level: 'alliance',
      category: 'urban',
      parent: 'LH',
      secretary: personName(420 + a),
      memberCount: 12 + a * 3,
      phone: phoneNumber(420 + a),
    });
  }
  const units = [
    '县教育局机关党支部',
    '县供电公司党支部',
    '县人民医院党总支',
    '县税务局党支部',
    '县自然资源局党支部',
    '县城管局党支部',
  ];
  units.forEach((name, u) => {
    // County organs and enterprises: their party organisations sit under the county office.
    branches.push({
      code: `U${pad(u + 1)}`,
      name,
      level: 'unit_branch',
      category: 'urban',
      parent: 'WS',
      secretary: personName(440 + u),
      memberCount: 20 + u * 6,
      phone: phoneNumber(440 + u),
      address: `尉氏县${STREETS[u + 1]}`,
    });
  });

  // 129 compounds: old, unmanaged (三无), red property management in a realistic mix.
  for (let k = 0; k < 129; k++) {
    const secondary = grids[41 + (k % 94)];
    const isOld = k % 3 !== 2;
    const isUnmanaged = k % 4 === 1;
    compounds.push({
      code: `C${pad(k + 1, 3)}`,
      name: `${COMPOUND_PREFIXES[k % COMPOUND_PREFIXES.length]}${COMPOUND_WORDS[(k * 3) % COMPOUND_WORDS.length]}${k >= 16 ? Math.floor(k / 16) + 1 + '期' : ''}`,
      grid: secondary.code,
      address: `尉氏县${STREETS[k % STREETS.length]}${10 + k}号`,
      households: 40 + ((k * 37) % 260),
      buildYear: isOld ? 1985 + (k % 15) : 2005 + (k % 15),
      isOld,
      isUnmanaged,
      redPropertyManagement: !isUnmanaged && k % 3 === 0,
      ownersCommittee: isUnmanaged ? 'none' : k % 5 === 0 ? 'red' : 'standard',
      partyGroup:
        k < 126 ? `LH-C${(Math.floor((k * 52) / 129) % 5) + 1}-P${pad(Math.floor((k * 52) / 129) + 1)}` : undefined,
      stewardCount: (k * 7) % 6,
    });
  }
  // A party group belongs to one community; keep each compound's group inside its community.
  for (const c of compounds) {
    if (!c.partyGroup) continue;
    const p = Number(String(c.partyGroup).split('-P')[1]) - 1;
    c.partyGroup = `LH-C${(p % 5) + 1}-P${pad(p + 1)}`;
  }

  // The second street office: two communities, three base grids each, two compounds a grid.
  branches.push({
    code: 'YX',
    name: '永兴街道党工委',
    level: 'street_committee',
    category: 'urban',
    parent: 'WS',
    secretary: personName(3),
    memberCount: 58,
    phone: phoneNumber(3),
    address: '尉氏县永兴街道办事处',
    established: '2015-03-01',
  });
  SECOND_STREET_COMMUNITIES.forEach((name, c) => {
    const branch = `YX-C${c + 1}`;
    branches.push({
      code: branch,
      name: `${name}党支部`,
      level: 'community_branch',
      category: 'urban',
      parent: 'YX',
      secretary: personName(30 + c),
      memberCount: 35 + c * 6,
      phone: phoneNumber(30 + c),
      address: `尉氏县${STREETS[c + 5]}${20 + c}号`,
      established: '2016-07-01',
    });
    for (let g = 0; g < 3; g++) {
      const code = `YX-G${c + 1}${g + 1}`;
      grids.push({
        code,
        name: `${name}第${g + 1}基础网格`,
        level: 'base',
        branch,
        households: 260 + g * 40,
        population: 780 + g * 120,
        heads: heads(600 + c * 3 + g, true, 'generalist_worker'),
        boundary: gridBoundary(branch, g, 3, 3, 1),
      });
      for (let k = 0; k < 2; k++) {
        const n = c * 6 + g * 2 + k;
        compounds.push({
          code: `YX-K${pad(n + 1)}`,
          name: `${name.replace('社区', '')}${COMPOUND_WORDS[n % COMPOUND_WORDS.length]}`,
          grid: code,
          address: `尉氏县${STREETS[(n + 5) % STREETS.length]}${200 + n}号`,
          households: 60 + n * 11,
          buildYear: 1990 + n,
          isOld: n % 2 === 0,
          isUnmanaged: n % 5 === 1,
          redPropertyManagement: n % 3 === 0,
          ownersCommittee: n % 4 === 0 ? 'red' : 'standard',
          stewardCount: n % 4,
        });
      }
    }
  });

  const kinds = ['party_congress', 'peoples_congress', 'cppcc'] as const;
  const levels = ['province', 'city', 'county', 'township'] as const;
  const stations = { party_congress: 'party_room', peoples_congress: 'peoples_station', cppcc: 'cppcc_home' } as const;
  const representatives = Array.from({ length: 18 }, (_, i) => {
    const kind = kinds[i % 3];
    return {
      name: personName(500 + i),
      kind,
      level: levels[(i >> 1) % 4],
      grid: `G${pad(((i * 2) % 41) + 1)}`,
      liaisonStation: stations[kind],
      phone: phoneNumber(500 + i),
      duties: '联系网格群众，收集社情民意，参与议事协商和监督评议。',
    };
  });
  representatives.push(
    {
      name: '邓建国',
      kind: 'peoples_congress',
      level: 'county',
      grid: 'YX-G11',
      liaisonStation: 'peoples_station',
      phone: phoneNumber(540),
      duties: '永兴街道人大代表联络站接待选民。',
    },
    {
      name: '程秀兰',
      kind: 'cppcc',
      level: 'county',
      grid: 'YX-G21',
      liaisonStation: 'cppcc_home',
      phone: phoneNumber(541),
      duties: '政协委员之家协商议事。',
    },
  );

  // Titles name the year and month of seeding, like the plugins' demo dates.
  const year = now.getFullYear();
  const lastMonth = ((now.getMonth() + 11) % 12) + 1;
  const noticeDefs: Array<[string, string, string, boolean]> = [
    [
      `关于开展${year}年度“五星”支部创建自评工作的通知`,
      'notice',
      '各社区党支部对照评分细则开展自评，材料于月底前报街道党工委。',
      true,
    ],
    [
      `两湖街道党建引领基层治理联席会议纪要（${lastMonth}月）`,
      'publicity',
      '联席会议研究了老旧小区改造、三无小区管理等事项。',
      true,
    ],
    ['大西门社区老旧小区改造满意度调查公告', 'announcement', '请居民通过网格员或线上问卷参与满意度调查。', true],
    ['“双报到”在职党员认领民生实事清单公示', 'publicity', '本季度需求清单、资源清单、项目清单及认领情况公示。', true],
    ['红色物业创建工作推进会召开', 'news', '街道召开红色物业创建推进会，部署下阶段工作。', true],
    ['关于招募“红色管家”志愿者的公告', 'announcement', '面向辖区党员和热心群众招募红色管家。', true],
    ['东关社区民情恳谈会议题征集', 'notice', '欢迎居民通过网格长、楼长反映急难愁盼问题。', true],
    ['两代表一委员进网格接待日安排', 'notice', '党代表、人大代表、政协委员每月固定日期进网格接待群众。', true],
    ['南关社区消防安全隐患排查通知', 'notice', '请各楼长、单元长配合开展隐患排查。', true],
    [`${year}年度“五星”支部创建拟命名名单（草稿）`, 'publicity', '内部讨论稿，尚未公示。', false],
    ['北关社区停水检修通知（待审核）', 'notice', '待供水公司确认时间后发布。', false],
    ['小西门社区文明楼栋评选结果（草稿）', 'news', '评选结果待审核。', false],
  ];
  const notices = noticeDefs.map(([title, category, summary, published], i) => ({
    slug: `demo-${pad(i + 1)}`,
    title,
    category,
    summary,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: summary }] }],
    audienceGrids: i % 4 === 2 ? [`G${pad((i % 41) + 1)}`] : [],
    audienceBranches: i % 4 === 3 ? [`LH-C${(i % 5) + 1}`] : [],
    published,
  }));

  return { branches, grids, compounds, representatives, notices };
}
