import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { describePg, burst } from '../races/helpers';
import { CM, type World } from '../scoping/fixtures';
import { download, houseWorld, idNumber, sheetOf, upload, xlsx, type Cells } from './io-fixtures';

/**
 * How a checked file is written: the import reads the file a chunk of 1,000 rows at a time (checked
 * first, then read again and written in one transaction), and inserts the registers' rows in
 * batches. What staff see afterwards must be what one Document Service create per row gave: every
 * row under its building, in the file's order, inside the importer's organisation, with the
 * importer as creator; a duplicate is refused across chunks; on PostgreSQL, two uploads of the same
 * new rows at once write them once.
 */
const HOUSE = 'plugin::registers.house';
const HEADER = ['小区编码', '网格编码', '楼栋号', '单元', '房号', '楼层', '面积', '用途'];
const BUILDING = 'COMMIT-楼';

let w: World;
let c1: { token: string; id: number };
let c2: string;
let building: string;
let serial = 0;
const houses = () => strapi().db.query(HOUSE).count({});

/** `n` new houses of the building in 甲社区's first compound, rooms numbered in file order. */
function rows(n: number): Cells[] {
  serial += 1;
  return Array.from({ length: n }, (_, i): Cells => [
    w.c1.compounds[0].code,
    null,
    BUILDING,
    1 + (i % 4),
    `R${serial}-${String(i).padStart(5, '0')}`,
    1 + (i % 20),
    60 + (i % 50),
    i % 3 ? '自住' : '出租',
  ]);
}

beforeAll(async () => {
  await setupStrapi();
  ({ w, c1, c2, building } = await houseWorld(BUILDING));
});
afterAll(teardownStrapi);

/** The Content Manager's list of the building's houses as `token` sees it. */
const listed = (token: string, query = '') =>
  http().get(`${CM}/${HOUSE}?filters[building][documentId][$eq]=${building}&pageSize=10${query}`).set(bearer(token));

describe('a file of several chunks', () => {
  it('2,500 rows: written whole, under their building in the order of the file, inside the community, the importer as creator', async () => {
    const before = await houses();
    const file = rows(2500);
    const res = await upload(c1.token, 'house', await xlsx(HEADER, file));
    expect({ status: res.status, error: res.body.error?.message }).toEqual({ status: 200, error: undefined });
    expect(res.body.data).toMatchObject({ rows: 2500, created: 2500, errors: [], committed: true });
    expect((await houses()) - before).toBe(2500);

    // Staff of the community see all of them (scope columns written), staff of the next community none.
    const mine = await listed(c1.token, '&sort=id:asc');
    expect(mine.status).toBe(200);
    expect(mine.body.pagination.total).toBe(2500);
    expect(mine.body.results.map((h: { room: string }) => h.room)).toEqual(file.slice(0, 10).map((r) => r[4]));
    expect(mine.body.results[0]).toMatchObject({ unit: 1, floor: 1, area: 60, use: 'rented' });
    const theirs = await listed(c2);
    expect(theirs.status).toBe(200);
    expect(theirs.body.pagination.total).toBe(0);

    // The building's edit view lists its houses in the order they were written (the join table's order column).
    const relation = await http()
      .get(`/content-manager/relations/plugin::registers.building/${building}/houses?pageSize=5`)
      .set(bearer(c1.token));
    expect(relation.status).toBe(200);
    expect(relation.body.pagination.total).toBe(2500);
    // Newest first, as after one create per row.
    expect(relation.body.results.map((h: { room: string }) => h.room)).toEqual(
      file
        .slice(-5)
        .reverse()
        .map((r) => r[4]),
    );

    const entry = await http().get(`${CM}/${HOUSE}/${mine.body.results[0].documentId}`).set(bearer(c1.token));
    expect(entry.status).toBe(200);
    expect(entry.body.data.createdBy).toMatchObject({ id: c1.id });
  });

  it('the same house twice, 1,145 rows apart (in different chunks): refused naming both rows, nothing written', async () => {
    const before = await houses();
    const file = rows(1200);
    file[1148] = [...file[3]];
    const res = await upload(c1.token, 'house', await xlsx(HEADER, file));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ rows: 1200, committed: false });
    // Excel rows: the header is row 1, so file[3] is row 5 and file[1148] row 1150.
    expect(res.body.data.errors).toEqual([
      { row: 1150, column: expect.any(String), message: '与第 5 行重复（同一记录）' },
    ]);
    expect(await houses()).toBe(before);
  });
});

describe('one record named by two rows', () => {
  it('a resident by full identity number in one row and by the masked line of an export in another: refused as a duplicate, nothing written', async () => {
    const id = idNumber();
    const [house] = rows(1);
    const header = ['公民身份号码', '姓名', ...HEADER.slice(0, 5), '联系电话', '人口类型'];
    const person: Cells = [id, '何居民', ...house.slice(0, 5), '13600001111', '常住'];
    expect((await upload(c1.token, 'house', await xlsx(HEADER, [house]))).body.data).toMatchObject({ created: 1 });
    expect((await upload(c1.token, 'resident', await xlsx(header, [person]))).body.data).toMatchObject({ created: 1 });

    // The export masks the number and the phone; its line finds the person by house and name.
    const { rows: exported } = await sheetOf((await download(c1.token, 'resident')).body);
    const at = (name: string) => exported[0].indexOf(name);
    const line = exported.find((r) => r[at('姓名')] === '何居民')!;
    expect(String(line[at('公民身份号码')])).not.toBe(id);
    const changed = [...line];
    changed[at('公民身份号码')] = id;
    changed[at('联系电话')] = '13600002222';
    const res = await upload(c1.token, 'resident', await xlsx(exported[0] as string[], [changed, line] as Cells[]));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ rows: 2, committed: false });
    expect(res.body.data.errors).toEqual([
      { row: 3, column: expect.any(String), message: '与第 2 行重复（同一记录）' },
    ]);
    const stored = await strapi()
      .db.query('plugin::registers.resident')
      .findOne({ where: { idNumber: id } });
    expect(stored.phone).toBe('13600001111');
  });
});

describePg('two uploads of the same new houses at once (PostgreSQL)', () => {
  it('the houses are written once: each answer is 200 or 409, never a 500, and they created 1,500 between them', async () => {
    const before = await houses();
    const file = await xlsx(HEADER, rows(1500));
    const answers = await burst(3, () => upload(c1.token, 'house', file));
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const won = answers.filter((a) => a.status === 200 && a.body.data.committed);
    expect(won.length).toBeGreaterThanOrEqual(1);
    // Each report says what its commit wrote: one created them, any later one found them unchanged.
    expect(won.reduce((n, a) => n + a.body.data.created, 0)).toBe(1500);
    for (const a of won) expect(a.body.data.created + a.body.data.unchanged).toBe(1500);
    for (const lost of answers.filter((a) => a.status === 409))
      expect(lost.body.error.message).toMatch(/^file: .*请重新导入/);
    expect((await houses()) - before).toBe(1500);
  });
});
