import { joinOf, readJson, tableOf } from '@grassroots/kit/server';
import { boundaryProblem, type Boundary } from '../../../../shared/boundary';
import { GRID } from '../../uids';
import { HEAD_ROLES } from '../geojson';
import { col, inScopeAndNode, type LayerContext } from './context';

interface Row {
  id: number;
  documentId: string;
  name: string;
  code: string;
  level: string;
  boundary: unknown;
  role: string | null;
  head: string | null;
}

/**
 * 网格划分图: every grid with a boundary, with the names of its five heads (never their phones).
 * One statement: grids left-joined to their head components (one row per head, folded here).
 */
export async function gridsLayer(c: LayerContext) {
  const heads = joinOf(c.strapi, GRID, 'heads');
  const headTable = tableOf(c.strapi, 'grid.head');
  const q = c
    .knex({ g: tableOf(c.strapi, GRID) })
    .select({
      id: 'g.id',
      documentId: col(c, GRID, 'g', 'documentId'),
      name: col(c, GRID, 'g', 'name'),
      code: col(c, GRID, 'g', 'code'),
      level: col(c, GRID, 'g', 'level'),
      boundary: col(c, GRID, 'g', 'boundary'),
      role: 'h.role',
      head: 'h.name',
    })
    .leftJoin(`${heads.table} as gc`, (j) =>
      j.on(`gc.${heads.own}`, 'g.id').andOnVal('gc.field', 'heads').andOnIn('gc.component_type', ['grid.head']),
    )
    .leftJoin(`${headTable} as h`, (j) => j.on(`h.id`, `gc.${heads.other}`).andOnIn('h.role', [...HEAD_ROLES]))
    .whereNotNull(col(c, GRID, 'g', 'boundary'))
    .orderBy([{ column: 'g.id' }, { column: 'gc.order' }]);
  inScopeAndNode(c, q, 'g', GRID);
  if (c.area.kind === 'grid') q.whereIn('g.id', c.area.gridIds);
  const rows = (await q) as Row[];
  const byGrid = new Map<number, { row: Row; heads: Record<string, string[]> }>();
  for (const r of rows) {
    let entry = byGrid.get(r.id);
    if (!entry) {
      entry = { row: r, heads: Object.fromEntries(HEAD_ROLES.map((role) => [role, [] as string[]])) };
      byGrid.set(r.id, entry);
    }
    if (r.role && r.head) entry.heads[r.role].push(r.head);
  }
  const features = [...byGrid.values()].flatMap(({ row, heads: names }) => {
    const boundary = readJson<Boundary | null>(row.boundary);
    // A boundary stored before validation existed and broken since is left off rather than drawn wrong.
    if (!boundary || boundaryProblem(boundary)) return [];
    return [
      {
        type: 'Feature' as const,
        id: row.documentId,
        geometry: boundary,
        properties: {
          name: row.name,
          code: row.code,
          level: row.level,
          heads: names as Record<(typeof HEAD_ROLES)[number], string[]>,
        },
      },
    ];
  });
  return { type: 'FeatureCollection' as const, features };
}
