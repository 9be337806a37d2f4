import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { buildWorld, staffAt, type World } from '../scoping/fixtures';
import { creditCode, download, idNumber, sheetOf, upload, xlsx, type Cells } from './io-fixtures';

/**
 * Excel in and out of the registers (一表) through HTTP as staff use it: templates, exports scoped
 * to the caller's organisation with personal values masked, imports checked row by row (dry run),
 * written all or nothing, upserted by natural key, and refused outside the organisation.
 */
const TYPES = [
  'branch',
  'grid',
  'compound',
  'representative',
  'unit',
  'member',
  'building',
  'house',
  'resident',
  'rental',
  'shop',
  'firm',
] as const;
const UIDS: Record<(typeof TYPES)[number], string> = {
  branch: 'api::branch.branch',
  grid: 'api::grid.grid',
  compound: 'api::compound.compound',
  representative: 'api::representative.representative',
  unit: 'plugin::double-report.unit',
  member: 'plugin::double-report.member',
  building: 'plugin::registers.building',
  house: 'plugin::registers.house',
  resident: 'plugin::registers.resident',
  rental: 'plugin::registers.rental',
  shop: 'plugin::registers.shop',
  firm: 'plugin::registers.firm',
};
const HOUSE_HEADER = ['小区编码', '网格编码', '楼栋号', '单元', '房号', '楼层', '面积', '用途'];
const HOSTILE = '=HYPERLINK("http://evil.example","点我")';

let w: World;
let root: string;
let c1: string;
let street: string;
const count = (type: (typeof TYPES)[number]) =>
  strapi()
    .db.query(UIDS[type] as any)
    .count({});

/** One good row of each registry inside 甲社区 (C1), in the order their relations need. */
function goodFiles(): Record<(typeof TYPES)[number], { header: string[]; rows: Cells[] }> {
  const grid = w.c1.grids[0].code;
  const compound = w.c1.compounds[0].code;
  const house: Cells = [compound, grid, 'IO-1号楼', 1, '101'];
  return {
    branch: {
      header: ['编码', '名称', '层级', '类别', '上级党组织编码', '书记', '党员人数', '联系电话', '成立日期'],
      rows: [
        ['IO-B1', '甲社区第9小区党小组', '小区党小组', '城市社区', w.c1.code, '李明', 12, '13800001111', '2020-07-01'],
      ],
    },
    grid: {
      header: ['编码', '名称', '网格层级', '所属党组织编码', '上级网格编码', '户数', '人口'],
      rows: [['IO-G1', '甲社区第9网格', '二级网格', w.c1.code, grid, 120, 360]],
    },
    compound: {
      header: [
        '编码',
        '名称',
        '网格编码',
        '小区党小组编码',
        '地址',
        '户数',
        '建成年份',
        '老旧小区',
        '三无小区',
        '红色物业',
        '业主委员会',
      ],
      rows: [['IO-K1', '幸福小区', grid, 'IO-B1', '人民路 1 号', 200, 1998, '是', '否', '是', '红色业主委员会']],
    },
    representative: {
      header: ['姓名', '网格编码', '类别', '层级', '联络站', '联系电话', '履职情况'],
      rows: [['赵代表', grid, '人大代表', '县级', '人大代表联络站', '13900002222', '每月接待选民']],
    },
    unit: {
      header: ['单位名称', '报到社区编码', '单位党组织编码', '联系人', '联系电话'],
      rows: [['县税务局', w.c1.code, '', '钱主任', '0371-2345678']],
    },
    member: {
      header: ['姓名', '报到社区编码', '所在单位名称', '所在单位报到社区编码', '联系电话'],
      rows: [['孙党员', w.c1.code, '县税务局', w.c1.code, '13700003333']],
    },
    building: {
      header: ['小区编码', '网格编码', '楼栋号', '单元数', '层数', '楼长', '纬度', '经度'],
      rows: [[compound, grid, 'IO-1号楼', 2, 6, '周楼长', 34.412, 114.193]],
    },
    house: { header: HOUSE_HEADER, rows: [[...house, 1, 89.5, '出租']] },
    resident: {
      header: [
        '公民身份号码',
        '姓名',
        ...HOUSE_HEADER.slice(0, 5),
        '联系电话',
        '与户主关系',
        '人口类型',
        '关爱标签',
        '党员',
      ],
      rows: [[idNumber(), '吴居民', ...house, '13600004444', '户主', '常住', '独居、80岁以上', '是']],
    },
    rental: {
      header: [
        ...HOUSE_HEADER.slice(0, 5),
        '起租日期',
        '到期日期',
        '房东',
        '房东电话',
        '居住人数',
        '用途',
        '治安责任书',
      ],
      rows: [[...house, '2025-03-01', '2026-02-28', '郑房东', '13500005555', 2, '居住', '是']],
    },
    shop: {
      header: [
        '统一社会信用代码',
        '店名',
        '经营者',
        '经营者电话',
        '类别',
        '九小场所',
        '消防检查日期',
        '网格编码',
        '地址',
        '纬度',
        '经度',
      ],
      rows: [
        [
          creditCode(),
          HOSTILE,
          '王老板',
          '13400006666',
          '餐饮',
          '是',
          '2025-05-20',
          grid,
          '人民路 3 号',
          34.41,
          114.19,
        ],
      ],
    },
    firm: {
      header: [
        '统一社会信用代码',
        '企业名称',
        '规模',
        '从业人数',
        '联系人',
        '联系电话',
        '党组织编码',
        '网格编码',
        '地址',
        '纬度',
        '经度',
      ],
      rows: [
        [creditCode(), '尉氏纺织有限公司', '中型', 230, '冯经理', '13300007777', '', grid, '工业园 8 号', 34.4, 114.2],
      ],
    },
  };
}

