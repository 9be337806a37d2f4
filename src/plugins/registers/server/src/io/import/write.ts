import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  EMPTY_SCOPE,
  insertRows,
  scopeAfterWrite,
  scopeRegistry,
  type NewRow,
  type Organisation,
  type ScopedRow,
} from '@grassroots/kit/server';
import { houseAddressKey } from '../../personal/house-key';
import { UID as REGISTERS } from '../../uids';
import type { Registry } from '../registries/types';
import type { Step } from './plan';

/**
 * The registers' own types are inserted in batches: they are where the volume is (a street's
 * 100,000 houses or residents), and their Document Service create costs three writes of the row
 * (insert, scope columns, address key) plus the middlewares — about 19 rows/s on a loaded machine.
 * The organisation registries (branches, grids, compounds, representatives, double-report units and
 * members: hundreds of rows) keep the Document Service: their writes also touch caches and other
 * plugins' guards that a bulk insert would skip.
 */
const BULK = new Set<string>([
  REGISTERS.building,
  REGISTERS.house,
  REGISTERS.resident,
  REGISTERS.rental,
  REGISTERS.shop,
  REGISTERS.firm,
]);

export interface WriteContext {
  trx: Knex;
  /** the caller's organisation (undefined: a Super Admin or no caller) */
  writer: Organisation | undefined;
  /** the admin user written as creator */
  by: number | undefined;
}

/**
 * The row the Document Service would have written for a create step: the values the plan checked
 * (personal values already normalised), the scope its relations name — by the kit's one rule, 403
 * outside the writer's organisation — and, for a house, its address key.
 */
function newRow(
  strapi: Core.Strapi,
  uid: string,
  step: Extract<Step, { kind: 'create' }>,
  writer: WriteContext['writer'],
) {
  const values: Record<string, unknown> = {};
  for (const [attribute, value] of Object.entries(step.data))
    if (!(attribute in step.related)) values[attribute] = value;
  const scoped = { id: 0, documentId: '', ...EMPTY_SCOPE, ...step.related } as ScopedRow;
  Object.assign(values, scopeAfterWrite(scopeRegistry(strapi).governed[uid], scoped, true, writer));
  if (uid === REGISTERS.house)
    values.addressKey = houseAddressKey(
      step.related.building?.id ?? null,
      (values.unit as number | null | undefined) ?? null,
      (values.room as string | null | undefined) ?? null,
    );
  const links = Object.fromEntries(
    Object.entries(step.related).map(([attribute, row]) => [attribute, row?.id ?? null]),
  );
  return { values, links } satisfies NewRow;
}

/** Writes one chunk's steps inside the import's transaction; answers how many rows it wrote. */
export async function writeSteps(
  strapi: Core.Strapi,
  registry: Registry,
  steps: Map<number, Step>,
  context: WriteContext,
): Promise<number> {
  const docs = strapi.documents(registry.uid as UID.ContentType);
  const bulk = BULK.has(registry.uid);
  const inserts: NewRow[] = [];
  let n = 0;
  for (const step of steps.values()) {
    if (step.kind === 'create' && bulk) inserts.push(newRow(strapi, registry.uid, step, context.writer));
    else if (step.kind === 'create') await docs.create({ data: step.data } as never);
    else if (step.kind === 'update') await docs.update({ documentId: step.documentId, data: step.data } as never);
    n += 1;
  }
  if (inserts.length) await insertRows(strapi, context.trx, registry.uid, inserts, { by: context.by });
  return n;
}
