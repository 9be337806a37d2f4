import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Ctx } from './http';
import type { ExportFormat } from '../shared/export';

export { EXPORT_FORMATS, type ExportFormat } from '../shared/export';

export type ExportCell = string | number | null | undefined;

/** One column: its header as staff read it (Chinese first), a width in characters, and how a row fills it. */
export interface ExportColumn<R> {
  header: string;
  width?: number;
  value: (row: R) => ExportCell;
  /** XLSX only: the cell offers these values in a drop-down and refuses others (templates staff fill in). */
  choices?: readonly string[];
}

/** XLSX only: a further sheet of plain rows after the data (a template's 说明). */
export interface ExportSheet {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<ExportCell>>;
}

export interface ExportTable<R> {
  /** File name without extension (ASCII, so every browser keeps it). */
  filename: string;
  /** Worksheet name in the XLSX file. */
  sheet: string;
  columns: ReadonlyArray<ExportColumn<R>>;
  rows: Iterable<R> | AsyncIterable<R>;
  sheets?: ReadonlyArray<ExportSheet>;
}

/**
 * The last row a drop-down covers: exceljs (and every reader built on it) expands a validation range
 * cell by cell, so the whole column (1,048,576 rows) makes a template take minutes to open. Cells
 * below it get no drop-down; an import checks every cell all the same.
 */
const LAST_ROW = 10001;

/** Spreadsheet column letters of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let out = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * Text that a spreadsheet would read as a formula (or as the start of one after a paste: tab, CR)
 * gets a leading apostrophe, so a member's name like "=HYPERLINK(…)" stays text (OWASP CSV injection).
 * Numbers are written as numbers and need nothing.
 */
export function neutralise(value: ExportCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function* cells<R>(table: ExportTable<R>): AsyncGenerator<Array<string | number>> {
  for await (const row of table.rows) yield table.columns.map((c) => neutralise(c.value(row)));
}

/** CSV with a UTF-8 BOM: without it Excel on Chinese Windows reads the file as GBK and garbles every header. */
function csvStream<R>(table: ExportTable<R>): Readable {
  const out = stringify({
    header: true,
    columns: table.columns.map((c) => neutralise(c.header).toString()),
    bom: true,
  });
  Readable.from(cells(table))
    .on('error', (e) => out.destroy(e))
    .pipe(out);
  return out;
}

/** exceljs' stream writer keeps a sheet's drop-downs here; its typings leave the property out. */
const validationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;

/** XLSX written row by row (nothing held in memory but the current row): bold frozen header, column widths. */
function xlsxStream<R>(table: ExportTable<R>): Readable {
  const out = new PassThrough();
  const write = async () => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({
      key: String(i),
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    }));
    const header = sheet.addRow(table.columns.map((c) => neutralise(c.header)));
    header.font = { bold: true };
    header.commit();
    table.columns.forEach((c, i) => {
      if (!c.choices?.length) return;
      const letter = columnLetter(i + 1);
      validationsOf(sheet).add(`${letter}2:${letter}${LAST_ROW}`, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: true,
        formulae: [`"${c.choices.join(',')}"`],
      });
    });
    for await (const values of cells(table)) sheet.addRow(values).commit();
    sheet.commit();
    for (const extra of table.sheets ?? []) {
      const other = book.addWorksheet(extra.name.slice(0, 31));
      other.columns = [{ width: 18 }, { width: 8 }, { width: 70 }];
      for (const row of extra.rows) other.addRow(row.map(neutralise)).commit();
      other.commit();
    }
    await book.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/**
 * Answers a download of `table` in `format`: sets the headers and returns the stream for `run()` to
 * send. Every export of the suite goes through here, so all share the BOM, the formula guard and the sheet layout.
 */
export function exportTable<R>(ctx: Ctx, format: ExportFormat, table: ExportTable<R>): Readable {
  ctx.set('Content-Type', CONTENT_TYPES[format]);
  ctx.set('Content-Disposition', `attachment; filename="${table.filename}.${format}"`);
  ctx.set('Cache-Control', 'private, no-store');
  return format === 'csv' ? csvStream(table) : xlsxStream(table);
}
