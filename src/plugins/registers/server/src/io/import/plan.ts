import type { Core } from '@strapi/strapi';
import { isDomainError, type RouteScope } from '@grassroots/kit/server';
import { splitRefusal } from '@grassroots/kit/shared';
import { canReadCare } from '../../personal/access';
import { prepareWrite } from '../../personal/validate';
import { maskIdNumber, maskPhone } from '../../../../shared';
import { normalise, type Stored } from '../cells';
import { columnPaths, keyString, valueAt, type Row } from '../query';
import { REGISTRIES } from '../registries';
import type { Column, Registry } from '../registries/types';
import { findByKeys } from './resolve';
import { isKeep, type FileRow, type RowError, type Value } from './types';

/** What the commit does with one valid row. */
export type Step =
  /** `related`: the rows its relations name (with their scope columns), for a bulk insert */
  | { kind: 'create'; data: Record<string, unknown>; related: Record<string, Row | null> }
  | { kind: 'update'; documentId: string; data: Record<string, unknown> }
  | { kind: 'unchanged' };

const same = (a: Stored, b: Stored) => JSON.stringify(a) === JSON.stringify(b);

/** The columns under one relation, in the order of its target's key. */
function relationColumns(registry: Registry, attribute: string, target: Registry): Column[] {
  return target.key.map((p) => registry.columns.find((c) => c.path === `${attribute}.${p}`)!);
}

/** The registry's key of a file row: by the key, or (a masked key cell) by the masked-key paths. */
function keyOf(registry: Registry, values: FileRow['values']): { paths: string[]; values: Value[] } {
  const masked = registry.key.some((p) => isKeep(values[p]));
  const paths = masked && registry.maskedKey ? registry.maskedKey : registry.key;
  return { paths, values: paths.map((p) => values[p] ?? null) };
}

const maskOf = (column: Column, value: unknown): string | null => {
  if (column.cell.kind !== 'personal' || typeof value !== 'string') return null;
  return column.cell.mask === 'idNumber' ? maskIdNumber(value) : maskPhone(value);
};

const outsideMessage = '不在本组织及下级范围内，不能导入';

/**
 * The write's own checks of personal values (the Document Service middleware runs the same, and a
 * bulk insert has no other): run here, a refusal is a line of the report naming the column, not a
 * 400 for the whole file. Normalises `data` in place as the write would.
 */
function personalProblem(
  registry: Registry,
  data: Record<string, unknown>,
  care: boolean,
): [string, string] | undefined {
  try {
    prepareWrite(registry.uid, data, care);
    return undefined;
  } catch (err) {
    if (!isDomainError(err) || err.status !== 400) throw err;
    const header = registry.columns.find((c) => c.path === err.field)?.header ?? err.field ?? '';
    const { chinese, english } = splitRefusal(err.message);
    return [header, chinese ?? english ?? err.message];
  }
}

/** Whether a row (its scope columns read along) lies within the caller's organisation. */
const inside = (scope: RouteScope, row: Row) =>
  'all' in scope ? true : 'column' in scope ? row[scope.column] === scope.node : false;

/**
 * Decides every valid row of one chunk of the file: relations found by their natural key within the
 * caller's organisation, the row itself found by its key (anywhere, so that a row of another
 * organisation is refused, never duplicated), then create, update (only what changed) or unchanged.
 * Refusals go to `errors`. `seen` holds the keys of the file's earlier chunks (key → first row), so
 * a duplicate is refused across chunks while only key strings stay in memory.
 */
