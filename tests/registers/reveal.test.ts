import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { buildWorld, staffAt, type World } from '../scoping/fixtures';
import { buildRegisters, CM, RG, type Registers } from './fixtures';

/**
 * 查看个人信息: one value at a time, for staff with `reveal`, within their organisation, with a
 * reason — and every reveal recorded (who, what, field, why, when) in a log nobody edits.
 */
let w: World;
let reg: Registers;
let other: Registers;
let c1: { token: string; email: string };
let street: string;
let root: string;

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  reg = await buildRegisters(w.c1);
  other = await buildRegisters(w.c3);
  c1 = await staffAt('community-staff', w.c1);
  street = (await staffAt('street-staff', w.s1)).token;
  root = (await createAdmin()).token;
  // booting and building the fixtures can take minutes on a loaded machine
}, 600000);
afterAll(teardownStrapi);

const reveal = (token: string, body: Record<string, unknown>) =>
  http().post('/registers/reveal').set(bearer(token)).send(body);
const logOf = (token: string, type: string, documentId: string) =>
  http().get(`/registers/reveal-log/${type}/${documentId}`).set(bearer(token));
const logCount = () => strapi().db.query(RG.revealLog).count();

describe('reveal', () => {
  it('answers the stored value to community staff and records who, what, field, why and when', async () => {
    const r = reg.residents[0];
    const before = Date.now();
    const res = await reveal(c1.token, {
      type: 'resident',
      documentId: r.documentId,
      field: 'idNumber',
      reason: '办理高龄补贴核对身份',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.value).toBe(r.idNumber);
    const rows = await strapi()
      .db.query(RG.revealLog)
      .findMany({ where: { subjectDocumentId: r.documentId } });
    expect(rows).toHaveLength(1);
    const admin = await strapi()
      .db.query('admin::user')
      .findOne({ where: { email: c1.email } });
    expect(rows[0]).toMatchObject({
      adminUserId: admin.id,
      adminUserName: '测试 管理员',
      subjectType: RG.resident,
      field: 'idNumber',
      reason: '办理高龄补贴核对身份',
    });
    expect(new Date(rows[0].at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('reveals the phones of rentals, shops, firms and grid heads', async () => {
    for (const [type, documentId, field, value] of [
      ['rental', reg.rental.documentId, 'landlordPhone', reg.rental.landlordPhone],
      ['shop', reg.shop.documentId, 'operatorPhone', reg.shop.operatorPhone],
      ['firm', reg.firm.documentId, 'contactPhone', reg.firm.contactPhone],
    ]) {
      const res = await reveal(c1.token, { type, documentId, field, reason: '消防检查联系' });
      expect([type, res.status, res.body.data?.value]).toEqual([type, 200, value]);
    }
    await strapi()
      .documents('api::grid.grid' as any)
      .update({
        documentId: w.c1.grids[0].documentId,
        data: { heads: [{ role: 'grid_head', name: '网格长甲', phone: '13800001111' }] } as any,
      });
    const head = await reveal(c1.token, {
      type: 'grid',
      documentId: w.c1.grids[0].documentId,
      field: 'heads.0.phone',
      reason: '联系网格长',
    });
    expect(head.status).toBe(200);
    expect(head.body.data.value).toBe('13800001111');
  });

  it('lists a record’s log newest first', async () => {
    const r = reg.residents[1];
    for (const reason of ['第一次核对', '第二次核对']) {
      expect(
        (await reveal(c1.token, { type: 'resident', documentId: r.documentId, field: 'phone', reason })).status,
      ).toBe(200);
    }
    const res = await logOf(c1.token, 'resident', r.documentId);
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { reason: string }) => e.reason)).toEqual(['第二次核对', '第一次核对']);
    expect(res.body.data[0]).toMatchObject({ adminUserName: '测试 管理员', field: 'phone' });
    // street staff read the log of their area; the record of another street is refused
    expect((await logOf(street, 'resident', r.documentId)).status).toBe(200);
    expect((await logOf(street, 'resident', other.residents[0].documentId)).status).toBe(403);
  });

  it('refuses a reason shorter than 2 characters, naming reason, and logs nothing', async () => {
    const before = await logCount();
    for (const reason of ['', ' 查 ', undefined]) {
      const res = await reveal(c1.token, {
        type: 'resident',
        documentId: reg.residents[0].documentId,
        field: 'phone',
        reason,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^reason: /);
    }
    expect(await logCount()).toBe(before);
  });

  it('refuses a field that is not personal, naming field', async () => {
    const res = await reveal(c1.token, {
      type: 'resident',
      documentId: reg.residents[0].documentId,
      field: 'name',
      reason: '核对',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^field: /);
  });

  it('street staff (no reveal action) get 403 and nothing is logged', async () => {
    const before = await logCount();
    const res = await reveal(street, {
      type: 'resident',
      documentId: reg.residents[0].documentId,
      field: 'idNumber',
      reason: '核对身份',
    });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain(reg.residents[0].idNumber);
    expect(await logCount()).toBe(before);
  });

  it('another community’s record is refused (403), an unknown one is 404', async () => {
    const before = await logCount();
    const res = await reveal(c1.token, {
      type: 'resident',
      documentId: other.residents[0].documentId,
      field: 'idNumber',
      reason: '核对身份',
    });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain(other.residents[0].idNumber);
    const missing = await reveal(c1.token, {
      type: 'resident',
      documentId: 'nosuchdocument',
      field: 'idNumber',
      reason: '核对身份',
    });
    expect(missing.status).toBe(404);
    expect(await logCount()).toBe(before);
  });
});

describe('the reveal log is append-only', () => {
  it('no staff role reads, edits or deletes it in the Content Manager; no route changes it', async () => {
    const r = reg.residents[2];
    await reveal(c1.token, { type: 'resident', documentId: r.documentId, field: 'phone', reason: '入户走访' });
    const row = await strapi()
      .db.query(RG.revealLog)
      .findOne({ where: { subjectDocumentId: r.documentId } });
    expect(row).toBeTruthy();
    for (const [method, path] of [
      ['get', `${CM}/${RG.revealLog}`],
      ['put', `${CM}/${RG.revealLog}/${row.documentId}`],
      ['delete', `${CM}/${RG.revealLog}/${row.documentId}`],
      ['post', `${CM}/${RG.revealLog}`],
    ] as const) {
      const res = await (http() as any)[method](path).set(bearer(c1.token)).send({ reason: '改掉' });
      expect([method, path, [403, 404].includes(res.status)]).toEqual([method, path, true]);
      // a Super Admin reads it, and cannot change it either
      if (method === 'get') continue;
      const su = await (http() as any)
        [method](path)
        .set(bearer(root))
        .send({ data: { reason: '改掉' }, reason: '改掉' });
      expect([method, path, [403, 404].includes(su.status)]).toEqual([method, path, true]);
    }
    for (const [method, path] of [
      ['put', `/registers/reveal-log/resident/${row.subjectDocumentId}`],
      ['delete', `/registers/reveal-log/resident/${row.subjectDocumentId}`],
      ['get', '/api/reveal-logs'],
    ] as const) {
      const res = await (http() as any)[method](path).set(bearer(root));
      expect([method, path, [404, 405].includes(res.status)]).toEqual([method, path, true]);
    }
    const after = await strapi()
      .db.query(RG.revealLog)
      .findOne({ where: { id: row.id } });
    expect(after.reason).toBe(row.reason);
    expect(
      await strapi()
        .db.query(RG.revealLog)
        .count({ where: { reason: '改掉' } }),
    ).toBe(0);
  });
});
