import request from 'supertest';
import { setupStrapi, teardownStrapi, listenStrapi, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { activity, community, countCheckIns, member, unit } from '../double-report/fixtures';
import { burst, describePg, ledgerViolations, oneWinner, statuses } from './helpers';

// Every transition of double-report raced on PostgreSQL: pairs of conflicting requests and bursts of
// the same one. Exactly one wins, the others get 409 and write nothing; the ledger stays whole.
const CI = 'plugin::double-report.check-in';
const PTS = 'plugin::double-report.points-entry';
const REG = 'plugin::double-report.registration';
const ITEM = 'plugin::double-report.list-item';

let baseUrl: string;
let staff: string;
let c: any;
let u: any;

const api = () => request(baseUrl);
const decide = (id: string, body: object) =>
  api().post(`/double-report/check-ins/${id}/decision`).set(bearer(staff)).send(body);
const points = (where: Record<string, unknown>) => strapi().db.query(PTS).count({ where });
const checkIn = (documentId: string) => strapi().db.query(CI).findOne({ where: { documentId } }) as Promise<any>;

/** A finished, pending check-in of the member, as the phone leaves it after check-out. */
async function finished(m: any, a: any, minutes = 120) {
  return (await strapi()
    .documents(CI as any)
    .create({
      data: {
        member: m.documentId,
        activity: a.documentId,
        memberRef: m.id,
        activityRef: a.id,
        checkedInAt: '2025-05-01T01:00:00.000Z',
        checkedOutAt: '2025-05-01T03:00:00.000Z',
        minutes,
        source: 'qr',
        status: 'pending',
        year: 2025,
      } as any,
    })) as any;
}
const pastActivity = () => activity(c, { startsAt: '2025-05-01T00:00:00.000Z', endsAt: '2025-05-01T06:00:00.000Z' });

describePg('double-report transitions under concurrency (PostgreSQL)', () => {
  beforeAll(async () => {
    await setupStrapi();
    baseUrl = await listenStrapi();
    staff = (await createAdmin()).token;
    c = await community();
    u = await unit(c);
  });
  afterAll(async () => {
    expect(await ledgerViolations()).toEqual([]);
    await teardownStrapi();
  });

  it('verify and reject of the same check-in at once: one wins, the other 409; points only when verified', async () => {
    const a = await pastActivity();
    for (let i = 0; i < 6; i += 1) {
      const m = await member(u, c);
      const ci = await finished(m, a);
      const [v, r] = await Promise.all([
        decide(ci.documentId, { status: 'verified', rating: 4 }),
        decide(ci.documentId, { status: 'rejected' }),
      ]);
      expect([v.status, r.status].sort()).toEqual([200, 409]);
      const final = (await checkIn(ci.documentId)).status;
      expect(final).toBe(v.status === 200 ? 'verified' : 'rejected');
      expect(await points({ sourceRef: ci.documentId })).toBe(final === 'verified' ? 2 : 0);
    }
  });

  it('ten verifications of one check-in at once: one 200, nine 409 (never a 500), one set of ledger rows', async () => {
    const m = await member(u, c);
    const ci = await finished(m, await pastActivity());
    const res = await burst(10, () => decide(ci.documentId, { status: 'verified', rating: 5 }));
    oneWinner(res);
    for (const r of res.filter((x) => x.status === 409)) expect(r.body.error.message).toMatch(/^status:/);
    expect(await points({ sourceRef: ci.documentId })).toBe(2);
    expect(await points({ memberRef: m.id })).toBe(2);
  });

  it('a member cancelling while staff verify: one wins; never a ledger row without its check-in', async () => {
    const a = await pastActivity();
    for (let i = 0; i < 6; i += 1) {
      const m = await member(u, c);
      const ci = await finished(m, a);
      const [cancel, verify] = await Promise.all([
        api().delete(`/api/double-report/me/check-ins/${ci.documentId}`).set(bearer(m.jwt)),
        decide(ci.documentId, { status: 'verified' }),
      ]);
      // The loser is a 409; a decision that arrives after the cancel finished finds nothing (404).
      if (cancel.status === 200) expect([404, 409]).toContain(verify.status);
      else expect([cancel.status, verify.status]).toEqual([409, 200]);
      const row = await checkIn(ci.documentId);
      if (cancel.status === 200) {
        expect(row).toBeNull();
        expect(await points({ memberRef: m.id })).toBe(0);
      } else {
        expect(row.status).toBe('verified');
        expect(await points({ sourceRef: ci.documentId })).toBe(1);
      }
    }
  });

  it('revoke and a second revoke or a fresh decision at once: reversed once', async () => {
    const m = await member(u, c);
    const ci = await finished(m, await pastActivity());
    expect((await decide(ci.documentId, { status: 'verified', rating: 3 })).status).toBe(200);
    const res = await burst(8, (i) =>
      i % 2
        ? api()
            .post(`/double-report/check-ins/${ci.documentId}/revoke`)
            .set(bearer(staff))
            .send({ reason: '核实未到场' })
        : decide(ci.documentId, { status: 'verified' }),
    );
    expect(statuses(res).filter((s) => s === 200)).toHaveLength(1);
    expect(statuses(res).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(await points({ source: 'reversal', sourceRef: { $endsWith: ci.documentId } })).toBe(2);
    expect((await checkIn(ci.documentId)).status).toBe('rejected');
  });

  it('a manual check-in sent ten times at once: one row, the hours once', async () => {
    const m = await member(u, c);
    const a = await pastActivity();
    const body = {
      member: m.documentId,
      activity: a.documentId,
      checkedInAt: '2025-05-01T01:00:00.000Z',
      checkedOutAt: '2025-05-01T03:00:00.000Z',
    };
    const res = await burst(10, () => api().post('/double-report/check-ins/manual').set(bearer(staff)).send(body));
    oneWinner(res, 201);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
    const rows: any[] = await strapi()
      .db.query(CI)
      .findMany({ where: { memberRef: m.id } });
    expect(rows.reduce((s, r) => s + r.minutes, 0)).toBe(120);
    // Overlapping sessions at different times, at once: still one (the member's row is the lock).
    const m2 = await member(u, c);
    const overlapping = await burst(6, (i) =>
      api()
        .post('/double-report/check-ins/manual')
        .set(bearer(staff))
        .send({ ...body, member: m2.documentId, checkedInAt: `2025-05-01T01:0${i}:00.000Z` }),
    );
    oneWinner(overlapping, 201);
    expect(await countCheckIns({ memberRef: m2.id })).toBe(1);
  });

  it('check-out twice at once: one 200, one 409; minutes counted once', async () => {
    const a = await activity(c, { capacity: null });
    for (let i = 0; i < 4; i += 1) {
      const m = await member(u, c);
      const ci = await api()
        .post('/api/double-report/check-ins')
        .set(bearer(m.jwt))
        .set('Idempotency-Key', `out-${i}`)
        .send({ activity: a.documentId, source: 'qr', token: a.qrToken });
      expect(ci.status).toBe(201);
      const res = await burst(2, () =>
        api().post('/api/double-report/check-outs').set(bearer(m.jwt)).send({ activity: a.documentId }),
      );
      oneWinner(res);
      expect(res.find((r) => r.status === 409)!.body.error.message).toMatch(/^check-out:/);
      const rows: any[] = await strapi()
        .db.query(CI)
        .findMany({ where: { memberRef: m.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0].openSlot).toBeNull();
      expect(rows[0].checkedOutAt).not.toBeNull();
    }
  });

  it('capacity 3 with ten members checking in at once: three seats taken, seven 409', async () => {
    const a = await activity(c, { capacity: 3 });
    const members = await Promise.all(Array.from({ length: 10 }, () => member(u, c)));
    const res = await burst(10, (i) =>
      api()
        .post('/api/double-report/check-ins')
        .set(bearer(members[i].jwt))
        .set('Idempotency-Key', `seat-${i}`)
        .send({ activity: a.documentId, source: 'qr', token: a.qrToken }),
    );
    expect(statuses(res)).toEqual([...Array(3).fill(201), ...Array(7).fill(409)]);
    for (const r of res.filter((x) => x.status === 409)) expect(r.body.error.message).toMatch(/capacity/);
    expect(await countCheckIns({ activityRef: a.id })).toBe(3);
  });

  it('a report-in sent ten times at once (member, unit): one row each; withdraw ×10: one; then a new one is allowed', async () => {
    const m = await member(u, c);
    const mine = await burst(10, () =>
      api().post('/api/double-report/me/registrations').set(bearer(m.jwt)).send({ community: c.documentId }),
    );
    oneWinner(mine, 201);
    expect(mine.find((r) => r.status === 409)!.body.error.message).toMatch(/^registration:/);
    expect(
      await strapi()
        .db.query(REG)
        .count({ where: { member: { id: m.id } } }),
    ).toBe(1);

    const other = await community();
    const units = await burst(10, () =>
      api().post('/api/double-report/unit-registrations').set(bearer(u.jwt)).send({ community: other.documentId }),
    );
    oneWinner(units, 201);
    expect(
      await strapi()
        .db.query(REG)
        .count({ where: { unit: { id: u.id }, community: { documentId: other.documentId } } }),
    ).toBe(1);

    const id = mine.find((r) => r.status === 201)!.body.data.documentId;
    oneWinner(
      await burst(10, () => api().post(`/api/double-report/me/registrations/${id}/withdraw`).set(bearer(m.jwt))),
    );
    const again = await api()
      .post('/api/double-report/me/registrations')
      .set(bearer(m.jwt))
      .send({ community: c.documentId });
    expect(again.status).toBe(201);
    expect(
      await strapi()
        .db.query(REG)
        .count({ where: { member: { id: m.id }, status: { $ne: 'withdrawn' } } }),
    ).toBe(1);
    // Staff accepting it ten times at once: one 200.
    oneWinner(
      await burst(10, () =>
        api().post(`/double-report/registrations/${again.body.data.documentId}/accept`).set(bearer(staff)),
      ),
    );
  });

  it('list items: two units claim at once, "done" ×10, evaluation ×10: one each, points once', async () => {
    const u2 = await unit(c);
    const item: any = await strapi()
      .documents(ITEM as any)
      .create({ data: { type: 'need', title: '楼道清理', community: c.documentId, status: 'open' } as any });
    const claims = await Promise.all(
      [u, u2].map((x) => api().post(`/api/double-report/list-items/${item.documentId}/claim`).set(bearer(x.jwt))),
    );
    oneWinner(claims);
    const winner = claims[0].status === 200 ? u : u2;
    const done = await burst(10, () =>
      api()
        .post(`/api/double-report/list-items/${item.documentId}/progress`)
        .set(bearer(winner.jwt))
        .send({ status: 'done' }),
    );
    oneWinner(done);
    expect(await points({ source: 'item_done', sourceRef: item.documentId })).toBe(1);
    const evaluated = await burst(10, () =>
      api().post(`/double-report/list-items/${item.documentId}/evaluation`).set(bearer(staff)).send({ rating: 4 }),
    );
    oneWinner(evaluated);
    const row: any = await strapi()
      .db.query(ITEM)
      .findOne({ where: { documentId: item.documentId } });
    expect([row.status, row.rating]).toEqual(['evaluated', 4]);
    // The default rule set gives no points per star (pointsPerItemRatingStar 0): at most one row in any case.
    expect(await points({ source: 'rating', sourceRef: item.documentId })).toBeLessThanOrEqual(1);
  });

  it('ten staff screens rotating a stale QR token at once all show the one token that was stored', async () => {
    const a = await activity(c, { qrRotatedAt: '2020-01-01T00:00:00.000Z' });
    const res = await burst(10, () => api().get(`/double-report/activities/${a.documentId}/qr`).set(bearer(staff)));
    expect(res.map((r) => r.status)).toEqual(Array(10).fill(200));
    const stored: any = await strapi()
      .db.query('plugin::double-report.activity')
      .findOne({ where: { id: a.id } });
    expect(stored.qrToken).not.toBe(a.qrToken);
    for (const r of res) expect(r.body.data.url).toContain(`token=${encodeURIComponent(stored.qrToken)}`);
  });
});
