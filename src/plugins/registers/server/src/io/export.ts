import type { Core, UID } from '@strapi/strapi';
import { scopeWhere, type RouteScope } from '@grassroots/kit/server';
import type { ExportTable } from '@grassroots/kit/export';
import { choicesOf, describe, normalise, toCell } from './cells';
import { columnPaths, readShape, valueAt, type Row } from './query';
import type { Registry } from './registries/types';

const BATCH = 1000;

/** The registry's rows within the caller's organisation, read in batches by id (never all at once). */
async function* scopedRows(strapi: Core.Strapi, registry: Registry, scope: RouteScope): AsyncGenerator<Row> {
  const where = scopeWhere(scope);
  const shape = readShape(columnPaths(registry));
  let after = 0;
  for (;;) {
    const rows = (await strapi.db.query(registry.uid as UID.Schema).findMany({
      ...shape,
      where: { ...where, id: { $gt: after } },
      orderBy: { id: 'asc' },
      limit: BATCH,
    })) as Row[];
    for (const row of rows) yield row;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/** The 说明 sheet: each column, whether it is required, and what it takes. */
const notes = (registry: Registry) => ({
  name: '说明',
  rows: [
    ['列', '必填', '填写说明'],
    ...registry.columns.map((c) => [c.header, c.required ? '是' : '否', describe(registry.uid, c)]),
    [],
    ['同一文件再次导入：按“唯一标识”更新已有记录，未改动的行计为不变。', '', ''],
    [`唯一标识：${registry.key.map((p) => registry.columns.find((c) => c.path === p)?.header).join(' + ')}`, '', ''],
    ['个人信息（身份证号、电话、关爱标签）导出时遮蔽；遮蔽值原样导入表示保留原值。', '', ''],
  ],
});

/**
 * The sheet of a registry, as the template (no scope: no rows) or an export (the rows of `scope`): the same
 * columns either way, so an export is a filled-in template and imports back unchanged.
 */
export function registryTable(strapi: Core.Strapi, registry: Registry, scope: RouteScope | null): ExportTable<Row> {
  const template = scope === null;
  return {
    filename: template ? `${registry.filename}-template` : registry.filename,
    sheet: registry.name,
    columns: registry.columns.map((c) => ({
      header: c.header,
      width: Math.max(12, c.header.length * 2 + 4),
      choices: choicesOf(registry.uid, c),
      value: (row: Row) => toCell(registry.uid, c, normalise(c, valueAt(row, c.path))),
    })),
    rows: scope ? scopedRows(strapi, registry, scope) : [],
    sheets: [notes(registry)],
  };
}
