import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { community, member, unit } from './fixtures';
import { staffAt } from '../scoping/fixtures';

const YEAR = new Date().getUTCFullYear();
const ITEM = 'plugin::double-report.list-item';
let c: any;
let uA: any;
let uB: any;
let staff: any;
let author: string;

const evaluate = (token: string, id: string, body: object) =>
  http().post(`/double-report/list-items/${id}/evaluation`).set(bearer(token)).send(body);
/** A need the unit claimed and finished through its own routes (earning the item_done points). */
async function doneItem(u: any, title: string) {
  const item: any = await strapi()
    .documents(ITEM as any)
    .create({ data: { type: 'need', title, description: '描述', community: c.documentId, status: 'open' } as any });
  expect((await http().post(`/api/double-report/list-items/${item.documentId}/claim`).set(bearer(u.jwt))).status).toBe(
    200,
  );
  expect(
    (
      await http()
        .post(`/api/double-report/list-items/${item.documentId}/progress`)
        .set(bearer(u.jwt))
        .send({ status: 'done' })
    ).status,
  ).toBe(200);
  return item;
}
const unitPoints = async (u: any) =>
  (await strapi()
    .db.query('plugin::double-report.points-entry')
    .findMany({ where: { unitRef: u.id } })) as any[];
const setRule = async (value: number) => {
  const rs: any = await strapi().documents('plugin::double-report.rule-set').findFirst({});
  await strapi()
    .documents('plugin::double-report.rule-set')
    .update({ documentId: rs.documentId, data: { pointsPerItemRatingStar: value } as any });
};

beforeAll(async () => {
  await setupStrapi();
  c = await community();
  uA = await unit(c);
  uB = await unit(c);
  await member(uA, c);
  // Community staff work in their community (staff assignment): the plugin's admin routes are scoped.
  staff = await staffAt('community-staff', c);
  author = (await createAdmin('strapi-author')).token;
});
afterAll(teardownStrapi);

describe('list item evaluation (done → evaluated)', () => {
  it('staff rate a done item: evaluated with rating and comment; no points while the rule is 0', async () => {
    await strapi().plugin('double-report').service('rules').get(); // rule set row with defaults
    const item = await doneItem(uA, '楼道照明');
    const res = await evaluate(staff.token, item.documentId, { rating: 4, comment: '完成及时，居民满意' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      documentId: item.documentId,
      status: 'evaluated',
      rating: 4,
      comment: '完成及时，居民满意',
      points: 0,
    });
    const row: any = await strapi()
      .db.query(ITEM)
      .findOne({ where: { documentId: item.documentId } });
    expect(row).toMatchObject({
      status: 'evaluated',
      rating: 4,
      ratingComment: '完成及时，居民满意',
      evaluatedBy: staff.email,
    });
    // Only the item_done row (5 points by default): the rating rule is not configured.
    expect((await unitPoints(uA)).map((p) => [p.source, Number(p.points)])).toEqual([['item_done', 5]]);
    // Once evaluated, not again.
    const again = await evaluate(staff.token, item.documentId, { rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^status: only a done item/);
  });

  it('with a points rule per rating star, the claiming unit gets a ledger row; unit summary shows the average item rating', async () => {
    await setRule(2);
    const item = await doneItem(uA, '助老送餐');
    const res = await evaluate(staff.token, item.documentId, { rating: 5 });
    expect(res.status).toBe(200);
    expect(res.body.data.points).toBe(10);
    const rows = await unitPoints(uA);
    // Hand count: two item_done rows (5 + 5) and one rating row (5 stars × 2) = 20.
    expect(rows.map((p) => [p.source, Number(p.points)]).sort()).toEqual([
      ['item_done', 5],
      ['item_done', 5],
      ['rating', 10],
    ]);
    const rating = rows.find((p) => p.source === 'rating');
    expect(rating).toMatchObject({ sourceRef: item.documentId, year: YEAR });
    expect(rating.reason).toMatch(/5 星/);
    expect(await unitPoints(uB)).toEqual([]);
    await setRule(0);

    const s = (await http().get(`/api/double-report/units/${uA.documentId}/summary?year=${YEAR}`).set(bearer(uA.jwt)))
      .body.data;
    // Ratings 4 and 5 → 4.5; both items done and evaluated this year.
    expect(s).toMatchObject({ itemsClaimed: 2, itemsDone: 2, itemsEvaluated: 2, averageItemRating: 4.5 });
    const other = (
      await http().get(`/api/double-report/units/${uB.documentId}/summary?year=${YEAR}`).set(bearer(uB.jwt))
    ).body.data;
    expect(other).toMatchObject({ itemsEvaluated: 0, averageItemRating: null });
  });

  it('only done items: open, claimed and in-progress items are 409 and unchanged', async () => {
    const open: any = await strapi()
      .documents(ITEM as any)
      .create({ data: { type: 'need', title: '未认领', community: c.documentId, status: 'open' } as any });
    const res = await evaluate(staff.token, open.documentId, { rating: 3 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/this one is open/);
    expect(
      (await http().post(`/api/double-report/list-items/${open.documentId}/claim`).set(bearer(uB.jwt))).status,
    ).toBe(200);
    expect((await evaluate(staff.token, open.documentId, { rating: 3 })).status).toBe(409);
    const row: any = await strapi()
      .db.query(ITEM)
      .findOne({ where: { documentId: open.documentId } });
    expect(row).toMatchObject({ status: 'claimed', rating: null });
    expect((await evaluate(staff.token, 'missing-item', { rating: 3 })).status).toBe(404);
  });

  it('bad input → 400 naming the field; an author admin 403; a unit JWT 401; nothing changed', async () => {
    const item = await doneItem(uB, '垃圾分类宣传');
    for (const [body, message] of [
      [{ rating: 6 }, /^rating:/],
      [{ rating: 2.5 }, /^rating:/],
      [{}, /^rating:/],
      [{ rating: 3, comment: 'x'.repeat(501) }, /^comment:/],
      [{ rating: 3, by: 'me' }, /Unrecognized|by/],
    ] as [object, RegExp][]) {
      const res = await evaluate(staff.token, item.documentId, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await evaluate(author, item.documentId, { rating: 5 })).status).toBe(403);
    expect((await evaluate(uB.jwt, item.documentId, { rating: 5 })).status).toBe(401);
    const row: any = await strapi()
      .db.query(ITEM)
      .findOne({ where: { documentId: item.documentId } });
    expect(row).toMatchObject({ status: 'done', rating: null, ratingComment: null });
  });

  it('the public needs list never shows the evaluation, the evaluator or any personal data', async () => {
    await strapi()
      .documents(ITEM as any)
      .create({ data: { type: 'need', title: '公开需求', community: c.documentId, status: 'open' } as any });
    const res = await http().get(`/api/double-report/communities/${c.documentId}/needs`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => r.title)).toEqual(['公开需求']);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/完成及时|evaluatedBy|ratingComment|@test\.local|1390000|楼道照明/);
    // Nor does the content API expose the evaluator through the unit's own routes.
    const s = await http().get(`/api/double-report/units/${uA.documentId}/summary?year=${YEAR}`).set(bearer(uA.jwt));
    expect(JSON.stringify(s.body)).not.toMatch(new RegExp(staff.email));
  });
});
