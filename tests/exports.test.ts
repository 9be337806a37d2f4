import ExcelJS from 'exceljs';
import { setupStrapi, teardownStrapi, http, strapi } from './helpers/strapi';
import { bearer, createAdmin } from './helpers/auth';
import { approved, community as ssCommunity } from './star-scoring/fixtures';
import { community, member, unit } from './double-report/fixtures';

/**
 * The downloads staff open in Excel, through HTTP as a staff member gets them: XLSX parsed back
 * (Chinese headers, labels not keys, frozen header, one row per database row), CSV with a BOM, and
 * text that a spreadsheet would run as a formula written as plain text in both.
 */
const YEAR = 2025;
const HOSTILE = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
let root: string;
let street: any;

const download = (url: string) => http().get(url).set(bearer(root)).responseType('blob');

async function workbook(url: string): Promise<ExcelJS.Worksheet> {
  const res = await download(url);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
  const book = new ExcelJS.Workbook();
  // exceljs' typings predate Node's generic Buffer.
  await book.xlsx.load(res.body as unknown as ArrayBuffer);
  return book.worksheets[0];
}
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
const dataRows = (sheet: ExcelJS.Worksheet) =>
  Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => rowValues(sheet, i + 2));

beforeAll(async () => {
  await setupStrapi();
  root = (await createAdmin('strapi-super-admin')).token;
  street = await strapi()
    .documents('api::branch.branch')
    .create({ data: { name: '导出测试街道', code: 'X-ST', level: 'street_committee' } as any });
  const a = await ssCommunity({ code: 'X-A', name: '甲社区', parent: street.documentId });
  await ssCommunity({ code: 'X-B', name: HOSTILE[0], parent: street.documentId });
  await ssCommunity({ code: 'X-C', name: '丙村', category: 'rural', parent: street.documentId });
  await approved(root, a, YEAR, 'party_strength');
  await approved(root, a, YEAR, 'co_governance');

  const c = await community('导出测试社区');
  const u = await unit(c, '导出测试单位');
  for (const name of ['王建国', ...HOSTILE.slice(1)]) await member(u, c, name);
});
afterAll(teardownStrapi);

describe('star ranking export', () => {
  const url = (format: string) => `/star-scoring/rankings?year=${YEAR}&parent=${street.documentId}&format=${format}`;

  it('XLSX: Chinese headers, star names and category in words, a row per branch of the street', async () => {
    const sheet = await workbook(url('xlsx'));
    expect(rowValues(sheet, 1)).toEqual(['排名', '编码', '党组织', '类别', '星级', '所获星', '总分']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(20);
    const inStreet = await strapi()
      .db.query('api::branch.branch')
      .count({ where: { level: 'community_branch', parent: { documentId: street.documentId } } });
    const rows = dataRows(sheet);
    expect(rows).toHaveLength(inStreet);
    expect(rows[0]).toEqual([1, 'X-A', '甲社区', '城市社区', 2, '共建共享星、支部过硬星', 200]);
    expect(rows.find((r) => r[1] === 'X-C')?.[3]).toBe('农村');
    expect(JSON.stringify(rows)).not.toMatch(/party_strength|co_governance|urban|rural/);
    // The hostile branch name is text, never a formula.
    const hostile = rows.find((r) => r[1] === 'X-B');
    expect(hostile?.[2]).toBe(`'${HOSTILE[0]}`);
    expect(sheet.getRow(rows.findIndex((r) => r[1] === 'X-B') + 2).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });

  it('CSV: starts with a UTF-8 BOM, same labels, formula text neutralised', async () => {
    const res = await http().get(url('csv')).set(bearer(root));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trim().split('\n');
    expect(lines[0]).toBe('排名,编码,党组织,类别,星级,所获星,总分');
    expect(lines[1]).toBe('1,X-A,甲社区,城市社区,2,共建共享星、支部过硬星,200');
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(lines.slice(1).some((l) => /,=/.test(l))).toBe(false);
  });

  it('an unknown format is a 400 naming the field', async () => {
    const res = await http().get(url('pdf')).set(bearer(root));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^format: must be json, csv or xlsx/);
  });
});

describe('double-report dashboard export', () => {
  const url = (format: string) => `/double-report/dashboard?year=${YEAR}&format=${format}`;

  it('XLSX: Chinese headers, one row per member, formula names kept as text', async () => {
    const sheet = await workbook(url('xlsx'));
    expect(rowValues(sheet, 1)).toEqual([
      '党员',
      '报到单位',
      '服务次数',
      '已审核时长（小时）',
      '待审核时长（小时）',
      '平均评价',
      '积分',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = dataRows(sheet);
    expect(rows).toHaveLength(await strapi().db.query('plugin::double-report.member').count());
    const names = rows.map((r) => String(r[0]));
    expect(names).toContain('王建国');
    // XML reads a stored CR back as LF: the apostrophe in front is what matters.
    for (const h of HOSTILE.slice(1)) expect(names).toContain(`'${h.replace('\r', '\n')}`);
    expect(names.every((n) => !/^[=+\-@\t\r]/.test(n))).toBe(true);
    expect(rows.find((r) => r[0] === '王建国')?.slice(1, 3)).toEqual(['导出测试单位', 0]);
  });

  it('CSV: BOM first, formula names neutralised', async () => {
    const res = await http().get(url('csv')).set(bearer(root));
    expect(res.status).toBe(200);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = res.text.slice(1).trim().split('\n');
    expect(lines[0]).toBe('党员,报到单位,服务次数,已审核时长（小时）,待审核时长（小时）,平均评价,积分');
    expect(lines).toContain("'+1+1,导出测试单位,0,0,0,,0");
    expect(lines).toContain("'@SUM(A1),导出测试单位,0,0,0,,0");
  });

  it('staff without the dashboard right get no export', async () => {
    const res = await http().get(url('xlsx'));
    expect(res.status).toBe(401);
  });
});
