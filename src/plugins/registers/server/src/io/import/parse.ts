import { invalid } from '@grassroots/kit/server';
import { fromCell, type Raw } from '../cells';
import type { Column, Registry } from '../registries/types';
import type { FileRow, RowError } from './types';

/** Which cell of a row each column reads: by its header (order and extra columns do not matter). */
export function mapHeader(registry: Registry, header: Raw[]): Map<Column, number> {
  const at = new Map(header.map((h, i) => [String(h ?? '').trim(), i]));
  const missing = registry.columns.filter((c) => c.required && !at.has(c.header)).map((c) => c.header);
  if (missing.length)
    throw invalid(
      'file',
      `the first row lacks required columns: ${missing.join(', ')} (首行缺少必填列：${missing.join('、')}；请使用下载的模板)`,
    );
  return new Map(registry.columns.filter((c) => at.has(c.header)).map((c) => [c, at.get(c.header)!]));
}

/** Parses one data row; every refused cell goes to `errors` (a row may have several). */
export function parseRow(
  registry: Registry,
  columns: Map<Column, number>,
  row: number,
  cells: Raw[],
  errors: RowError[],
): FileRow {
  const values: FileRow['values'] = {};
  let failed = false;
  for (const column of registry.columns) {
    const index = columns.get(column);
    // A column the file leaves out is left as it is stored.
    if (index === undefined) continue;
    const parsed = fromCell(registry.uid, column, cells[index] ?? null);
    if ('error' in parsed) {
      failed = true;
      errors.push({ row, column: column.header, message: parsed.error });
    } else values[column.path] = 'keep' in parsed ? { keep: parsed.keep } : parsed.value;
  }
  return { row, values, failed };
}
