import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { activity, community, finished as finishedAt, member, unit } from './fixtures';
import { staffAt } from '../scoping/fixtures';

const YEAR = 2025;
/** A finished check-in pending its decision (the fixtures' one, this file's check-out hour). */
const finished = (m: any, a: any, minutes: number) => finishedAt(m, a, minutes, { year: YEAR, outHour: 4 });
const PTS = 'plugin::double-report.points-entry';
let c: any;
let u: any;
let staff: string;
let author: string;

const decide = (id: string, body: object) =>
  http().post(`/double-report/check-ins/${id}/decision`).set(bearer(staff)).send(body);
const revoke = (token: string, id: string, body: object) =>
  http().post(`/double-report/check-ins/${id}/revoke`).set(bearer(token)).send(body);
const ledger = async (memberId: number) =>
  (await strapi()
    .db.query(PTS)
    .findMany({ where: { memberRef: memberId }, orderBy: { id: 'asc' } })) as any[];
const points = async (m: any) =>
  (await http().get(`/api/double-report/me/summary?year=${YEAR}`).set(bearer(m.jwt))).body.data;

beforeAll(async () => {
  await setupStrapi();
  c = await community();
  u = await unit(c);
  // Community staff work in their community (staff assignment): the plugin's admin routes are scoped.
  staff = (await staffAt('community-staff', c)).token;
  author = (await createAdmin('strapi-author')).token;
});
afterAll(teardownStrapi);

