import request from 'supertest';
import { setupStrapi, teardownStrapi, listenStrapi, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { community, scores, sheet } from '../star-scoring/fixtures';
import { burst, describePg, oneWinner } from './helpers';

// Every transition of star-scoring raced on PostgreSQL: one winner, 409 for the rest, one trail row.
const ASSESSMENT = 'plugin::star-scoring.assessment';
const TRANSITION = 'plugin::star-scoring.transition';
const RECTIFICATION = 'plugin::star-scoring.rectification';
const YEAR = 2025;

let baseUrl: string;
let root: string;
const post = (p: string, body: object = {}) => request(baseUrl).post(`/star-scoring${p}`).set(bearer(root)).send(body);
const put = (p: string, body: object) => request(baseUrl).put(`/star-scoring${p}`).set(bearer(root)).send(body);
const steps = async (documentId: string, toStatus: string) => {
  const a: any = await strapi().db.query(ASSESSMENT).findOne({ where: { documentId } });
  return strapi()
    .db.query(TRANSITION)
    .count({ where: { assessmentRef: a.id, toStatus } });
};

describePg('star-scoring transitions under concurrency (PostgreSQL)', () => {
  beforeAll(async () => {
    await setupStrapi();
    baseUrl = await listenStrapi();
    root = (await createAdmin()).token;
  });
  afterAll(teardownStrapi);

  it('an assessment created ten times at once: one row; submit ×10 and review against reject: one each', async () => {
    const c = await community();
    const created = await burst(10, () =>
      post('/assessments', { branch: c.documentId, year: YEAR, star: 'party_strength' }),
    );
    oneWinner(created, 201);
    for (const r of created.filter((x) => x.status === 409)) expect(r.body.error.message).toMatch(/^star: /);
    expect(
      await strapi()
        .db.query(ASSESSMENT)
        .count({ where: { branchRef: c.id } }),
    ).toBe(1);

    const id = created.find((r) => r.status === 201)!.body.data.documentId;
    const sh = await sheet('urban', 'party_strength');
    expect((await put(`/assessments/${id}/items`, { items: scores(sh, { PS1: 5 }) })).status).toBe(200);
    oneWinner(await burst(10, () => post(`/assessments/${id}/submit`)));
    expect(await steps(id, 'self_assessed')).toBe(1);

    const [review, reject] = await Promise.all([
      post(`/assessments/${id}/review`, { items: scores(sh, { PS1: 5 }) }),
      post(`/assessments/${id}/reject`, { reason: '材料不全' }),
    ]);
    expect([review.status, reject.status].sort()).toEqual([200, 409]);
    const row: any = await strapi()
      .db.query(ASSESSMENT)
      .findOne({ where: { documentId: id } });
    expect(row.status).toBe(review.status === 200 ? 'reviewed' : 'rejected');
    expect((await steps(id, 'reviewed')) + (await steps(id, 'rejected'))).toBe(1);
  });

  it('publicize, approve and revoke ten times each at once: one move each, one trail row each', async () => {
    const c = await community();
    const sh = await sheet('urban', 'co_governance');
    const created = await post('/assessments', { branch: c.documentId, year: YEAR, star: 'co_governance' });
    const id = created.body.data.documentId;
    await put(`/assessments/${id}/items`, { items: scores(sh) });
    expect((await post(`/assessments/${id}/submit`)).status).toBe(200);
    expect((await post(`/assessments/${id}/review`, { items: scores(sh) })).status).toBe(200);
    oneWinner(await burst(10, () => post(`/assessments/${id}/publicize`, { endsOn: `${YEAR}-01-02` })));
    oneWinner(await burst(10, () => post(`/assessments/${id}/approve`)));
    oneWinner(await burst(10, () => post(`/assessments/${id}/revoke`, { reason: '发现问题' })));
    for (const s of ['publicized', 'approved', 'revoked']) expect(await steps(id, s)).toBe(1);
  });

  it('a rectification task created ten times at once: one; closed ten times at once: one', async () => {
    const c = await community();
    const sh = await sheet('urban', 'harmony_happiness');
    const created = await post('/assessments', { branch: c.documentId, year: YEAR, star: 'harmony_happiness' });
    const id = created.body.data.documentId;
    const code = sh.criteria[0].code;
    await put(`/assessments/${id}/items`, { items: scores(sh, { [code]: 2 }) });
    const tasks = await burst(10, () =>
      post('/rectifications', { assessment: id, criterion: code, owner: '支部书记', dueDate: `${YEAR}-12-31` }),
    );
    oneWinner(tasks, 201);
    for (const r of tasks.filter((x) => x.status === 409)) expect(r.body.error.message).toMatch(/^criterion: /);
    expect(
      await strapi()
        .db.query(RECTIFICATION)
        .count({ where: { criterionCode: code } }),
    ).toBe(1);
    const task = tasks.find((r) => r.status === 201)!.body.data.documentId;
    oneWinner(await burst(10, () => post(`/rectifications/${task}/done`)));
  });
});
