import knexFactory, { type Knex } from 'knex';
import { urgency, warningAt, type Urgency } from '../../src/plugins/grid-cases/shared';
import { caseClockIn } from '../../src/plugins/grid-cases/server/src/sql';

/**
 * The 督办 clock is written twice by necessity: `urgency()` in JS (each case's badge, the tick's choice
 * of event) and its SQL form (the 督办台's per-owner counts, the tick's choice of cases). Both must say
 * the same thing at every instant, down to the millisecond, on the database the suite runs on
 * (SQLite: epoch milliseconds in integer columns; PostgreSQL: timestamps, as Strapi writes them).
 */
const onPostgres = process.env.TEST_DB === 'postgres';
const PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const MINUTE = 60_000;
const DAY = 86_400_000;
const dispatchedAt = new Date('2026-12-07T02:00:00.000Z');
// limits whose 80 % falls on a whole millisecond, and some where it does not (4·d/5 ends in .2, .4, .6, .8)
const LIMITS = [5, 3, 7, 8, 9, 1003, 30 * MINUTE, DAY + 3, 3 * DAY + 2, 10 * DAY + 1];

interface Probe {
  id: number;
  limit: number;
  now: Date;
}

/** For each limit: just before, at and after the warning point and the deadline, and well before both. */
function probes(): Probe[] {
  const out: Probe[] = [];
  LIMITS.forEach((limit) => {
    const due = new Date(dispatchedAt.getTime() + limit);
    const warn = warningAt(dispatchedAt, due).getTime();
    const instants = [
      dispatchedAt.getTime(),
      warn - 1,
      warn,
      warn + 1,
      due.getTime() - 1,
      due.getTime(),
      due.getTime() + 1,
    ];
    for (const at of instants) out.push({ id: out.length + 1, limit, now: new Date(at) });
  });
  return out;
}

describe(`督办 clock: urgency() and its SQL agree (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let knex: Knex;
  const table = 'gc_clock_probe';

  beforeAll(async () => {
    knex = onPostgres
      ? knexFactory({ client: 'pg', connection: PG_URL, pool: { min: 1, max: 1 } })
      : knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    // a temporary table (gone with the session: the pool holds one connection), typed as Strapi types
    // a datetime on PostgreSQL (timestamp without time zone, microseconds)
    await knex.raw(
      `CREATE TEMPORARY TABLE ${table} (id integer PRIMARY KEY, dispatched_at timestamp(6), due_at timestamp(6))`,
    );
    // one row per limit; SQLite holds epoch milliseconds, as Strapi writes them there
    const stored = (d: Date) => (onPostgres ? d : d.getTime());
    await knex(table).insert(
      LIMITS.map((limit, i) => ({
        id: i + 1,
        dispatched_at: stored(dispatchedAt),
        due_at: stored(new Date(dispatchedAt.getTime() + limit)),
      })),
    );
  });

  afterAll(async () => {
    await knex?.destroy();
  });

  /** What the SQL says of the row of `limit` at `now`. */
  async function sqlUrgency(limit: number, now: Date): Promise<Urgency> {
    const clock = caseClockIn(onPostgres ? 'postgres' : 'sqlite', 'c');
    const overdue = clock.overdue(now);
    const warning = clock.warning(now);
    const row = (await knex({ c: table })
      .where('c.id', LIMITS.indexOf(limit) + 1)
      .select({
        overdue: knex.raw(`CASE WHEN ${overdue.sql} THEN 1 ELSE 0 END`, overdue.bindings),
        warning: knex.raw(`CASE WHEN ${warning.sql} THEN 1 ELSE 0 END`, warning.bindings),
      })
      .first()) as { overdue: number | string; warning: number | string };
    // the two conditions never hold together
    expect(Number(row.overdue) + Number(row.warning)).toBeLessThanOrEqual(1);
    return Number(row.overdue) ? 'overdue' : Number(row.warning) ? 'warning' : 'ok';
  }

  it('says ok, warning and overdue at the same instants as urgency(), to the millisecond', async () => {
    const seen = new Set<Urgency>();
    for (const p of probes()) {
      const due = new Date(dispatchedAt.getTime() + p.limit);
      const js = urgency(dispatchedAt, due, p.now);
      seen.add(js);
      expect([p.limit, p.now.toISOString(), await sqlUrgency(p.limit, p.now)]).toEqual([
        p.limit,
        p.now.toISOString(),
        js,
      ]);
    }
    // the probes reach every answer, so agreement is not agreement on one value
    expect([...seen].sort()).toEqual(['ok', 'overdue', 'warning']);
  });

  it('places the warning point at 80 % of the limit, rounded up to the whole millisecond', () => {
    const at = (limit: number) => warningAt(dispatchedAt, new Date(dispatchedAt.getTime() + limit)).getTime();
    expect(at(5) - dispatchedAt.getTime()).toBe(4);
    // 80 % of 3 ms is 2.4 ms: the warning starts at 3 ms (5·now ≥ from + 4·due first holds there)
    expect(at(3) - dispatchedAt.getTime()).toBe(3);
    expect(at(8) - dispatchedAt.getTime()).toBe(7);
    expect(at(10 * DAY) - dispatchedAt.getTime()).toBe(8 * DAY);
  });
});