describe('revoking a verified check-in writes compensating ledger rows', () => {
  it('reverses hours and rating points with reason and source; the original rows stay; sums hand-counted', async () => {
    const m = await member(u, c);
    const a1 = await activity(c, { startsAt: `${YEAR}-05-01T01:00:00.000Z`, endsAt: `${YEAR}-05-01T05:00:00.000Z` });
    const a2 = await activity(c, { startsAt: `${YEAR}-06-01T01:00:00.000Z`, endsAt: `${YEAR}-06-01T05:00:00.000Z` });
    const keep = await finished(m, a1, 120); // 2 h, rating 5 → 2 + 2.5 = 4.5
    const wrong = await finished(m, a2, 90); // 1.5 h, rating 4 → 1.5 + 2 = 3.5, later revoked
    expect((await decide(keep.documentId, { status: 'verified', rating: 5 })).status).toBe(200);
    expect((await decide(wrong.documentId, { status: 'verified', rating: 4 })).status).toBe(200);
    expect((await points(m)).points).toBe(8);
    expect((await points(m)).verifiedHours).toBe(3.5);

    const res = await revoke(staff, wrong.documentId, { reason: '核实未到场' });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('rejected');
    expect(res.body.data.reversals.map((r: any) => [r.source, r.points]).sort()).toEqual([
      ['rating', -2],
      ['verified_hours', -1.5],
    ]);

    const rows = await ledger(m.id);
    expect(rows).toHaveLength(6);
    const originals = rows.filter((r) => r.source !== 'reversal');
    expect(originals.map((r) => [r.source, Number(r.points), r.sourceRef]).sort()).toEqual(
      [
        ['rating', 2, wrong.documentId],
        ['rating', 2.5, keep.documentId],
        ['verified_hours', 1.5, wrong.documentId],
        ['verified_hours', 2, keep.documentId],
      ].sort(),
    );
    const reversals = rows.filter((r) => r.source === 'reversal');
    expect(reversals.map((r) => [r.sourceRef, Number(r.points)]).sort()).toEqual([
      [`rating:${wrong.documentId}`, -2],
      [`verified_hours:${wrong.documentId}`, -1.5],
    ]);
    for (const r of reversals) {
      expect(r.reason).toMatch(/核实未到场/);
      expect(r.year).toBe(YEAR);
      expect(r.unitRef).toBe(u.id);
    }
    // Hand count: 4.5 kept; 3.5 − 3.5 = 0 → 4.5 points; verified hours 2.
    const s = await points(m);
    expect(s.points).toBe(4.5);
    expect(s.verifiedHours).toBe(2);
    const unitSummary = (
      await http().get(`/api/double-report/units/${u.documentId}/summary?year=${YEAR}`).set(bearer(u.jwt))
    ).body.data;
    expect(unitSummary.points).toBe(4.5);

    // The staff's verified list (queue?status=verified) no longer shows it; the kept one is there.
    const verifiedList = await http()
      .get(`/double-report/check-ins/queue?status=verified&community=${c.documentId}`)
      .set(bearer(staff));
    expect(verifiedList.status).toBe(200);
    expect(verifiedList.body.data.map((r: any) => r.documentId)).toContain(keep.documentId);
    expect(verifiedList.body.data.map((r: any) => r.documentId)).not.toContain(wrong.documentId);
    const badStatus = await http().get('/double-report/check-ins/queue?status=rejected').set(bearer(staff));
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toMatch(/^status:/);

    // Twice → 409 and no further rows.
    const again = await revoke(staff, wrong.documentId, { reason: '重复操作' });
    expect(again.status).toBe(409);
    expect(await ledger(m.id)).toHaveLength(6);
  });

  it('two staff revoking at once: one 200, one 409, reversed exactly once', async () => {
    const m = await member(u, c);
    const a = await activity(c, { startsAt: `${YEAR}-07-01T01:00:00.000Z`, endsAt: `${YEAR}-07-01T05:00:00.000Z` });
    const ci = await finished(m, a, 60);
    expect((await decide(ci.documentId, { status: 'verified', rating: 3 })).status).toBe(200);
    const [r1, r2] = await Promise.all([
      revoke(staff, ci.documentId, { reason: '错误审核' }),
      revoke(staff, ci.documentId, { reason: '错误审核' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const rows = await ledger(m.id);
    expect(rows.filter((r) => r.source === 'reversal')).toHaveLength(2);
    expect(rows.reduce((s, r) => s + Number(r.points), 0)).toBe(0);
  });

  it('only a verified check-in can be revoked; a pending one is decided instead; bad reason 400; unknown 404', async () => {
    const m = await member(u, c);
    const a = await activity(c, { startsAt: `${YEAR}-08-01T01:00:00.000Z`, endsAt: `${YEAR}-08-01T05:00:00.000Z` });
    const ci = await finished(m, a, 60);
    const pending = await revoke(staff, ci.documentId, { reason: '测试' });
    expect(pending.status).toBe(409);
    expect(pending.body.error.message).toMatch(/^status: only a verified check-in/);
    expect((await decide(ci.documentId, { status: 'verified' })).status).toBe(200);
    const noReason = await revoke(staff, ci.documentId, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^reason:/);
    expect((await revoke(staff, 'no-such-check-in', { reason: '测试一下' })).status).toBe(404);
    const row: any = await strapi()
      .db.query('plugin::double-report.check-in')
      .findOne({ where: { documentId: ci.documentId } });
    expect(row.status).toBe('verified');
    expect(await ledger(m.id)).toHaveLength(1);
  });

  it('only staff with the verify action: author admin 403, member JWT 401; nothing reversed', async () => {
    const m = await member(u, c);
    const a = await activity(c, { startsAt: `${YEAR}-09-01T01:00:00.000Z`, endsAt: `${YEAR}-09-01T05:00:00.000Z` });
    const ci = await finished(m, a, 60);
    expect((await decide(ci.documentId, { status: 'verified' })).status).toBe(200);
    expect((await revoke(author, ci.documentId, { reason: '越权尝试' })).status).toBe(403);
    expect((await revoke(m.jwt, ci.documentId, { reason: '越权尝试' })).status).toBe(401);
    expect(await ledger(m.id)).toHaveLength(1);
  });

  it('the Content Manager cannot edit or delete ledger rows, delete or re-decide a verified check-in, or delete a done item', async () => {
    const m = await member(u, c);
    const a = await activity(c, { startsAt: `${YEAR}-10-01T01:00:00.000Z`, endsAt: `${YEAR}-10-01T05:00:00.000Z` });
    const ci = await finished(m, a, 60);
    expect((await decide(ci.documentId, { status: 'verified', rating: 2 })).status).toBe(200);
    const before = await ledger(m.id);
    const entry = before[0];
    const cm = '/content-manager/collection-types';
    // The ledger is an internal type, hidden from the Content Manager: nobody edits or deletes its rows
    // there (the append-only document middleware stands behind it for every other writer).
    const root = (await createAdmin()).token;
    for (const who of [staff, root]) {
      expect((await http().put(`${cm}/${PTS}/${entry.documentId}`).set(bearer(who)).send({ points: 100 })).status).toBe(
        403,
      );
      expect((await http().delete(`${cm}/${PTS}/${entry.documentId}`).set(bearer(who))).status).toBe(403);
    }
    expect(await ledger(m.id)).toEqual(before);
    const CI = 'plugin::double-report.check-in';
    expect((await http().delete(`${cm}/${CI}/${ci.documentId}`).set(bearer(staff))).status).toBe(409);
    // The edit view saves the whole record: only a changed status / minutes / rating is refused.
    const saved = (await http().get(`${cm}/${CI}/${ci.documentId}`).set(bearer(staff))).body.data;
    const form = {
      checkedInAt: saved.checkedInAt,
      checkedOutAt: saved.checkedOutAt,
      minutes: saved.minutes,
      source: saved.source,
      status: saved.status,
      rating: saved.rating,
      ratingComment: saved.ratingComment,
      year: saved.year,
    };
    // (Strapi 5's Content Manager reads a `status` field as the draft/publish status and refuses it with 400 itself.)
    const redecide = await http()
      .put(`${cm}/${CI}/${ci.documentId}`)
      .set(bearer(staff))
      .send({ ...form, minutes: 600 });
    expect(redecide.status).toBe(409);
    expect(redecide.body.error.message).toMatch(/revoke it instead/);
    expect(
      (
        await http()
          .put(`${cm}/${CI}/${ci.documentId}`)
          .set(bearer(staff))
          .send({ ...form, rating: 5 })
      ).status,
    ).toBe(409);
    // An edit that leaves the decision alone (a note in the comment) is allowed.
    const note = await http()
      .put(`${cm}/${CI}/${ci.documentId}`)
      .set(bearer(staff))
      .send({ ...form, ratingComment: '补充说明' });
    expect(note.status).toBe(200);
    expect((await ledger(m.id)).map((r) => Number(r.points))).toEqual([1, 1]);
    const row: any = await strapi()
      .db.query(CI)
      .findOne({ where: { documentId: ci.documentId } });
    expect(row.status).toBe('verified');
    // A pending check-in can still be deleted there (nothing was awarded for it).
    const p = await finished(m, a, 30);
    expect((await http().delete(`${cm}/${CI}/${p.documentId}`).set(bearer(staff))).status).toBe(200);

    // A done list item earned its unit points: it is not deleted; an open one may be.
    const ITEM = 'plugin::double-report.list-item';
    const done: any = await strapi()
      .documents(ITEM as any)
      .create({ data: { type: 'need', title: '已完成', community: c.documentId, status: 'open' } as any });
    expect(
      (await http().post(`/api/double-report/list-items/${done.documentId}/claim`).set(bearer(u.jwt))).status,
    ).toBe(200);
    expect(
      (
        await http()
          .post(`/api/double-report/list-items/${done.documentId}/progress`)
          .set(bearer(u.jwt))
          .send({ status: 'done' })
      ).status,
    ).toBe(200);
    const refused = await http().delete(`${cm}/${ITEM}/${done.documentId}`).set(bearer(staff));
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^status: a done item/);
    expect(
      await strapi()
        .db.query(ITEM)
        .count({ where: { documentId: done.documentId } }),
    ).toBe(1);
    const open: any = await strapi()
      .documents(ITEM as any)
      .create({ data: { type: 'need', title: '可删除', community: c.documentId, status: 'open' } as any });
    expect((await http().delete(`${cm}/${ITEM}/${open.documentId}`).set(bearer(staff))).status).toBe(200);
  });
});
