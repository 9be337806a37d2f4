import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/auth';
import { api, approved, community, scores, sheet } from './fixtures';

const YEAR = 2025;
let root: string;
let street: any;
let a: any;
let b: any;
let c: any;
let d: any;
let rural: any;

beforeAll(async () => {
  await setupStrapi();
  root = (await createAdmin('strapi-super-admin')).token;
  street = await strapi()
    .documents('api::branch.branch')
    .create({ data: { name: '测试街道', code: 'T-ST', level: 'street_committee' } as any });
  const other: any = await strapi()
    .documents('api::branch.branch')
    .create({ data: { name: '别的街道', code: 'T-ST2', level: 'street_committee' } as any });
  // Hand-counted: A 2 stars 100+90=190; B 2 stars 95+95=190 (tie with A, code B > A); C 2 stars 100+80=180; D 0; R (rural, other street) 1 star 100.
  a = await community({ code: 'R-A', name: '甲社区', parent: street.documentId });
  b = await community({ code: 'R-B', name: '乙社区', parent: street.documentId });
  c = await community({ code: 'R-C', name: '丙社区', parent: street.documentId });
  d = await community({ code: 'R-D', name: '丁社区', parent: street.documentId });
  rural = await community({ code: 'R-V', name: '戊村', category: 'rural', parent: other.documentId });
  await approved(root, a, YEAR, 'party_strength');
  await approved(root, a, YEAR, 'co_governance', { CG1: 10 });
  await approved(root, b, YEAR, 'party_strength', { PS1: 5 });
  await approved(root, b, YEAR, 'co_governance', { CG1: 5 });
  await approved(root, c, YEAR, 'party_strength');
  await approved(root, c, YEAR, 'co_governance', { CG1: 20 });
  await approved(root, rural, YEAR, 'industry_prosperity');
  // D: one star publicized (not yet approved), one under review with internal evidence.
  for (const [star, to] of [
    ['party_strength', 'publicized'],
    ['co_governance', 'reviewed'],
  ] as const) {
    const sh = await sheet('urban', star);
    const cr = await api(root).post('/assessments', { branch: d.documentId, year: YEAR, star });
    const id = cr.body.data.documentId;
    const items = scores(sh).map((it: any, i: number) => ({
      ...it,
      evidence: i === 0 ? '内部台账-勿公开' : '公开佐证',
      internal: i === 0,
    }));
    await api(root).put(`/assessments/${id}/items`, { items });
    await api(root).post(`/assessments/${id}/submit`);
    await api(root).post(`/assessments/${id}/review`, { items });
    if (to === 'publicized') await api(root).post(`/assessments/${id}/publicize`, { endsOn: '2999-01-01' });
  }
});
afterAll(teardownStrapi);

