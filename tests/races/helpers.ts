import { strapi } from '../helpers/strapi';

/** Races are PostgreSQL's: SQLite has one writer, so there two requests never overlap (the suite skips them there). */
export const onPostgres = process.env.TEST_DB === 'postgres';
export const describePg = onPostgres ? describe : describe.skip;

/** The statuses of a burst, sorted, for `expect(…).toEqual([200, 409, …])`. */
export const statuses = (responses: Array<{ status: number }>) => responses.map((r) => r.status).sort();

/** n copies of a request started at once. */
export const burst = <T>(n: number, send: (i: number) => PromiseLike<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => Promise.resolve(send(i))));

/** Exactly one winner (`won`), every other answer `lost` (409 by default): never a 500, never two winners. */
export function oneWinner(responses: Array<{ status: number }>, won = 200, lost = 409) {
  expect(statuses(responses)).toEqual([won, ...Array(responses.length - 1).fill(lost)].sort());
}

const table = (uid: string) => strapi().db.metadata.get(uid as any).tableName;
const knex = () => strapi().db.connection;

/**
 * The double-report ledger, checked from the tables: every points row has its source (a check-in,
 * a list item); a check-in that is not verified nets zero points (its rows reversed); a verified one
 * has exactly one hours row; a done item one item_done row; no reversal without its original.
 * Returns the violations (empty when the ledger is whole).
 */
export async function ledgerViolations(): Promise<string[]> {
  const P = table('plugin::double-report.points-entry');
  const C = table('plugin::double-report.check-in');
  const L = table('plugin::double-report.list-item');
  const rows: Array<{ source: string; source_ref: string; points: string | number }> = await knex()(P).select(
    'source',
    'source_ref',
    'points',
  );
  const checkIns = new Map<string, string>(
    (await knex()(C).select('document_id', 'status')).map((r: any) => [r.document_id, r.status]),
  );
  const items = new Map<string, string>(
    (await knex()(L).select('document_id', 'status')).map((r: any) => [r.document_id, r.status]),
  );
  const out: string[] = [];
  const net = new Map<string, number>();
  const hours = new Map<string, number>();
  const add = (ref: string, p: number) => net.set(ref, (net.get(ref) ?? 0) + p);
  for (const r of rows) {
    const p = Number(r.points);
    if (r.source === 'verified_hours' || (r.source === 'rating' && checkIns.has(r.source_ref))) {
      if (!checkIns.has(r.source_ref)) out.push(`${r.source} ${r.source_ref}: no such check-in`);
      add(r.source_ref, p);
      if (r.source === 'verified_hours') hours.set(r.source_ref, (hours.get(r.source_ref) ?? 0) + 1);
    } else if (r.source === 'rating' || r.source === 'item_done') {
      const s = items.get(r.source_ref);
      if (!s) out.push(`${r.source} ${r.source_ref}: no such check-in or list item`);
      else if (!['done', 'evaluated'].includes(s)) out.push(`${r.source} ${r.source_ref}: item is ${s}`);
      else if (r.source === 'rating' && s !== 'evaluated') out.push(`rating ${r.source_ref}: item not evaluated`);
    } else if (r.source === 'reversal') {
      const [orig, ref] = r.source_ref.split(':');
      if (!rows.some((o) => o.source === orig && o.source_ref === ref))
        out.push(`reversal ${r.source_ref}: no original`);
      add(ref, p);
    }
  }
  for (const [ref, p] of net) {
    const status = checkIns.get(ref);
    if (status !== 'verified' && Math.abs(p) > 1e-9) out.push(`check-in ${ref} is ${status} but nets ${p} points`);
  }
  for (const [ref, status] of checkIns) {
    if (status === 'verified' && hours.get(ref) !== 1)
      out.push(`verified check-in ${ref} has ${hours.get(ref) ?? 0} hours rows`);
  }
  return out;
}
