import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { BRANCH, CM, buildWorld, row, staffAt, type Node, type World, worldStaff } from './fixtures';
import { api, approved, scores, sheet } from '../star-scoring/fixtures';

/**
 * Organisation scope and separation of duties in star-scoring (五星支部创建), as each kind of staff
 * account meets them over HTTP: 社区工作人员 self-assesses its own community, 街道工作人员 reviews and
 * publicises its communities' assessments, 县级审核 approves and revokes; every admin read counts
 * only the caller's organisation; nobody reviews or approves their own community.
 */
const ASSESSMENT = 'plugin::star-scoring.assessment';
const RECTIFICATION = 'plugin::star-scoring.rectification';
const EVIDENCE = 'plugin::star-scoring.evidence';
const TRANSITION = 'plugin::star-scoring.transition';
const YEAR = 2025;

type Column = 'scopeCounty' | 'scopeStreet' | 'scopeCommunity';

let w: World;
let root: string;
let c1: string; // community staff of 甲社区 (street S1)
let street: string; // street staff of S1 (甲社区, 乙社区)
let county: string; // county reviewer
let nobody: string; // community staff without an assignment
let a: Record<'c1Draft' | 'c1Submitted' | 'c2Draft' | 'c3Submitted', string>;
let tasks: Record<'c1' | 'c3', string>; // 整改 tasks of 甲社区 and 丙社区

const db = (uid: string) => strapi().db.query(uid as any);
const created = async (token: string, branch: Node, star: string) => {
  const res = await api(token).post('/assessments', { branch: branch.documentId, year: YEAR, star });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
};
const submitted = async (token: string, branch: Node, star: string) => {
  const id = await created(token, branch, star);
  await api(token).put(`/assessments/${id}/items`, { items: scores(await sheet('urban', star)) });
  const res = await api(token).post(`/assessments/${id}/submit`);
  if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return id;
};
const statusOf = async (documentId: string) => (await row(ASSESSMENT, { documentId }))?.status;
const transitions = () => db(TRANSITION).count();

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  root = (await createAdmin()).token;
  ({ c1, street, county } = await worldStaff(w));
  nobody = (await staffAt('community-staff')).token;
  // Approved stars in all three communities (levels 2, 1, 1), open assessments along the flow.
  const c1Ps = await approved(root, w.c1, YEAR, 'party_strength', { PS1: 5 });
  await approved(root, w.c1, YEAR, 'harmony_happiness');
  await approved(root, w.c2, YEAR, 'party_strength');
  const c3Ps = await approved(root, w.c3, YEAR, 'party_strength', { PS1: 5 });
  const task = async (token: string, assessment: string) => {
    const res = await api(token).post('/rectifications', {
      assessment,
      criterion: 'PS1',
      owner: '支部书记',
      dueDate: `${YEAR + 1}-06-30`,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.documentId as string;
  };
  tasks = { c1: await task(c1, c1Ps), c3: await task(root, c3Ps) };
  a = {
    c1Draft: await created(c1, w.c1, 'co_governance'),
    c1Submitted: await submitted(c1, w.c1, 'safety_rule_of_law'),
    c2Draft: await created(root, w.c2, 'co_governance'),
    c3Submitted: await submitted(root, w.c3, 'co_governance'),
  };
});
afterAll(teardownStrapi);

/** Who sees what: each staff account with the scope column its organisation filters on. */
const viewers = () =>
  [
    ['community', c1, 'scopeCommunity', w.c1],
    ['street', street, 'scopeStreet', w.s1],
    ['county', county, 'scopeCounty', w.county],
  ] as const;