describe('public rankings', () => {
  it('orders by level, then approved points, ties share a rank and are listed by code', async () => {
    const res = await http().get(`/api/star-scoring/rankings?year=${YEAR}&parent=${street.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => [r.rank, r.branch.code, r.level, r.totalPoints])).toEqual([
      [1, 'R-A', 2, 190],
      [1, 'R-B', 2, 190],
      [3, 'R-C', 2, 180],
      [4, 'R-D', 0, 0],
    ]);
    expect(res.body.data[0].stars).toEqual(['co_governance', 'party_strength']);
    expect(res.body.meta.total).toBe(4);
  });

  it('filters by category, pages, and refuses bad parameters with 400 naming the field', async () => {
    const ruralOnly = await http().get(`/api/star-scoring/rankings?year=${YEAR}&category=rural`);
    expect(ruralOnly.body.data.map((r: any) => r.branch.code)).toContain('R-V');
    expect(ruralOnly.body.data.every((r: any) => r.branch.category === 'rural')).toBe(true);
    const page2 = await http().get(
      `/api/star-scoring/rankings?year=${YEAR}&parent=${street.documentId}&page=2&pageSize=2`,
    );
    expect(page2.body.data.map((r: any) => r.branch.code)).toEqual(['R-C', 'R-D']);
    // Ranks on later pages are ranks over the whole set: B ties with A (on page 1), C comes third.
    const rankOn = async (page: number) =>
      (await http().get(`/api/star-scoring/rankings?year=${YEAR}&parent=${street.documentId}&page=${page}&pageSize=1`))
        .body;
    expect((await rankOn(2)).data.map((r: any) => [r.rank, r.branch.code])).toEqual([[1, 'R-B']]);
    expect((await rankOn(3)).data.map((r: any) => [r.rank, r.branch.code])).toEqual([[3, 'R-C']]);
    expect((await rankOn(3)).meta.total).toBe(4);
    expect((await rankOn(9)).data).toEqual([]);
    const bad = await http().get('/api/star-scoring/rankings?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^year:/);
    const badCat = await http().get(`/api/star-scoring/rankings?year=${YEAR}&category=town`);
    expect(badCat.status).toBe(400);
    expect(badCat.body.error.message).toMatch(/^category:/);
    expect(
      (await http().get(`/api/star-scoring/rankings?year=${YEAR - 1}&parent=${street.documentId}`)).body.data.every(
        (r: any) => r.level === 0,
      ),
    ).toBe(true);
  });

  it('CSV export of the bulletin for staff', async () => {
    const res = await api(root).get(`/rankings?year=${YEAR}&parent=${street.documentId}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('排名,编码,党组织,类别,星级,所获星,总分');
    expect(lines[1]).toBe('1,R-A,甲社区,城市社区,2,共建共享星、支部过硬星,190');
    expect(lines).toHaveLength(5);
  });
});

describe('aggregates are single statements', () => {
  it('rankings (with filters) and the dashboard each read ss_assessments in one SQL statement', async () => {
    const seen: string[] = [];
    const spy = (q: any) => {
      if (/ss_assessments/.test(q.sql)) seen.push(q.sql);
    };
    const knex: any = strapi().db.connection;
    knex.on('query', spy);
    try {
      const count = async (run: () => Promise<any>) => {
        seen.length = 0;
        expect((await run()).status).toBe(200);
        return seen.length;
      };
      expect(await count(() => http().get(`/api/star-scoring/rankings?year=${YEAR}`))).toBe(1);
      expect(
        await count(() =>
          http().get(
            `/api/star-scoring/rankings?year=${YEAR}&category=urban&parent=${street.documentId}&page=2&pageSize=2`,
          ),
        ),
      ).toBe(1);
      expect(await count(() => api(root).get(`/dashboard?year=${YEAR}`))).toBe(1);
    } finally {
      knex.removeListener('query', spy);
    }
  });
});

describe('campaign dashboard (admin read)', () => {
  it('counts assessments per star and status and branches per level, level 0 included', async () => {
    const res = await api(root).get(`/dashboard?year=${YEAR}`);
    expect(res.status).toBe(200);
    // Five community branches in this database: A, B, C hold 2 stars, R 1, D none (its stars are not approved).
    expect(res.body.data.branchesPerLevel).toEqual([
      { level: 0, count: 1 },
      { level: 1, count: 1 },
      { level: 2, count: 3 },
    ]);
    expect(res.body.data.byStarAndStatus).toEqual([
      { star: 'co_governance', status: 'approved', count: 3 },
      { star: 'co_governance', status: 'reviewed', count: 1 },
      { star: 'industry_prosperity', status: 'approved', count: 1 },
      { star: 'party_strength', status: 'approved', count: 3 },
      { star: 'party_strength', status: 'publicized', count: 1 },
    ]);
    const other = await api(root).get(`/dashboard?year=${YEAR - 1}`);
    expect(other.body.data).toEqual({
      year: YEAR - 1,
      byStarAndStatus: [],
      branchesPerLevel: [{ level: 0, count: 5 }],
    });
    expect((await api(root).get('/dashboard?year=x')).status).toBe(400);
  });
});

describe('public scorecard', () => {
  it('shows approved and publicized stars only, hides internal evidence and self scores', async () => {
    const res = await http().get(`/api/star-scoring/branches/${d.documentId}/scorecard?year=${YEAR}`);
    expect(res.status).toBe(200);
    const stars = res.body.data.stars;
    expect(res.body.data.level).toBe(0);
    const ps = stars.find((s: any) => s.key === 'party_strength');
    expect(ps.assessment.status).toBe('publicized');
    expect(ps.criteria[0].evidence).toBeNull();
    expect(ps.criteria[1].evidence).toBe('公开佐证');
    expect(stars.find((s: any) => s.key === 'co_governance').assessment).toBeNull();
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/内部台账|selfScore|history|owner/);
    const staffView = await api(root).get(`/branches/${d.documentId}/scorecard?year=${YEAR}`);
    expect(JSON.stringify(staffView.body)).toMatch(/内部台账/);
    expect(staffView.body.data.stars.find((s: any) => s.key === 'co_governance').assessment.status).toBe('reviewed');
  });

  it('unknown branch is 404, malformed id 400', async () => {
    expect(
      (await http().get(`/api/star-scoring/branches/zzzzzzzzzzzzzzzzzzzzzzzz/scorecard?year=${YEAR}`)).status,
    ).toBe(404);
    expect((await http().get(`/api/star-scoring/branches/NOPE/scorecard?year=${YEAR}`)).status).toBe(400);
  });
});

