import request from 'supertest';
import { setupStrapi, teardownStrapi, http, strapi, listenStrapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { activity, community, countCheckIns, member, unit } from './fixtures';
import { staffAt } from '../scoping/fixtures';
import { refusalText } from '../../src/packages/kit/shared';

let c: any;
let u: any;
let staff: string;
let author: string;
let baseUrl: string;

const manual = (token: string, body: object) =>
  http().post('/double-report/check-ins/manual').set(bearer(token)).send(body);
const past = (start: string, end: string) => ({ startsAt: start, endsAt: end });

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listenStrapi();
  c = await community();
  u = await unit(c);
  // Community staff work in their community (staff assignment): the plugin's admin routes are scoped.
  staff = (await staffAt('community-staff', c)).token;
  author = (await createAdmin('strapi-author')).token;
});
afterAll(teardownStrapi);

describe('manual check-in by community staff', () => {
  it('records a finished session: source manual, minutes computed on the server within the activity', async () => {
    const m = await member(u, c);
    const a = await activity(c, past('2025-03-01T01:00:00.000Z', '2025-03-01T04:00:00.000Z'));
    // In 30 min before the start, out 30 min after the end → counted 01:00–04:00 = 180 min.
    const res = await manual(staff, {
      member: m.documentId,
      activity: a.documentId,
      checkedInAt: '2025-03-01T00:30:00.000Z',
      checkedOutAt: '2025-03-01T04:30:00Z',
      note: '老党员无智能手机',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      source: 'manual',
      status: 'pending',
      minutes: 180,
      year: 2025,
      member: { documentId: m.documentId },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/1380000|openSlot|memberRef|recordedBy/);
    const row: any = await strapi()
      .db.query('plugin::double-report.check-in')
      .findOne({ where: { documentId: res.body.data.documentId } });
    expect(row).toMatchObject({ source: 'manual', minutes: 180, openSlot: null, memberRef: m.id, activityRef: a.id });
    expect(row.recordedBy).toMatch(/@test\.local$/);
    // The member sees it among its own records; it enters the verification queue.
    const mine = await http().get('/api/double-report/me/check-ins').set(bearer(m.jwt));
    expect(mine.body.data.map((x: any) => x.documentId)).toEqual([res.body.data.documentId]);
    const queue = await http().get('/double-report/check-ins/queue').set(bearer(staff));
    expect(queue.body.data.map((x: any) => x.documentId)).toContain(res.body.data.documentId);
    // An overlapping second session for the same member and activity → 409, nothing written.
    const overlap = await manual(staff, {
      member: m.documentId,
      activity: a.documentId,
      checkedInAt: '2025-03-01T02:00:00Z',
      checkedOutAt: '2025-03-01T03:00:00Z',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.message).toMatch(/^checkedInAt:/);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
  });

  it('an open manual check-in holds the one open slot: the member cannot check in again, and can check out', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const res = await manual(staff, {
      member: m.documentId,
      activity: a.documentId,
      checkedInAt: new Date(Date.now() - 20 * 60000).toISOString(),
    });
    expect(res.status).toBe(201);
    expect(res.body.data.checkedOutAt).toBeNull();
    const dup = await request(baseUrl)
      .post('/api/double-report/check-ins')
      .set(bearer(m.jwt))
      .set('Idempotency-Key', 'after-manual')
      .send({ activity: a.documentId, source: 'qr', token: a.qrToken });
    expect(dup.status).toBe(409);
    const again = await manual(staff, {
      member: m.documentId,
      activity: a.documentId,
      checkedInAt: new Date(Date.now() - 10 * 60000).toISOString(),
    });
    expect(again.status).toBe(409);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
    const out = await http().post('/api/double-report/check-outs').set(bearer(m.jwt)).send({ activity: a.documentId });
    expect(out.status).toBe(200);
    expect(out.body.data.source).toBe('manual');
    expect(out.body.data.minutes).toBeGreaterThanOrEqual(19);
  });

  it('concurrent manual check-ins for the same member and activity (open) → exactly one row', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const at = new Date(Date.now() - 5 * 60000).toISOString();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(baseUrl)
          .post('/double-report/check-ins/manual')
          .set(bearer(staff))
          .send({ member: m.documentId, activity: a.documentId, checkedInAt: at }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
  });

  it('a check-in in the future is refused in English and Chinese, read by the field label in the admin', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const res = await request(baseUrl)
      .post('/double-report/check-ins/manual')
      .set(bearer(staff))
      .send({
        member: m.documentId,
        activity: a.documentId,
        checkedInAt: new Date(Date.now() + 3600000).toISOString(),
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('checkedInAt: must not be in the future (不能晚于当前时间)');
    expect(refusalText(res.body.error.message, 'zh-Hans')).toBe('签到时间：不能晚于当前时间');
    expect(refusalText(res.body.error.message, 'en')).toBe('Checked in: must not be in the future');
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });

  it('bad input is a 400 naming the field and the rule, nothing written', async () => {
    const m = await member(u, c);
    const a = await activity(c, past('2025-04-01T01:00:00.000Z', '2025-04-01T03:00:00.000Z'));
    const cases: [object, RegExp][] = [
      [{ activity: a.documentId, checkedInAt: '2025-04-01T01:00:00Z' }, /^member:/],
      [{ member: m.documentId, activity: a.documentId, checkedInAt: 'yesterday' }, /^checkedInAt:/],
      [
        { member: m.documentId, activity: a.documentId, checkedInAt: '2025-04-01T01:00:00Z', source: 'qr' },
        /source|Unrecognized/,
      ],
      [{ member: 'nobody', activity: a.documentId, checkedInAt: '2025-04-01T01:00:00Z' }, /^member: no such member/],
      [
        { member: m.documentId, activity: 'nothing', checkedInAt: '2025-04-01T01:00:00Z' },
        /^activity: no such activity/,
      ],
      [
        { member: m.documentId, activity: a.documentId, checkedInAt: '2025-03-31T20:00:00Z' },
        /^checkedInAt: must lie between/,
      ],
      [
        {
          member: m.documentId,
          activity: a.documentId,
          checkedInAt: '2025-04-01T02:00:00Z',
          checkedOutAt: '2025-04-01T01:30:00Z',
        },
        /^checkedOutAt: must be after checkedInAt/,
      ],
      [
        {
          member: m.documentId,
          activity: a.documentId,
          checkedInAt: '2025-04-01T01:00:00Z',
          checkedOutAt: '2099-01-01T00:00:00Z',
        },
        /^checkedOutAt: must not be in the future/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await manual(staff, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });

  it("the form's options: the community's members (name and unit, no phone) and its recent activities; staff only", async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const old = await activity(c, past('2020-01-01T01:00:00.000Z', '2020-01-01T02:00:00.000Z'));
    const other = await community();
    await member(u, other);
    const res = await http().get(`/double-report/communities/${c.documentId}/manual-options`).set(bearer(staff));
    expect(res.status).toBe(200);
    expect(res.body.data.members).toContainEqual({ documentId: m.documentId, name: m.name, unit: u.name });
    expect(res.body.data.members.every((x: any) => Object.keys(x).sort().join() === 'documentId,name,unit')).toBe(true);
    const ids = res.body.data.activities.map((x: any) => x.documentId);
    expect(ids).toContain(a.documentId);
    expect(ids).not.toContain(old.documentId);
    expect(JSON.stringify(res.body)).not.toMatch(/1380000|qrToken|tok-/);
    // Another community's form is outside the staff's organisation: refused, nothing listed.
    const elsewhere = await http()
      .get(`/double-report/communities/${other.documentId}/manual-options`)
      .set(bearer(staff));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.data).toBeNull();
    expect(
      (await http().get(`/double-report/communities/${c.documentId}/manual-options`).set(bearer(author))).status,
    ).toBe(403);
  });

  it('only staff with the manual check-in action: an author admin gets 403, member and unit JWTs 401', async () => {
    const m = await member(u, c);
    const a = await activity(c, past('2025-05-01T01:00:00.000Z', '2025-05-01T03:00:00.000Z'));
    const body = {
      member: m.documentId,
      activity: a.documentId,
      checkedInAt: '2025-05-01T01:00:00Z',
      checkedOutAt: '2025-05-01T02:00:00Z',
    };
    expect((await manual(author, body)).status).toBe(403);
    expect((await manual(m.jwt, body)).status).toBe(401);
    expect((await manual(u.jwt, body)).status).toBe(401);
    expect((await http().post('/double-report/check-ins/manual').send(body)).status).toBe(401);
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });
});
