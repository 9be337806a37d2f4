import type { IndexSpec } from '@grassroots/kit/server';
import { UID } from './uids';

/**
 * "One per …" rules a schema's `indexes` cannot state (partial indexes), created at bootstrap
 * (kit: ensureUniqueIndexes). The others are in the schemas: dr_check_ins_open_slot_uq (one open
 * check-in per member and activity), dr_registrations_slot_uq (one live report-in per unit or member
 * and community), dr_points_source_uq (a ledger row once per source).
 */
export const UNIQUE_INDEXES: IndexSpec[] = [
  // The manual check-in slot: staff record a member's session at one start time once (rejected ones aside).
  {
    uid: UID.checkIn,
    name: 'dr_check_ins_manual_slot_uq',
    columns: ['member_ref', 'activity_ref', 'checked_in_at'],
    where: "source = 'manual' AND status <> 'rejected'",
  },
];
