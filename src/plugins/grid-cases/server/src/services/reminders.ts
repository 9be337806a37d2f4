import type { Core } from '@strapi/strapi';
import { background, inTransaction, isPostgres, knexOf, readDate, tableOf } from '@grassroots/kit/server';
import { ON_THE_CLOCK, shanghaiDate, urgency } from '../../../shared';
import { touchCases } from '../cache';
import { caseClock } from '../sql';
import { getService } from '../get-service';
import { UID } from '../uids';
import type { Actor, CaseRow } from '../types';

/** pg_try_advisory_xact_lock key of the 督办 tick ('gc-remind' as a number): one instance runs it at a time. */
const LOCK_KEY = 0x6763_7265;
const SYSTEM: Actor = { kind: 'system', id: 'reminder' };
/**
 * Events written per tick at most (each about 20 ms on PostgreSQL, measured): the tick's transaction,
 * and the lock, stay short; a backlog (the first tick after a deploy) is worked off over the next ticks.
 */
const MAX_PER_TICK = 200;

type Watched = Pick<CaseRow, 'id' | 'documentId' | 'status' | 'dispatchedAt' | 'dueAt'> & {
  warnedAt: unknown;
  urgedAt: unknown;
};

/**
 * 督办 without anyone asking: a running case gets a `warned` event at 80 % of its limit and an `urged`
 * (催办) event once overdue, each once per deadline. Each is a conditional write (`warnedAt`/`urgedAt`
 * still empty and the deadline still the one read; dispatch, extension and reopening clear them) in
 * the same transaction as its event, so two ticks at once write one event per case.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async remind(now = new Date()): Promise<{ warned: number; urged: number; skipped: boolean; more: boolean }> {
    return inTransaction(strapi, async (trx) => {
      if (isPostgres(strapi)) {
        // Another instance of the cluster is running this tick: it does the work, this one skips.
        const res = (await trx.raw('SELECT pg_try_advisory_xact_lock(?) AS locked', [LOCK_KEY])) as {
          rows: Array<{ locked: boolean }>;
        };
        if (!res.rows[0]?.locked) return { warned: 0, urged: 0, skipped: true, more: false };
      }
      // Only the cases whose moment has come, chosen by the database over (status, due_at) with the
      // clock of sql.ts (the rule of `urgency`): overdue and not urged, or past 80 % of dispatch →
      // deadline and not warned; at most one tick's worth, the most urgent first.
      const knex = knexOf(strapi);
      const clock = caseClock(strapi);
      const overdue = clock.overdue(now);
      const warning = clock.warning(now);
      const rows = (await knex({ c: tableOf(strapi, UID.case) })
        .transacting(trx)
        .whereIn('c.status', [...ON_THE_CLOCK])
        .whereNotNull('c.dispatched_at')
        .whereNotNull('c.due_at')
        .where((w) =>
          w
            .where((o) => o.whereNull('c.urged_at').whereRaw(overdue.sql, overdue.bindings))
            .orWhere((o) => o.whereNull('c.warned_at').whereRaw(warning.sql, warning.bindings)),
        )
        .select({
          id: 'c.id',
          documentId: 'c.document_id',
          status: 'c.status',
          dispatchedAt: 'c.dispatched_at',
          dueAt: 'c.due_at',
          warnedAt: 'c.warned_at',
          urgedAt: 'c.urged_at',
        })
        .orderBy([
          { column: 'c.due_at', order: 'asc' },
          { column: 'c.id', order: 'asc' },
        ])
        .limit(MAX_PER_TICK + 1)) as Watched[];
      const out = { warned: 0, urged: 0, skipped: false, more: false };
      const record = getService(strapi, 'cases').record;
      for (const row of rows) {
        const from = readDate(row.dispatchedAt)!;
        const due = readDate(row.dueAt)!;
        const u = urgency(from, due, now);
        const column = u === 'overdue' ? 'urgedAt' : u === 'warning' ? 'warnedAt' : null;
        if (!column || row[column]) continue;
        if (out.warned + out.urged >= MAX_PER_TICK) {
          out.more = true;
          break;
        }
        const { count } = await strapi.db.query(UID.case).updateMany({
          where: { id: row.id, status: row.status, dueAt: due, [column]: { $null: true } },
          data: { [column]: now },
        });
        if (!count) continue;
        const action = column === 'urgedAt' ? 'urged' : 'warned';
        await record(
          row,
          row.status,
          row.status,
          action,
          SYSTEM,
          action === 'urged' ? `已超过办理期限（${shanghaiDate(due)}）` : `办理时限已过 80%，期限 ${shanghaiDate(due)}`,
          now,
        );
        out[action] += 1;
      }
      if (out.warned || out.urged) await touchCases(strapi);
      return out;
    });
  },

  /**
   * Starts the tick every GRID_CASES_REMIND_MS (default 5 minutes, off under NODE_ENV=test where the tests
   * call `remind(now)` themselves; 0 turns it off). Shutdown waits for a running tick (kit background).
   */
  schedule(): () => void {
    const every = Number(process.env.GRID_CASES_REMIND_MS ?? (process.env.NODE_ENV === 'test' ? 0 : 300_000));
    if (!every) return () => undefined;
    return background(strapi).every('grid-cases reminders', every, () =>
      getService(strapi, 'reminders').remind(new Date()),
    );
  },
});
