import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/auth';
import { api, approved, community, scores, sheet, staff } from './fixtures';

const YEAR = 2025;
let root: string;
let c: any;

const count = (uid: string) =>
  strapi()
    .db.query(uid as any)
    .count();

beforeAll(async () => {
  await setupStrapi();
  root = (await createAdmin('strapi-super-admin')).token;
  c = await community({ name: '流转社区' });
});
afterAll(teardownStrapi);

describe('sheets seeded as data', () => {
  it('urban and rural categories each have five stars of 100 points, pass 80, with veto items', async () => {
    for (const [cat, keys] of [
      ['urban', ['party_strength', 'co_governance', 'safety_rule_of_law', 'harmony_happiness', 'livelihood_business']],
      [
        'rural',
        ['party_strength', 'industry_prosperity', 'ecological_livability', 'safety_rule_of_law', 'civility_happiness'],
      ],
    ] as const) {
      const res = await api(root).get(`/sheets?category=${cat}`);
      expect(res.status).toBe(200);
      expect(res.body.data.map((s: any) => s.key)).toEqual(keys);
      for (const s of res.body.data) {
        expect(s.passThreshold).toBe(80);
        expect(s.criteria.reduce((n: number, x: any) => n + x.maxPoints, 0)).toBe(100);
        expect(s.criteria.some((x: any) => x.veto)).toBe(true);
      }
    }
    expect((await api(root).get('/sheets?category=urban')).body.data[0].name).toBe('支部过硬星');
  });
});