export async function plan(
  strapi: Core.Strapi,
  registry: Registry,
  rows: FileRow[],
  scope: RouteScope,
  errors: RowError[],
  seen: Map<string, number>,
): Promise<Map<number, Step>> {
  const steps = new Map<number, Step>();
  const care = canReadCare(strapi);
  const good = rows.filter((r) => !r.failed);
  const refuse = (r: FileRow, column: string, message: string) => {
    if (!r.failed) errors.push({ row: r.row, column, message });
    r.failed = true;
  };

  // Relations: each distinct key looked up once. A related row outside the caller's organisation
  // is refused below, unless the row already names it (an exported 社区 row names its street).
  const related = new Map<string, Map<number, Row>>();
  for (const { attribute, target: type } of registry.relations) {
    const target = REGISTRIES[type];
    const columns = relationColumns(registry, attribute, target);
    if (columns.some((c) => !c)) continue;
    const byRow = new Map<number, Row>();
    const keyed = good.map((r) => ({ r, key: columns.map((c) => (r.values[c.path] ?? null) as Stored) }));
    const wanted = keyed.filter((k) => k.key.some((v) => v !== null));
    const distinct = [...new Map(wanted.map((k) => [keyString(k.key), k.key])).values()];
    const found = await findByKeys(strapi, target, target.key, distinct, []);
    for (const { r, key } of wanted) {
      const row = found.get(keyString(key));
      if (row) byRow.set(r.row, row);
      else refuse(r, columns[columns.length - 1].header, `找不到此${target.name}（请先导入或检查编码）`);
    }
    related.set(attribute, byRow);
  }

  // The rows themselves, by key; duplicates inside the file refused.
  const keyed: Array<{ r: FileRow; paths: string[]; key: string; values: Value[] }> = [];
  for (const r of good) {
    if (r.failed) continue;
    const k = keyOf(registry, r.values);
    const key = `${k.paths.join('|')}:${keyString(k.values)}`;
    const first = seen.get(key);
    const header = registry.columns.find((c) => c.path === k.paths[0])!.header;
    if (first !== undefined) refuse(r, header, `与第 ${first} 行重复（同一记录）`);
    else {
      seen.set(key, r.row);
      keyed.push({ r, paths: k.paths, key: keyString(k.values), values: k.values });
    }
  }
  const existing = new Map<string, Row>();
  for (const paths of new Set(keyed.map((k) => k.paths))) {
    const list = keyed.filter((k) => k.paths === paths);
    const found = await findByKeys(
      strapi,
      registry,
      paths,
      list.map((k) => k.values),
      columnPaths(registry),
    );
    for (const [key, row] of found) existing.set(`${paths.join('|')}:${key}`, row);
  }

  for (const { r, paths, key } of keyed) {
    if (r.failed) continue;
    const stored = existing.get(`${paths.join('|')}:${key}`);
    const keyHeader = registry.columns.find((c) => c.path === paths[0])!.header;
    if (stored) {
      // One record found by two rows (its full key in one, the masked key of an export in another) is a
      // duplicate too: two edits of one person, and the second would be checked against the first's write.
      const record = `record:${stored.documentId}`;
      const first = seen.get(record);
      if (first !== undefined && first !== r.row) {
        refuse(r, keyHeader, `与第 ${first} 行重复（同一记录）`);
        continue;
      }
      seen.set(record, r.row);
    }
    if (stored && !inside(scope, stored)) {
      refuse(r, keyHeader, `该记录${outsideMessage}`);
      continue;
    }
    if (!stored && paths !== registry.key) {
      refuse(
        r,
        registry.columns.find((c) => c.path === registry.key[0])!.header,
        '遮蔽值只能用于已有记录，请填写完整值',
      );
      continue;
    }
    const data: Record<string, unknown> = {};
    const relatedRows: Record<string, Row | null> = {};
    let problem: [string, string] | undefined;
    for (const column of registry.columns) {
      if (!(column.path in r.values) || column.path.includes('.')) continue;
      const value = r.values[column.path];
      if (isKeep(value)) {
        if (!stored) problem ??= [column.header, '新记录不能使用遮蔽值'];
        else if (
          maskOf(column, stored[column.path]) !== value.keep &&
          column.cell.kind === 'personal' &&
          column.cell.mask !== 'tags'
        )
          problem ??= [column.header, '遮蔽值与已存值不符'];
        continue;
      }
      if (!stored || !same(normalise(column, stored[column.path]), value)) data[column.path] = value;
    }
    for (const { attribute, target: type } of registry.relations) {
      const byRow = related.get(attribute);
      const present = registry.columns.some((c) => c.path.startsWith(`${attribute}.`) && c.path in r.values);
      if (!byRow || !present) continue;
      const target = byRow.get(r.row) ?? null;
      const before = stored ? (valueAt(stored, `${attribute}.id`) as number | null) : null;
      if (stored && (target?.id ?? null) === before) continue;
      if (target && !inside(scope, target)) {
        problem ??= [
          relationColumns(registry, attribute, REGISTRIES[type]).at(-1)!.header,
          `该${REGISTRIES[type].name}${outsideMessage}`,
        ];
        break;
      }
      data[attribute] = target?.documentId ?? null;
      relatedRows[attribute] = target;
    }
    problem ??= personalProblem(registry, data, care);
    if (problem) {
      refuse(r, problem[0], problem[1]);
      continue;
    }
    if (!stored) steps.set(r.row, { kind: 'create', data, related: relatedRows });
    else if (Object.keys(data).length) steps.set(r.row, { kind: 'update', documentId: stored.documentId, data });
    else steps.set(r.row, { kind: 'unchanged' });
  }
  return steps;
}
