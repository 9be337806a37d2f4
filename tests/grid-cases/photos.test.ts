import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { buildWorld, worldStaff, type World } from '../scoping/fixtures';
import { A, P, category, countCases, gridWorker, ownerMove, ownerUnit, report, staffMove } from './fixtures';

// A real 1×1 PNG, a PDF header and plain text: the names lie, the bytes decide.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const TEXT = Buffer.from('<html><script>alert(1)</script></html>');

let w: World;
let staff: { c1: string; street: string; county: string };
let worker: { jwt: string; userId: number };
let neighbour: { jwt: string; userId: number };
let unit: { documentId: string; name: string; jwt: string };
let cat: any;

const field = (res: any) => res.body?.error?.details?.errors?.[0]?.path?.join('.') ?? res.body?.error?.details?.field;
const caseBody = () => ({
  title: '楼道堆物',
  description: '2单元楼道堆放杂物，影响通行。',
  category: cat.documentId,
  source: 'five_heads',
  grid: w.c1.grids[0].documentId,
});
/** POST /cases as multipart: the case in `data`, the photos under photosBefore. */
const reportWith = (files: Array<[Buffer, string]>, key = `p-${Math.random()}`) => {
  let req = http()
    .post(`${P}/cases`)
    .set(bearer(worker.jwt))
    .set('Idempotency-Key', key)
    .field('data', JSON.stringify(caseBody()));
  for (const [bytes, name] of files) req = req.attach('photosBefore', bytes, name);
  return req;
};
const detail = (id: string) => http().get(`${A}/cases/${id}`).set(bearer(staff.c1));

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  worker = await gridWorker(w.c1.grids[0]);
  neighbour = await gridWorker(w.c1.grids[0]);
  unit = await ownerUnit(w.c1);
  cat = await category(3);
});
afterAll(teardownStrapi);

describe('photos before and after (照片)', () => {
  it('a report carries before-photos; staff see them in the detail answer', async () => {
    const r = await reportWith([[PNG, 'lamp.png']]);
    expect(r.status).toBe(201);
    const d = await detail(r.body.data.documentId);
    expect(d.status).toBe(200);
    expect(d.body.data.photos.after).toEqual([]);
    expect(d.body.data.photos.before).toHaveLength(1);
    expect(d.body.data.photos.before[0]).toEqual({
      id: expect.any(Number),
      url: expect.stringMatching(/^\/uploads\/.+\.png$/),
      name: 'lamp.png',
    });
    const file = await http().get(d.body.data.photos.before[0].url);
    expect([file.status, file.headers['content-type']]).toEqual([200, 'image/png']);
  });

  it('refuses files that are not images by their bytes, naming the field, and writes no case', async () => {
    const before = await countCases();
    for (const bytes of [PDF, TEXT]) {
      const r = await reportWith([
        [PNG, 'ok.png'],
        [bytes, 'photo.jpg'],
      ]);
      expect([r.status, field(r)]).toEqual([400, 'photosBefore']);
    }
    expect(await countCases()).toBe(before);
  });

  it('refuses a photo over 10 MB, naming the field', async () => {
    const before = await countCases();
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const r = await reportWith([[big, 'big.png']]);
    expect([r.status, field(r)]).toEqual([400, 'photosBefore']);
    expect(r.body.error.message).toMatch(/10 MB/);
    expect(await countCases()).toBe(before);
  });

  it('a PNG renamed .jpg is stored as what it is', async () => {
    const r = await reportWith([[PNG, 'renamed.jpg']]);
    expect(r.status).toBe(201);
    const d = await detail(r.body.data.documentId);
    expect(d.body.data.photos.before[0].url).toMatch(/\.png$/);
  });

  it('the reporter adds before-photos while the case is open, up to 9; nobody else may', async () => {
    const r = await report(worker.jwt, caseBody());
    const id = r.body.data.documentId;
    const add = (jwt: string, n: number) => {
      let req = http().post(`${P}/cases/${id}/photos`).set(bearer(jwt));
      for (let i = 0; i < n; i += 1) req = req.attach('photosBefore', PNG, `p${i}.png`);
      return req;
    };
    expect((await add(neighbour.jwt, 1)).status).toBe(404);
    const ok = await add(worker.jwt, 2);
    expect(ok.status).toBe(200);
    expect((await detail(id)).body.data.photos.before).toHaveLength(2);
    const tooMany = await add(worker.jwt, 8);
    expect([tooMany.status, field(tooMany)]).toEqual([400, 'photosBefore']);
    expect((await detail(id)).body.data.photos.before).toHaveLength(2);
    const wrongField = await http()
      .post(`${P}/cases/${id}/photos`)
      .set(bearer(worker.jwt))
      .attach('photosAfter', PNG, 'x.png');
    expect(wrongField.status).toBe(400);
    const history = (await detail(id)).body.data.history.map((e: any) => e.action);
    expect(history).toEqual(['report', 'photos_added']);

    expect((await staffMove(staff.c1, id, 'return', { reason: '不属于网格事项' })).status).toBe(200);
    const closed = await add(worker.jwt, 1);
    expect([closed.status, field(closed)]).toEqual([409, 'status']);
  });

  it('the owner adds after-photos at 办结; the public page shows how many, never the files', async () => {
    const r = await reportWith([[PNG, 'before.png']]);
    const id = r.body.data.documentId;
    expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
    expect((await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId })).status).toBe(
      200,
    );
    expect((await ownerMove(unit.jwt, id, 'sign')).status).toBe(200);
    expect((await ownerMove(unit.jwt, id, 'start')).status).toBe(200);
    const bad = await http()
      .post(`${P}/cases/${id}/handle`)
      .set(bearer(unit.jwt))
      .field('result', '已清理')
      .attach('photosAfter', PDF, 'after.jpg');
    expect([bad.status, field(bad)]).toEqual([400, 'photosAfter']);
    expect((await detail(id)).body.data.status).toBe('handling');
    const h = await http()
      .post(`${P}/cases/${id}/handle`)
      .set(bearer(unit.jwt))
      .field('result', '已清理')
      .attach('photosAfter', PNG, 'after1.png')
      .attach('photosAfter', PNG, 'after2.png');
    expect(h.status).toBe(200);
    expect(h.body.data).toMatchObject({ status: 'handled', result: '已清理' });
    const d = await detail(id);
    // Both stored; their order is the order the body parser finished writing them to disk, not always the sent one.
    expect(d.body.data.photos.after.map((p: any) => p.name).sort()).toEqual(['after1.png', 'after2.png']);
    expect(d.body.data.photos.before).toHaveLength(1);

    const pub = await http().get(`${P}/cases/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.data.photosAfter).toBe(2);
    expect(JSON.stringify(pub.body)).not.toMatch(/uploads|photosBefore/);
  });
});
