import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnOf, joinOf, tableOf } from '@grassroots/kit/server';
import { UID } from '../uids';

/**
 * The house address (building, unit, room) as one indexed column: the building is a relation (a join
 * table), so a unique index over the three needs them side by side. Null without a building.
 */
export const houseAddressKey = (buildingId: number | null, unit: number | null, room: string | null) =>
  buildingId === null || room === null ? null : `${buildingId}|${unit ?? ''}|${room.trim()}`;

/**
 * Writes the address key of the houses of one document (after its write, in its transaction): a
 * second house at the same address breaks the unique index and the whole write rolls back.
 */
export async function writeHouseKeys(strapi: Core.Strapi, knex: Knex, documentId: string): Promise<void> {
  const houses = tableOf(strapi, UID.house);
  const link = joinOf(strapi, UID.house, 'building');
  const rows = (await knex(`${houses} as h`)
    .leftJoin(`${link.table} as l`, `l.${link.own}`, 'h.id')
    .where('h.document_id', documentId)
    .select('h.id', 'h.unit', 'h.room', `l.${link.other} as building`)) as Array<{
    id: number;
    unit: number | null;
    room: string | null;
    building: number | null;
  }>;
  const column = columnOf(strapi, UID.house, 'addressKey');
  for (const r of rows) {
    await knex(houses)
      .where('id', r.id)
      .update({ [column]: houseAddressKey(r.building ?? null, r.unit ?? null, r.room ?? null) });
  }
}