beforeAll(async () => {
  await setupStrapi();
  root = (await createAdmin('strapi-super-admin')).token;
  w = await buildWorld();
  c1 = (await staffAt('community-staff', w.c1)).token;
  street = (await staffAt('street-staff', w.s1)).token;
});
afterAll(teardownStrapi);

describe('each registry: template, import, export, round trip', () => {
  const files = () => goodFiles();
  let good: ReturnType<typeof goodFiles>;
  beforeAll(() => {
    good = files();
  });

  it.each(TYPES)(
    '%s: the template has the Chinese headers, a frozen header, drop-downs and a 说明 sheet',
    async (type) => {
      const res = await download(c1, type, true);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/template\.xlsx"/);
      const { book, sheet, rows } = await sheetOf(res.body);
      expect(rows).toHaveLength(1);
      for (const header of good[type].header) expect(rows[0]).toContain(header);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const notes = book.getWorksheet('说明');
      expect(notes?.actualRowCount).toBeGreaterThan(rows[0].length);
    },
  );

  it.each(TYPES)(
    '%s: a good file commits, the same file again is unchanged, the export imports back unchanged',
    async (type) => {
      const before = await count(type);
      const file = await xlsx(good[type].header, good[type].rows);
      const first = await upload(c1, type, file);
      // The refusal's message is part of what is compared, so that a failure says why.
      expect({ status: first.status, error: first.body.error?.message, errors: first.body.data?.errors }).toEqual({
        status: 200,
        error: undefined,
        errors: [],
      });
      expect(first.body.data).toMatchObject({ rows: 1, created: 1, updated: 0, unchanged: 0, committed: true });
      expect(await count(type)).toBe(before + 1);

      const again = await upload(c1, type, file);
      expect(again.body.data).toMatchObject({ rows: 1, created: 0, updated: 0, unchanged: 1 });

      const exported = await download(c1, type);
      expect(exported.status).toBe(200);
      const { rows } = await sheetOf(exported.body);
      expect(rows.length).toBeGreaterThan(1);
      const back = await upload(c1, type, exported.body, true);
      expect(back.status).toBe(200);
      expect(back.body.data).toMatchObject({ rows: rows.length - 1, created: 0, updated: 0, errors: [] });
      expect(back.body.data.unchanged).toBe(rows.length - 1);
      expect(await count(type)).toBe(before + 1);
    },
  );

  it('the registries list every enumeration value of the schemas (a new value cannot go missing from the template)', async () => {
    const res = await download(c1, 'shop', true);
    const { sheet } = await sheetOf(res.body);
    const model = strapi().getModel('plugin::registers.shop' as any).attributes as any;
    const validation = (sheet as any).dataValidations.model as Record<string, { formulae: string[] }>;
    const list = Object.values(validation).map((v) => v.formulae[0]);
    expect(list.some((f) => f.split(',').length === model.category.enum.length)).toBe(true);
    expect(list).toContainEqual('"是,否"');
  });
});

