import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SCOPE_ATTRIBUTES, columnOf, joinOf, tableOf } from '@grassroots/kit/server';
import { UID } from '../uids';
import type { NewCheckIn } from '../domain/check-in-rules';

/** A check-in the rules allowed, with the document id its answer already shows. */
export type Allowed = NewCheckIn & { documentId: string };

/** The check-in row in Strapi 5's columns (a type without draft & publish is always published). */
export const checkInRow = (c: Allowed) => ({
  document_id: c.documentId,
  created_at: c.checkedInAt,
  updated_at: c.checkedInAt,
  published_at: c.checkedInAt,
  checked_in_at: c.checkedInAt,
  minutes: 0,
  source: c.source,
  status: 'pending',
  year: c.year,
  member_ref: c.memberId,
  activity_ref: c.activityId,
  open_slot: c.openSlot,
});

/** SQLite: the check-in row and its two relation links, in the caller's transaction. */
export async function insertCheckIn(trx: Knex.Transaction, strapi: Core.Strapi, c: Allowed): Promise<void> {
  const lm = joinOf(strapi, UID.checkIn, 'member');
  const la = joinOf(strapi, UID.checkIn, 'activity');
  const [first] = (await trx(tableOf(strapi, UID.checkIn)).insert(checkInRow(c))) as Array<number | { id: number }>;
  const id = typeof first === 'object' ? first.id : first;
  await trx(lm.table).insert({ [lm.own]: id, [lm.other]: c.memberId });
  await trx(la.table).insert({ [la.own]: id, [la.other]: c.activityId });
  // A check-in belongs to its activity's organisation: copy the activity's scope columns.
  const activities = tableOf(strapi, UID.activity);
  await trx(tableOf(strapi, UID.checkIn))
    .where('id', id)
    .update(
      Object.fromEntries(
        SCOPE_ATTRIBUTES.map((a) => [
          columnOf(strapi, UID.checkIn, a),
          trx(activities)
            .select(columnOf(strapi, UID.activity, a))
            .where('id', c.activityId),
        ]),
      ),
    );
}
