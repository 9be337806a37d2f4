import { open } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { invalid } from '@grassroots/kit/server';
import type { Raw } from './cells';
import { workbookReader } from './utf8-reader';

/** An XLSX file is a zip archive: its first bytes are the local-file-header signature PK\x03\x04. */
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** 400 `file` unless the upload's bytes start like an XLSX (a PNG or a text renamed .xlsx is refused). */
export async function requireXlsx(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4 || !head.equals(ZIP))
      throw invalid('file', 'is not an Excel workbook (.xlsx) (文件不是 Excel 工作簿 .xlsx)');
  } finally {
    await handle.close();
  }
}

type CellValue = ExcelJS.CellValue;

/** A cell as the registry reads it: text of rich text and hyperlinks, the result of a formula, dates as dates. */
function rawOf(value: CellValue): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return rawOf((value.result ?? null) as CellValue);
  if ('error' in value) return null;
  return String(value);
}

export interface SheetRow {
  /** the row number staff see in Excel */
  row: number;
  cells: Raw[];
}

/**
 * The rows of the first worksheet, read from disk by exceljs' streaming reader (a 100,000-row file
 * is never held in memory as a workbook): the header first, then each row with values, as plain values.
 */
export async function* readRows(path: string): AsyncGenerator<SheetRow> {
  const reader = workbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is sparse (1-based, holes for empty cells): Array.from visits the holes too.
      const values = Array.from((row.values as CellValue[]).slice(1), rawOf);
      if (values.some((v) => v !== null && v !== '')) yield { row: row.number, cells: values };
    }
    // Only the first sheet holds data (the template's 说明 follows it).
    return;
  }
}
