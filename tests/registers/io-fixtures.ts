import ExcelJS from 'exceljs';
import { http, strapi } from '../helpers/strapi';
import { buildWorld, staffAt, type World } from '../scoping/fixtures';
import { bearer } from '../helpers/auth';
import { creditCodeCheckCharacter, identityCheckCharacter } from '../../src/plugins/registers/shared';

/** Excel files as staff send them, and the routes of Excel in and out, through HTTP. */
export type Cells = Array<string | number | boolean | Date | null>;

let serial = 0;
/** A valid 18-digit identity number (GB 11643 check digit), different on every call. */
export function idNumber(): string {
  serial += 1;
  const first17 = `4102231990${String(101 + (serial % 28)).padStart(4, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + identityCheckCharacter(first17);
}
/** A valid 统一社会信用代码 (GB 32100 check character), different on every call. */
export function creditCode(): string {
  serial += 1;
  const first17 = `91410223MA${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** An XLSX workbook of one sheet: the header row, then the rows. */
export async function xlsx(header: string[], rows: Cells[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const upload = (token: string, type: string, file: Buffer, dryRun = false, name = 'data.xlsx') =>
  http()
    .post(`/registers/import/${type}${dryRun ? '?dryRun=true' : ''}`)
    .set(bearer(token))
    .attach('file', file, name);

export async function download(token: string, type: string, template = false) {
  const res = await http()
    .get(`/registers/export/${type}${template ? '?template=true' : ''}`)
    .set(bearer(token))
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return res;
}

/** The workbook of a download, and the values of its first sheet (header first). */
export async function sheetOf(body: Buffer) {
  const book = new ExcelJS.Workbook();
  // exceljs' typings predate Node's generic Buffer.
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)));
  return { book, sheet, rows };
}

/**
 * The scoping world, 甲社区's community staff (token and admin id: a job and a creator name it), the
 * next community's staff, and a building `number` in 甲社区's first compound for house files.
 */
export async function houseWorld(number: string) {
  const w: World = await buildWorld();
  const staff = await staffAt('community-staff', w.c1);
  const admin = (await strapi()
    .db.query('admin::user')
    .findOne({ where: { email: staff.email } })) as { id: number };
  const c2 = (await staffAt('community-staff', w.c2)).token;
  const building = await strapi()
    .documents('plugin::registers.building' as never)
    .create({ data: { number, compound: w.c1.compounds[0].documentId } as never });
  return { w, c1: { token: staff.token, id: admin.id }, c2, building: building.documentId as string };
}