const communitiesIn = async (column: Column, node: Node) =>
  (await db(BRANCH).findMany({
    where: { level: 'community_branch', [column]: node.documentId },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;

describe('scope columns are written by the kit’s middleware', () => {
  it('assessments, rectification tasks and evidence carry their branch’s county, street and community', async () => {
    const mine = await row(ASSESSMENT, { documentId: a.c1Draft });
    expect([mine?.scopeCounty, mine?.scopeStreet, mine?.scopeCommunity]).toEqual([
      w.county.documentId,
      w.s1.documentId,
      w.c1.documentId,
    ]);
    // A task and an evidence file of 甲社区's submitted assessment (created by its own staff).
    const upload = await api(c1).upload(
      `/assessments/${a.c1Submitted}/evidence`,
      { criterion: 'SR1' },
      { name: '台账.pdf', type: 'application/pdf', body: Buffer.from('%PDF-1.4 台账') },
    );
    expect(upload.status).toBe(201);
    const evidence = await row(EVIDENCE, { documentId: upload.body.data.id });
    expect(evidence?.scopeCommunity).toBe(w.c1.documentId);
    const card = await api(root).get(`/branches/${w.c1.documentId}/scorecard?year=${YEAR}`);
    const ps = card.body.data.stars.find((s: any) => s.key === 'party_strength');
    expect(ps.assessment.status).toBe('approved');
  });

  it('a branch moving to another street takes its assessments along', async () => {
    const moving = await approvedElsewhere();
    const before = await row(ASSESSMENT, { documentId: moving.assessment });
    expect(before?.scopeStreet).toBe(w.s1.documentId);
    await strapi()
      .documents(BRANCH as any)
      .update({ documentId: moving.branch.documentId, data: { parent: w.s2.documentId } as any });
    const after = await row(ASSESSMENT, { documentId: moving.assessment });
    expect([after?.scopeStreet, after?.scopeCommunity]).toEqual([w.s2.documentId, moving.branch.documentId]);
    // Back where it was, so the other tests count the world as built.
    await strapi()
      .documents(BRANCH as any)
      .update({ documentId: moving.branch.documentId, data: { parent: w.s1.documentId } as any });
    expect((await row(ASSESSMENT, { documentId: moving.assessment }))?.scopeStreet).toBe(w.s1.documentId);
  });
});

/** A fourth community of street S1 with one assessment, created and moved by the Super Admin. */
async function approvedElsewhere() {
  const branch = (await strapi()
    .documents(BRANCH as any)
    .create({
      data: {
        name: '丁社区党支部',
        code: `T-D-${Date.now()}`,
        level: 'community_branch',
        parent: w.s1.documentId,
      } as any,
    })) as unknown as Node;
  return { branch, assessment: await created(root, branch, 'livelihood_business') };
}

describe('every admin read counts only the caller’s organisation', () => {
  it('rankings list exactly the community branches inside it (compared with the database)', async () => {
    for (const [, token, column, node] of viewers()) {
      const expected = await communitiesIn(column, node);
      const res = await api(token).get(`/rankings?year=${YEAR}&pageSize=1000`);
      expect(res.status).toBe(200);
      expect(res.body.meta.total).toBe(expected.length);
      expect(new Set(res.body.data.map((r: any) => r.branch.documentId))).toEqual(
        new Set(expected.map((b) => b.documentId)),
      );
    }
    const all = await db(BRANCH).count({ where: { level: 'community_branch' } });
    expect((await api(root).get(`/rankings?year=${YEAR}`)).body.meta.total).toBe(all);
    // The street filter of another street's staff finds nothing of it.
    const other = await api(street).get(`/rankings?year=${YEAR}&parent=${w.s2.documentId}`);
    expect(other.body.meta.total).toBe(0);
  });

  it('the CSV bulletin holds the same rows as the caller’s ranking', async () => {
    for (const [, token, column, node] of viewers()) {
      const csv = await api(token).get(`/rankings?year=${YEAR}&format=csv`);
      expect(csv.status).toBe(200);
      const lines = csv.text.trim().split('\n');
      expect(lines.length - 1).toBe((await communitiesIn(column, node)).length);
    }
    const c1Csv = await api(c1).get(`/rankings?year=${YEAR}&format=csv`);
    expect(c1Csv.text).toContain(w.c1.code);
    expect(c1Csv.text).not.toContain(w.c2.code);
  });

  it('the dashboard counts assessments and levels inside it only', async () => {
    for (const [, token, column, node] of viewers()) {
      const res = await api(token).get(`/dashboard?year=${YEAR}`);
      expect(res.status).toBe(200);
      const assessments = await db(ASSESSMENT).count({ where: { year: YEAR, [column]: node.documentId } });
      const sum = (xs: Array<{ count: number }>) => xs.reduce((n, x) => n + x.count, 0);
      expect(sum(res.body.data.byStarAndStatus)).toBe(assessments);
      expect(sum(res.body.data.branchesPerLevel)).toBe((await communitiesIn(column, node)).length);
    }
    const mine = (await api(c1).get(`/dashboard?year=${YEAR}`)).body.data;
    expect(mine.branchesPerLevel).toEqual([{ level: 2, count: 1 }]);
  });

  it('the street figures show only the caller’s streets and communities', async () => {
    const byViewer = async (token: string) =>
      Object.fromEntries(
        ((await api(token).get(`/streets?year=${YEAR}`)).body.data as any[]).map((s) => [s.code, s.branches]),
      );
    const s1 = (await communitiesIn('scopeStreet', w.s1)).length;
    const s2 = (await communitiesIn('scopeStreet', w.s2)).length;
    expect(s1).toBeGreaterThanOrEqual(2);
    expect(await byViewer(c1)).toEqual({ [w.s1.code]: 1 });
    expect(await byViewer(street)).toEqual({ [w.s1.code]: s1 });
    expect(await byViewer(county)).toEqual({ [w.s1.code]: s1, [w.s2.code]: s2 });
  });

  it('a scorecard or an assessment outside it is refused; inside it opens', async () => {
    const card = await api(c1).get(`/branches/${w.c2.documentId}/scorecard?year=${YEAR}`);
    expect(card.status).toBe(403);
    expect(card.body.error.message).toMatch(/^branch: outside your organisation/);
    expect((await api(c1).get(`/branches/${w.c1.documentId}/scorecard?year=${YEAR}`)).status).toBe(200);
    expect((await api(c1).get(`/assessments/${a.c2Draft}`)).status).toBe(403);
    expect((await api(c1).get(`/assessments/${a.c2Draft}/suggestions`)).status).toBe(403);
    expect((await api(c1).get(`/assessments/${a.c1Draft}`)).status).toBe(200);
    expect((await api(street).get(`/assessments/${a.c3Submitted}`)).status).toBe(403);
    expect((await api(street).get(`/assessments/${a.c1Draft}`)).status).toBe(200);
    expect((await api(county).get(`/assessments/${a.c3Submitted}`)).status).toBe(200);
  });

  it('an administrator without an organisation is told so (403 naming organisation), on every figure and assessment', async () => {
    for (const path of [`/rankings?year=${YEAR}`, `/dashboard?year=${YEAR}`, `/streets?year=${YEAR}`]) {
      const res = await api(nobody).get(path);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/^organisation: no organisation assigned to you/);
    }
    expect((await api(nobody).get(`/assessments/${a.c1Draft}`)).status).toBe(403);
  });

  it('the Content Manager lists assessments and tasks of the organisation only', async () => {
    for (const uid of [ASSESSMENT, RECTIFICATION]) {
      for (const [, token, column, node] of viewers()) {
        const res = await http().get(`${CM}/${uid}?page=1&pageSize=100`).set(bearer(token));
        expect(res.status).toBe(200);
        const expected = await db(uid).count({ where: { [column]: node.documentId } });
        expect(expected).toBeGreaterThan(0);
        if (column !== 'scopeCounty') expect(expected).toBeLessThan(await db(uid).count());
        expect(res.body.pagination.total).toBe(expected);
      }
    }
  });
});

describe('the Content Manager’s relation picker', () => {
  it('a task’s assessment picker offers only the community’s own assessments', async () => {
    const res = await http()
      .get(`/content-manager/relations/${RECTIFICATION}/assessment?pageSize=100&page=1`)
      .set(bearer(c1));
    expect(res.status).toBe(200);
    const offered = new Set(res.body.results.map((r: { documentId: string }) => r.documentId));
    const own = (await db(ASSESSMENT).findMany({
      where: { scopeCommunity: w.c1.documentId },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    expect(offered).toEqual(new Set(own.map((x) => x.documentId)));
    expect(offered.has(a.c2Draft)).toBe(false);
  });
});

describe('out-of-scope changes are refused and write nothing', () => {
  it('community staff cannot create, edit, submit or attach to another community’s assessments', async () => {
    const rows = await db(ASSESSMENT).count();
    const create = await api(c1).post('/assessments', {
      branch: w.c2.documentId,
      year: YEAR,
      star: 'livelihood_business',
    });
    expect(create.status).toBe(403);
    expect(create.body.error.message).toMatch(/^branch: outside your organisation/);
    expect(await db(ASSESSMENT).count()).toBe(rows);

    const items = scores(await sheet('urban', 'co_governance'));
    const save = await api(c1).put(`/assessments/${a.c2Draft}/items`, { items });
    expect(save.status).toBe(403);
    expect(save.body.error.message).toMatch(/^assessment: outside your organisation/);
    expect((await row(ASSESSMENT, { documentId: a.c2Draft }))?.items).toEqual([]);

    const t = await transitions();
    expect((await api(c1).post(`/assessments/${a.c2Draft}/submit`)).status).toBe(403);
    expect(await statusOf(a.c2Draft)).toBe('draft');
    const evidence = await db(EVIDENCE).count();
    const attach = await api(c1).upload(
      `/assessments/${a.c3Submitted}/evidence`,
      { criterion: 'CG1' },
      { name: 'x.pdf', type: 'application/pdf', body: Buffer.from('%PDF-1.4') },
    );
    expect(attach.status).toBe(403);
    expect(await db(EVIDENCE).count()).toBe(evidence);
    expect(await transitions()).toBe(t);
  });

  it('community staff cannot close another community’s rectification task', async () => {
    const res = await api(c1).post(`/rectifications/${tasks.c3}/done`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^rectification: outside your organisation/);
    expect((await row(RECTIFICATION, { documentId: tasks.c3 }))?.status).toBe('open');
    expect((await api(c1).post(`/rectifications/${tasks.c1}/done`)).status).toBe(200);
  });

  it('street staff cannot review another street’s communities', async () => {
    const t = await transitions();
    const res = await api(street).post(`/assessments/${a.c3Submitted}/review`, {
      items: scores(await sheet('urban', 'co_governance')),
    });
    expect(res.status).toBe(403);
    expect(await statusOf(a.c3Submitted)).toBe('self_assessed');
    expect(await transitions()).toBe(t);
  });

  it('nobody changes an assessment’s status in the Content Manager (the flow routes own it)', async () => {
    for (const token of [c1, street, county]) {
      const res = await http()
        .put(`${CM}/${ASSESSMENT}/${a.c1Submitted}`)
        .set(bearer(token))
        .send({ status: 'approved' });
      expect(res.status).toBe(403);
    }
    expect(await statusOf(a.c1Submitted)).toBe('self_assessed');
  });
});

describe('separation of duties', () => {
  it('community staff cannot review, publicise, approve or revoke, not even their own community’s', async () => {
    const t = await transitions();
    const items = scores(await sheet('urban', 'safety_rule_of_law'));
    expect((await api(c1).post(`/assessments/${a.c1Submitted}/review`, { items })).status).toBe(403);
    expect((await api(c1).post(`/assessments/${a.c1Submitted}/reject`, { reason: '自己退回' })).status).toBe(403);
    expect((await api(c1).post(`/assessments/${a.c1Submitted}/approve`)).status).toBe(403);
    expect(await statusOf(a.c1Submitted)).toBe('self_assessed');
    expect(await transitions()).toBe(t);
  });

  it('whoever holds review or approve is refused on their own community, naming the rule', async () => {
    // A street role and a county role given to staff of 甲社区 by mistake still cannot judge 甲社区.
    const reviewer = (await staffAt('street-staff', w.c1)).token;
    const approver = (await staffAt('county-reviewer', w.c1)).token;
    const t = await transitions();
    const items = scores(await sheet('urban', 'safety_rule_of_law'));
    const review = await api(reviewer).post(`/assessments/${a.c1Submitted}/review`, { items });
    expect(review.status).toBe(403);
    expect(review.body.error.message).toMatch(
      /^assessment: nobody reviews or publicises an assessment of their own community/,
    );
    const approve = await api(approver).post(`/assessments/${a.c1Submitted}/approve`);
    expect(approve.status).toBe(403);
    expect(approve.body.error.message).toMatch(/^assessment: nobody approves or revokes a star of their own community/);
    expect(await statusOf(a.c1Submitted)).toBe('self_assessed');
    expect(await transitions()).toBe(t);
    // Reading is not judging: the community's scorecard still opens for them.
    expect((await api(reviewer).get(`/assessments/${a.c1Submitted}`)).status).toBe(200);
  });

  it('the street reviews and publicises but cannot approve; the county approves and revokes', async () => {
    const id = a.c1Submitted;
    const items = scores(await sheet('urban', 'safety_rule_of_law'));
    expect((await api(street).post(`/assessments/${id}/review`, { items })).status).toBe(200);
    expect((await api(county).post(`/assessments/${id}/publicize`, { endsOn: `${YEAR}-01-02` })).status).toBe(403);
    expect((await api(street).post(`/assessments/${id}/publicize`, { endsOn: `${YEAR}-01-02` })).status).toBe(200);
    const t = await transitions();
    expect((await api(street).post(`/assessments/${id}/approve`)).status).toBe(403);
    expect(await statusOf(id)).toBe('publicized');
    expect(await transitions()).toBe(t);
    expect((await api(county).post(`/assessments/${id}/approve`)).status).toBe(200);
    expect(await statusOf(id)).toBe('approved');
    expect((await api(street).post(`/assessments/${id}/revoke`, { reason: '街道摘星' })).status).toBe(403);
    expect((await api(county).post(`/assessments/${id}/revoke`, { reason: '整改不到位，摘星' })).status).toBe(200);
    expect(await statusOf(id)).toBe('revoked');
    const history = await db(TRANSITION).findMany({
      where: { assessmentRef: (await row(ASSESSMENT, { documentId: id }))?.id },
      orderBy: [{ id: 'asc' }],
    });
    expect(history.map((h: any) => h.toStatus)).toEqual([
      'draft',
      'self_assessed',
      'reviewed',
      'publicized',
      'approved',
      'revoked',
    ]);
  });
});