describe('assessment flow', () => {
  it('walks draft → self_assessed → reviewed → publicized → approved, recording every step', async () => {
    const sh = await sheet('urban', 'party_strength');
    const id = await approved(root, c, YEAR, 'party_strength', { PS1: 5, PS2: 5 });
    const card = await api(root).get(`/branches/${c.documentId}/scorecard?year=${YEAR}`);
    const star = card.body.data.stars.find((s: any) => s.key === 'party_strength');
    expect(star.assessment.status).toBe('approved');
    expect(star.assessment.reviewedScore).toBe(90);
    expect(star.assessment.history.map((h: any) => `${h.from}>${h.to}`)).toEqual([
      'null>draft',
      'draft>self_assessed',
      'self_assessed>reviewed',
      'reviewed>publicized',
      'publicized>approved',
    ]);
    expect(star.assessment.history.every((h: any) => /@test\.local$/.test(h.actor))).toBe(true);
    expect(card.body.data.level).toBe(1);
    expect(sh.criteria.length).toBe(5);
    expect(id).toBeTruthy();
  });

  it('refuses transitions out of order with 409 naming status, nothing written', async () => {
    const created = await api(root).post('/assessments', { branch: c.documentId, year: YEAR, star: 'co_governance' });
    const id = created.body.data.documentId;
    const before = await count('plugin::star-scoring.transition');
    for (const step of ['approve', 'publicize', 'review']) {
      const r = await api(root).post(
        `/assessments/${id}/${step}`,
        step === 'publicize' ? { endsOn: '2025-01-01' } : { items: scores(await sheet('urban', 'co_governance')) },
      );
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/^status: cannot move from draft/);
    }
    expect((await api(root).post(`/assessments/${id}/revoke`, { reason: '无理由摘星' })).status).toBe(409);
    expect(await count('plugin::star-scoring.transition')).toBe(before);
  });

  it('a second assessment of the same branch, year and star is a 409', async () => {
    const r = await api(root).post('/assessments', { branch: c.documentId, year: YEAR, star: 'party_strength' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/^star:/);
  });

  it('bad input → 400 naming the field, nothing written', async () => {
    const created = await api(root).post('/assessments', {
      branch: c.documentId,
      year: YEAR,
      star: 'safety_rule_of_law',
    });
    const id = created.body.data.documentId;
    const over = await api(root).put(`/assessments/${id}/items`, { items: [{ code: 'SR1', score: 26 }] });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('items[0].score: must be at most 25 (max points of SR1) (不能超过 25 分)');
    const unknown = await api(root).put(`/assessments/${id}/items`, { items: [{ code: 'XX9', score: 1 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^items\[0\]\.code: unknown criterion XX9/);
    const neg = await api(root).put(`/assessments/${id}/items`, { items: [{ code: 'SR1', score: -1 }] });
    expect(neg.status).toBe(400);
    expect(neg.body.error.message).toMatch(/^items\.0\.score:/);
    const badStar = await api(root).post('/assessments', {
      branch: c.documentId,
      year: YEAR,
      star: 'industry_prosperity',
    });
    expect(badStar.status).toBe(400);
    expect(badStar.body.error.message).toMatch(/^star: unknown star industry_prosperity for category urban/);
    const incomplete = await api(root).post(`/assessments/${id}/submit`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toMatch(/^items: criterion SR1 has no score/);
    const a: any = await strapi()
      .db.query('plugin::star-scoring.assessment')
      .findOne({ where: { documentId: id } });
    expect(a.status).toBe('draft');
    expect(a.items).toEqual([]);
  });

  it('evidence is required where the sheet says so', async () => {
    const created = await api(root).post('/assessments', {
      branch: c.documentId,
      year: YEAR,
      star: 'harmony_happiness',
    });
    const id = created.body.data.documentId;
    const sh = await sheet('urban', 'harmony_happiness');
    await api(root).put(`/assessments/${id}/items`, { items: scores(sh, {}, '') });
    const r = await api(root).post(`/assessments/${id}/submit`);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe(
      'items[0].evidence: criterion HH1 requires evidence (text or a file) (评分细则 HH1 须附佐证材料)',
    );
  });
});

describe('star rule', () => {
  it('threshold: 80 passes, 79 does not; a failed veto loses the star at 90', async () => {
    const x = await community();
    const sh = await sheet('urban', 'party_strength');
    const run = async (star: string, minus: Record<string, number>) => {
      const cr = await api(root).post('/assessments', { branch: x.documentId, year: YEAR, star });
      const id = cr.body.data.documentId;
      const s = scores(await sheet('urban', star), minus);
      await api(root).put(`/assessments/${id}/items`, { items: s });
      await api(root).post(`/assessments/${id}/submit`);
      return { id, res: await api(root).post(`/assessments/${id}/review`, { items: s }) };
    };
    const at80 = await run('party_strength', { PS1: 10, PS2: 10 });
    expect(at80.res.body.data).toMatchObject({ passed: true, vetoFailed: false });
    expect(Number(at80.res.body.data.reviewedScore)).toBe(80);
    const at79 = await run('co_governance', { CG1: 10, CG2: 11 });
    expect(at79.res.body.data.passed).toBe(false);
    const refused = await api(root).post(`/assessments/${at79.id}/publicize`, { endsOn: '2025-01-01' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^passed: reviewed score below the pass threshold/);
    const veto = await run('safety_rule_of_law', { SR5: 1 });
    expect(Number(veto.res.body.data.reviewedScore)).toBe(99);
    expect(veto.res.body.data).toMatchObject({ passed: false, vetoFailed: true });
    expect(
      (await api(root).post(`/assessments/${veto.id}/publicize`, { endsOn: '2025-01-01' })).body.error.message,
    ).toMatch(/^passed: a veto criterion failed/);
    expect(sh.criteria.find((q: any) => q.code === 'PS5').veto).toBe(true);
  });

  it('level = approved stars; revoking lowers it at once; a revoke needs a reason', async () => {
    const x = await community();
    const ids = [];
    for (const star of ['party_strength', 'co_governance', 'safety_rule_of_law'])
      ids.push(await approved(root, x, YEAR, star));
    const level = async () =>
      (await http().get(`/api/star-scoring/branches/${x.documentId}/scorecard?year=${YEAR}`)).body.data.level;
    expect(await level()).toBe(3);
    const noReason = await api(root).post(`/assessments/${ids[1]}/revoke`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^reason:/);
    const r = await api(root).post(`/assessments/${ids[1]}/revoke`, { reason: '发生违纪问题，摘星' });
    expect(r.status).toBe(200);
    expect(await level()).toBe(2);
    expect((await api(root).post(`/assessments/${ids[1]}/approve`)).status).toBe(409);
  });

  it('approval waits for the end of publicity', async () => {
    const x = await community();
    const cr = await api(root).post('/assessments', { branch: x.documentId, year: YEAR, star: 'party_strength' });
    const id = cr.body.data.documentId;
    const s = scores(await sheet('urban', 'party_strength'));
    await api(root).put(`/assessments/${id}/items`, { items: s });
    await api(root).post(`/assessments/${id}/submit`);
    await api(root).post(`/assessments/${id}/review`, { items: s });
    await api(root).post(`/assessments/${id}/publicize`, { endsOn: '2999-12-31' });
    const r = await api(root).post(`/assessments/${id}/approve`);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/^publicityEndsOn:/);
  });
});

describe('who may do it', () => {
  it('assess / review / approve actions gate their transitions; no action → 403 and nothing changes', async () => {
    // Each works where the separation of duties puts them: the community, its street, the county.
    const county = await community({ level: 'county_committee' });
    const street = await community({ level: 'street_committee', parent: county.documentId });
    const x = await community({ parent: street.documentId });
    const assessor = await staff(['read', 'assess'], x);
    const reviewer = await staff(['read', 'review'], street);
    const approver = await staff(['read', 'approve'], county);
    const reader = await staff(['read'], county);
    expect(
      (await api(reader).post('/assessments', { branch: x.documentId, year: YEAR, star: 'party_strength' })).status,
    ).toBe(403);
    const cr = await api(assessor).post('/assessments', { branch: x.documentId, year: YEAR, star: 'party_strength' });
    expect(cr.status).toBe(201);
    const id = cr.body.data.documentId;
    const s = scores(await sheet('urban', 'party_strength'));
    expect((await api(reviewer).put(`/assessments/${id}/items`, { items: s })).status).toBe(403);
    expect((await api(assessor).put(`/assessments/${id}/items`, { items: s })).status).toBe(200);
    expect((await api(assessor).post(`/assessments/${id}/submit`)).status).toBe(200);
    expect((await api(assessor).post(`/assessments/${id}/review`, { items: s })).status).toBe(403);
    expect((await api(approver).post(`/assessments/${id}/review`, { items: s })).status).toBe(403);
    expect((await api(reviewer).post(`/assessments/${id}/review`, { items: s })).status).toBe(200);
    expect((await api(reviewer).post(`/assessments/${id}/publicize`, { endsOn: '2025-01-01' })).status).toBe(200);
    expect((await api(reviewer).post(`/assessments/${id}/approve`)).status).toBe(403);
    expect((await api(approver).post(`/assessments/${id}/approve`)).status).toBe(200);
    expect((await api(reviewer).post(`/assessments/${id}/revoke`, { reason: '越权摘星' })).status).toBe(403);
    const a: any = await strapi()
      .db.query('plugin::star-scoring.assessment')
      .findOne({ where: { documentId: id } });
    expect(a.status).toBe('approved');
    expect((await http().get('/star-scoring/rankings?year=2025')).status).toBe(401);
  });

  it('rejected goes back to draft only through reopen', async () => {
    const x = await community();
    const cr = await api(root).post('/assessments', { branch: x.documentId, year: YEAR, star: 'party_strength' });
    const id = cr.body.data.documentId;
    await api(root).put(`/assessments/${id}/items`, { items: scores(await sheet('urban', 'party_strength')) });
    await api(root).post(`/assessments/${id}/submit`);
    expect((await api(root).post(`/assessments/${id}/reject`, { reason: 'x' })).status).toBe(400);
    expect((await api(root).post(`/assessments/${id}/reject`, { reason: '佐证材料不全' })).status).toBe(200);
    expect((await api(root).put(`/assessments/${id}/items`, { items: [{ code: 'PS1', score: 1 }] })).status).toBe(409);
    expect((await api(root).post(`/assessments/${id}/reopen`)).status).toBe(200);
    expect((await api(root).put(`/assessments/${id}/items`, { items: [{ code: 'PS1', score: 1 }] })).status).toBe(200);
  });
});