describe('rectification tasks', () => {
  it('a criterion under max becomes a task shown on the scorecard; full points or unknown criterion → 400', async () => {
    const row: any = await strapi()
      .db.query('plugin::star-scoring.assessment')
      .findOne({ where: { branchRef: c.id, starKey: 'co_governance' } });
    const full = await api(root).post('/rectifications', {
      assessment: row.documentId,
      criterion: 'CG2',
      owner: '王书记',
      dueDate: '2026-06-30',
    });
    expect(full.status).toBe(400);
    expect(full.body.error.message).toMatch(/^criterion: CG2 has full points/);
    expect(
      (
        await api(root).post('/rectifications', {
          assessment: row.documentId,
          criterion: 'ZZ1',
          owner: '王书记',
          dueDate: '2026-06-30',
        })
      ).body.error.message,
    ).toMatch(/^criterion: unknown/);
    expect(
      (
        await api(root).post('/rectifications', {
          assessment: row.documentId,
          criterion: 'CG1',
          owner: '王书记',
          dueDate: '30/06/2026',
        })
      ).body.error.message,
    ).toMatch(/^dueDate:/);
    const ok = await api(root).post('/rectifications', {
      assessment: row.documentId,
      criterion: 'CG1',
      owner: '王书记',
      dueDate: '2026-06-30',
    });
    expect(ok.status).toBe(201);
    expect(
      (
        await api(root).post('/rectifications', {
          assessment: row.documentId,
          criterion: 'CG1',
          owner: '王书记',
          dueDate: '2026-06-30',
        })
      ).status,
    ).toBe(409);
    const card = await http().get(`/api/star-scoring/branches/${c.documentId}/scorecard?year=${YEAR}`);
    expect(card.body.data.rectifications).toEqual([
      expect.objectContaining({ criterion: 'CG1', status: 'open', dueDate: '2026-06-30' }),
    ]);
    expect(card.body.data.rectifications[0].owner).toBeUndefined();
  });
});

describe('metric registry', () => {
  it('works without providers, lists foundation metrics, and uses registered providers', async () => {
    const reg = strapi().plugin('star-scoring').service('metrics');
    const keys = (await api(root).get('/metrics')).body.data.map((m: any) => m.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'foundation.red-property-share',
        'foundation.unmanaged-covered-share',
        'foundation.grids-five-heads',
      ]),
    );
    expect(await reg.compute('nobody.registered-this', a.documentId, YEAR)).toBeNull();
    reg.register({
      key: 'test.fixed',
      label: { 'zh-Hans': '测试', en: 'Test' },
      unit: 'ratio',
      compute: async () => ({ value: 0.5, figures: { n: 1 } }),
    });
    expect(await reg.compute('test.fixed', a.documentId, YEAR)).toEqual({
      key: 'test.fixed',
      value: 0.5,
      figures: { n: 1 },
    });
    reg.register({
      key: 'test.broken',
      label: { en: 'x' },
      unit: 'count',
      compute: async () => {
        throw new Error('boom');
      },
    });
    expect(await reg.compute('test.broken', a.documentId, YEAR)).toBeNull();
  });

  it("foundation metrics count a community's compounds and grids", async () => {
    const docs = (uid: string) => strapi().documents(uid as any);
    const x = await community();
    const g1: any = await docs('api::grid.grid').create({
      data: {
        name: '一网格',
        code: 'TG1',
        level: 'base',
        branch: x.documentId,
        heads: ['grid_head', 'street_head', 'party_group_head', 'building_head', 'unit_head'].map((role) => ({
          role,
          name: '某',
        })),
      } as any,
    });
    const g2: any = await docs('api::grid.grid').create({
      data: {
        name: '二网格',
        code: 'TG2',
        level: 'base',
        branch: x.documentId,
        heads: [{ role: 'grid_head', name: '某' }],
      } as any,
    });
    const group: any = await docs('api::branch.branch').create({
      data: { name: '小区党小组', code: 'TPG', level: 'compound_group' } as any,
    });
    await docs('api::compound.compound').create({
      data: { name: '甲', code: 'TC1', grid: g1.documentId, redPropertyManagement: true } as any,
    });
    await docs('api::compound.compound').create({
      data: { name: '乙', code: 'TC2', grid: g1.documentId, isUnmanaged: true, partyGroup: group.documentId } as any,
    });
    await docs('api::compound.compound').create({
      data: { name: '丙', code: 'TC3', grid: g2.documentId, isUnmanaged: true } as any,
    });
    await docs('api::compound.compound').create({ data: { name: '丁', code: 'TC4', grid: g2.documentId } as any });
    const reg = strapi().plugin('star-scoring').service('metrics');
    expect(await reg.compute('foundation.red-property-share', x.documentId, YEAR)).toMatchObject({
      value: 0.25,
      figures: { compounds: 4, redProperty: 1 },
    });
    expect(await reg.compute('foundation.unmanaged-covered-share', x.documentId, YEAR)).toMatchObject({
      value: 0.5,
      figures: { unmanaged: 2, covered: 1 },
    });
    expect(await reg.compute('foundation.grids-five-heads', x.documentId, YEAR)).toMatchObject({
      value: 1,
      figures: { grids: 2, complete: 1 },
    });
  });
});