describe('what an export shows', () => {
  it('masks identity numbers, phones and care tags; the raw values appear nowhere', async () => {
    const stored: any = await strapi()
      .db.query('plugin::registers.resident')
      .findOne({ where: { name: '吴居民' } });
    const { rows } = await sheetOf((await download(c1, 'resident')).body);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(stored.idNumber);
    expect(text).not.toContain(stored.phone);
    const row = rows.find((r) => r.includes('吴居民'))!;
    expect(row[0]).toBe(`${stored.idNumber.slice(0, 4)}**********${stored.idNumber.slice(-4)}`);
    expect(row).toContain(`${stored.phone.slice(0, 3)}****${stored.phone.slice(-4)}`);
    expect(row).toContain('***');
    expect(text).not.toMatch(/独居|80岁以上/);
  });

  it('writes formula text as text: the hostile shop name comes out behind an apostrophe', async () => {
    const { sheet, rows } = await sheetOf((await download(c1, 'shop')).body);
    const at = rows.findIndex((r) => r[1] === `'${HOSTILE}`);
    expect(at).toBeGreaterThan(0);
    expect(sheet.getRow(at + 1).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('holds only the rows of the caller’s organisation', async () => {
    const other = await strapi()
      .documents('plugin::registers.building' as any)
      .create({ data: { number: 'C3-楼', compound: w.c3.compounds[0].documentId } as any });
    const { rows } = await sheetOf((await download(c1, 'building')).body);
    expect(JSON.stringify(rows)).not.toContain('C3-楼');
    const all = await sheetOf((await download(root, 'building')).body);
    expect(JSON.stringify(all.rows)).toContain('C3-楼');
    expect(other.documentId).toBeTruthy();
  });
});

describe('what an import refuses', () => {
  const houseRows = (n: number, use = '自住'): Cells[] =>
    Array.from({ length: n }, (_, i) => [
      w.c1.compounds[0].code,
      w.c1.grids[0].code,
      'IO-1号楼',
      2,
      `${200 + i}`,
      2,
      70,
      use,
    ]);

  it('a dry run names the row and the column of each refusal and writes nothing', async () => {
    const before = await count('house');
    const rows = houseRows(3);
    rows[1][7] = '租出去了';
    rows[2][4] = null;
    const res = await upload(c1, 'house', await xlsx(HOUSE_HEADER, rows), true);
    expect(res.status).toBe(200);
    expect(res.body.data.errors).toEqual([
      { row: 3, column: '用途', message: expect.stringMatching(/^须为以下之一：自住、出租、空置、商铺/) },
      { row: 4, column: '房号', message: '必填' },
    ]);
    expect(res.body.data).toMatchObject({ rows: 3, created: 1, dryRun: true, committed: false });
    expect(await count('house')).toBe(before);
  });

  it('a file with one bad row commits nothing', async () => {
    const before = await count('house');
    const rows = houseRows(4);
    rows[3][5] = 'twelve';
    const res = await upload(c1, 'house', await xlsx(HOUSE_HEADER, rows));
    expect(res.status).toBe(200);
    expect(res.body.data.errors).toEqual([{ row: 5, column: '楼层', message: '须为整数' }]);
    expect(res.body.data.committed).toBe(false);
    expect(await count('house')).toBe(before);
  });

  it('the same natural key twice in one file, a bad identity number and a bad credit code', async () => {
    const rows = houseRows(2);
    rows[1][4] = rows[0][4];
    const dup = await upload(c1, 'house', await xlsx(HOUSE_HEADER, rows), true);
    expect(dup.body.data.errors).toEqual([{ row: 3, column: '小区编码', message: '与第 2 行重复（同一记录）' }]);
    const firm = goodFiles().firm;
    firm.rows[0][0] = '91410223MA00000001';
    const bad = await upload(c1, 'firm', await xlsx(firm.header, firm.rows), true);
    expect(bad.body.data.errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
    const resident = goodFiles().resident;
    resident.rows[0][0] = '410223199001011230';
    const badId = await upload(c1, 'resident', await xlsx(resident.header, resident.rows), true);
    expect(badId.body.data.errors[0]).toMatchObject({ row: 2, column: '公民身份号码' });
  });

  it('rows outside the caller’s organisation are refused and never written', async () => {
    const code = creditCode();
    await strapi()
      .documents('plugin::registers.firm' as any)
      .create({ data: { name: '丙社区企业', creditCode: code, grid: w.c3.grids[0].documentId } as any });
    const firm = goodFiles().firm;
    firm.rows.push([code, '改名企业', '小型', 5, '', '', '', w.c1.grids[0].code, '', null, null]);
    firm.rows.push([creditCode(), '越界企业', '小型', 5, '', '', '', w.c3.grids[0].code, '', null, null]);
    const before = await count('firm');
    const res = await upload(c1, 'firm', await xlsx(firm.header, firm.rows));
    expect(res.body.data.errors).toEqual([
      { row: 3, column: '统一社会信用代码', message: '该记录不在本组织及下级范围内，不能导入' },
      { row: 4, column: '网格编码', message: '该网格不在本组织及下级范围内，不能导入' },
    ]);
    expect(await count('firm')).toBe(before);
    const kept: any = await strapi()
      .db.query('plugin::registers.firm')
      .findOne({ where: { creditCode: code } });
    expect(kept.name).toBe('丙社区企业');
  });

  it('a masked cell keeps the stored value; a changed cell updates only its row', async () => {
    const { rows } = await sheetOf((await download(c1, 'resident')).body);
    const header = rows[0] as string[];
    const mine = rows.find((r) => r.includes('吴居民'))!;
    const before: any = await strapi()
      .db.query('plugin::registers.resident')
      .findOne({ where: { name: '吴居民' } });
    mine[header.indexOf('人口类型')] = '暂住';
    const res = await upload(c1, 'resident', await xlsx(header, [mine as Cells]));
    expect(res.body.data).toMatchObject({ rows: 1, updated: 1, created: 0, errors: [] });
    const after: any = await strapi()
      .db.query('plugin::registers.resident')
      .findOne({ where: { id: before.id } });
    expect(after).toMatchObject({ type: 'temporary', idNumber: before.idNumber, phone: before.phone });
    expect(after.careTags).toEqual(before.careTags);
  });

  it('a file that is not an XLSX (text or PNG named .xlsx) is a 400 naming file; an unknown type a 400 naming type', async () => {
    const text = await upload(c1, 'house', Buffer.from('编码,名称\nA,B\n'), false, 'fake.xlsx');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(/^file: /);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = await upload(c1, 'house', png, false, 'photo.xlsx');
    expect(image.status).toBe(400);
    expect(image.body.error.message).toMatch(/^file: /);
    const unknown = await download(c1, 'spaceship');
    expect(unknown.status).toBe(400);
    const body = JSON.parse(unknown.body.toString());
    expect(body.error.message).toMatch(/^type: /);
  });

  it('a header without a required column is a 400 naming file and the column', async () => {
    const res = await upload(c1, 'house', await xlsx(['小区编码', '楼栋号'], [['x', 'y']]), true);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^file: .*房号/);
  });

  it('street staff may export but not import (RBAC)', async () => {
    expect((await download(street, 'house')).status).toBe(200);
    const res = await upload(street, 'house', await xlsx(HOUSE_HEADER, houseRows(1)), true);
    expect(res.status).toBe(403);
  });
});

describe('Chinese text across the reader’s chunks', () => {
  // 1,000 rooms of 15 Chinese characters: the shared-strings part of the file inflates in several
  // chunks, and exceljs' own decoding garbled the character split by each boundary (U+FFFD).
  const DIGITS = '零一二三四五六七八九';
  const chinese = (i: number) => [...String(i).padStart(4, '0')].map((d) => DIGITS[Number(d)]).join('');
  const room = (i: number) => `${chinese(i)}号东单元北侧朝南大房间`;

  it('every room of a 1,000-row file is stored exactly as it was typed', async () => {
    await strapi()
      .documents('plugin::registers.building' as any)
      .create({ data: { number: '长文楼', compound: w.c1.compounds[1].documentId } as any });
    const rows = Array.from({ length: 1000 }, (_, i): Cells => [
      w.c1.compounds[1].code,
      null,
      '长文楼',
      1,
      room(i),
      1,
      55,
      '自住',
    ]);
    const res = await upload(c1, 'house', await xlsx(HOUSE_HEADER, rows));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ rows: 1000, created: 1000, errors: [], committed: true });
    const stored = (await strapi()
      .db.query('plugin::registers.house' as any)
      .findMany({ where: { building: { number: '长文楼' } }, select: ['room'] })) as Array<{ room: string }>;
    expect(stored.map((h) => h.room).sort()).toEqual(rows.map((r) => r[4]).sort());
  });

  it('a workbook streamed like an export, its sheet over 1 MB before [Content_Types].xml, is taken as XLSX', async () => {
    // exceljs' streaming writer (the kit's export) writes the sheet first with its size after the data:
    // the upload guard's byte check saw a plain zip past 1 MB of it and refused big exports (400 file).
    const chunks: Buffer[] = [];
    const out = new PassThrough().on('data', (c: Buffer) => chunks.push(c));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = book.addWorksheet('房屋');
    sheet.addRow([...HOUSE_HEADER, '备注']).commit();
    for (let i = 0; i < 100; i += 1)
      sheet
        .addRow([w.c1.compounds[1].code, null, '长文楼', 2, `Z${i}`, 1, 50, '空置', randomBytes(15000).toString('hex')])
        .commit();
    sheet.commit();
    await book.commit();
    const file = Buffer.concat(chunks);
    expect(file.length).toBeGreaterThan(1024 * 1024);
    const res = await upload(c1, 'house', file, true);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ rows: 100, created: 100, errors: [], dryRun: true });
  });
});

describe('a big file', () => {
  it('answers 202 with a job whose progress and report its owner polls', async () => {
    await strapi()
      .documents('plugin::registers.building' as any)
      .create({ data: { number: 'BIG-楼', compound: w.c1.compounds[1].documentId } as any });
    const rows = Array.from({ length: 5001 }, (_, i): Cells => [
      w.c1.compounds[1].code,
      null,
      'BIG-楼',
      3,
      `B${i}`,
      1,
      60,
      '空置',
    ]);
    const res = await upload(c1, 'house', await xlsx(HOUSE_HEADER, rows), true);
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ type: 'house', status: 'queued', dryRun: true });
    const id = res.body.data.id as string;
    let job: any;
    for (let i = 0; i < 120; i += 1) {
      job = (await http().get(`/registers/import/jobs/${id}`).set(bearer(c1))).body.data;
      if (job.status === 'done' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: 'done', progress: { read: 5001, validated: 5001 } });
    expect(job.report).toMatchObject({ rows: 5001, created: 5001, errors: [], committed: false });
    const other = await http().get(`/registers/import/jobs/${id}`).set(bearer(root));
    expect(other.status).toBe(404);
  });
});
