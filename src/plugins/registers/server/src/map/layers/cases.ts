import { joinOf, readDate, tableOf } from '@grassroots/kit/server';
import { GRID_CASES_ON_THE_CLOCK, urgency, type Urgency } from '@grassroots/kit/shared';
import { GRID_CASE } from '../../uids';
import { col, inScopeAndNode, num, type LayerContext } from './context';

/**
 * Only open cases are drawn (the grid-cases flow's open states): 归档 (archived) is closed, a merged
 * case lives on in the one it was merged into, an escalated one in its case at the level above, a
 * returned one was never accepted.
 */
const NOT_DRAWN = ['archived', 'merged', 'escalated', 'returned'];
/** The owner is on the clock in these states (the grid-cases flow): urgency applies only there. */
const ON_THE_CLOCK: ReadonlySet<string> = new Set(GRID_CASES_ON_THE_CLOCK);

interface Row {
  documentId: string;
  title: string;
  status: string;
  lat: unknown;
  lng: unknown;
  dispatchedAt: unknown;
  dueAt: unknown;
}

/** 督办 at 80 % of the time between dispatch and deadline, 超期 after it (the grid-cases rule, in the kit). */
function urgencyOf(r: Row, now: Date): Urgency | null {
  const dispatched = readDate(r.dispatchedAt);
  const due = readDate(r.dueAt);
  if (!ON_THE_CLOCK.has(r.status) || !dispatched || !due) return null;
  return urgency(dispatched, due, now);
}

/** The grid-cases plugin's open cases with a position, when that plugin is installed: one statement. */
export async function casesLayer(c: LayerContext) {
  if (!c.strapi.plugin('grid-cases')) return { type: 'FeatureCollection' as const, features: [] };
  const x = (a: string) => col(c, GRID_CASE, 'x', a);
  const q = c.knex
    .select({
      documentId: x('documentId'),
      title: x('title'),
      status: x('status'),
      lat: x('lat'),
      lng: x('lng'),
      dispatchedAt: x('dispatchedAt'),
      dueAt: x('dueAt'),
    })
    .from(`${tableOf(c.strapi, GRID_CASE)} as x`)
    .whereNotIn(x('status'), NOT_DRAWN)
    .whereNotNull(x('lat'))
    .whereNotNull(x('lng'));
  inScopeAndNode(c, q, 'x', GRID_CASE);
  if (c.area.kind === 'grid') {
    const grid = joinOf(c.strapi, GRID_CASE, 'grid');
    q.whereIn('x.id', c.knex(grid.table).select(grid.own).whereIn(grid.other, c.area.gridIds));
  }
  const now = new Date();
  const rows = (await q) as Row[];
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.documentId,
      geometry: { type: 'Point' as const, coordinates: [num(r.lng), num(r.lat)] },
      properties: { status: r.status, urgency: urgencyOf(r, now), title: r.title },
    })),
  };
}
