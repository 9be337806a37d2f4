import { joinOf, readJson, tableOf } from '@grassroots/kit/server';
import { boundaryProblem, centreOf, type Boundary } from '../../../../shared/boundary';
import { BRANCH, COMPOUND, GRID, UID } from '../../uids';
import { buildingsInGrids, col, inScopeAndNode, num, type LayerContext } from './context';

interface Row {
  kind: 'community_branch' | 'compound_group' | 'member_household';
  documentId: string;
  name: string | null;
  boundary: unknown;
  lat: unknown;
  lng: unknown;
}

/**
 * 党组织分布图, one statement of three parts:
 * - community branches (and their 党群服务中心, which the four-level system puts at the community)
 *   at the centre of their grids' boundaries — one row per grid, folded here;
 * - compound party groups at the mean position of the located buildings of their compounds;
 * - member households (党员中心户): houses with a party-member resident, at their building.
 * Places without a position (no boundary, no located building) are left off the map.
 */
export async function branchesLayer(c: LayerContext) {
  const k = c.knex;
  const gridBranch = joinOf(c.strapi, GRID, 'branch');
  const compoundGroup = joinOf(c.strapi, COMPOUND, 'partyGroup');
  const buildingCompound = joinOf(c.strapi, UID.building, 'compound');
  const houseBuilding = joinOf(c.strapi, UID.house, 'building');
  const residentHouse = joinOf(c.strapi, UID.resident, 'house');
  const level = col(c, BRANCH, 'b', 'level');

  const communities = k
    .select({
      kind: k.raw('?', ['community_branch']),
      documentId: col(c, BRANCH, 'b', 'documentId'),
      name: col(c, BRANCH, 'b', 'name'),
      boundary: col(c, GRID, 'g', 'boundary'),
      lat: k.raw('null'),
      lng: k.raw('null'),
    })
    .from(`${tableOf(c.strapi, BRANCH)} as b`)
    .join(`${gridBranch.table} as gb`, `gb.${gridBranch.other}`, 'b.id')
    .join(`${tableOf(c.strapi, GRID)} as g`, 'g.id', `gb.${gridBranch.own}`)
    .where(level, 'community_branch')
    .whereNotNull(col(c, GRID, 'g', 'boundary'));
  inScopeAndNode(c, communities, 'b', BRANCH);
  if (c.area.kind === 'grid') communities.whereIn('g.id', c.area.gridIds);

  const groups = k
    .select({
      kind: k.raw('?', ['compound_group']),
      documentId: col(c, BRANCH, 'b', 'documentId'),
      name: col(c, BRANCH, 'b', 'name'),
      boundary: k.raw('null'),
      lat: k.raw(`avg(${col(c, UID.building, 'bd', 'lat')})`),
      lng: k.raw(`avg(${col(c, UID.building, 'bd', 'lng')})`),
    })
    .from(`${tableOf(c.strapi, BRANCH)} as b`)
    .join(`${compoundGroup.table} as cp`, `cp.${compoundGroup.other}`, 'b.id')
    .join(`${buildingCompound.table} as bc`, `bc.${buildingCompound.other}`, `cp.${compoundGroup.own}`)
    .join(`${tableOf(c.strapi, UID.building)} as bd`, 'bd.id', `bc.${buildingCompound.own}`)
    .where(level, 'compound_group')
    .whereNotNull(col(c, UID.building, 'bd', 'lat'))
    .whereNotNull(col(c, UID.building, 'bd', 'lng'))
    .groupBy(col(c, BRANCH, 'b', 'documentId'), col(c, BRANCH, 'b', 'name'));
  inScopeAndNode(c, groups, 'b', BRANCH);
  if (c.area.kind === 'grid') groups.whereIn('bd.id', buildingsInGrids(c, c.area.gridIds));

  const members = k
    .select({
      kind: k.raw('?', ['member_household']),
      documentId: col(c, UID.house, 'h', 'documentId'),
      name: k.raw('null'),
      boundary: k.raw('null'),
      lat: col(c, UID.building, 'bd', 'lat'),
      lng: col(c, UID.building, 'bd', 'lng'),
    })
    .from(`${tableOf(c.strapi, UID.house)} as h`)
    .join(`${houseBuilding.table} as hb`, `hb.${houseBuilding.own}`, 'h.id')
    .join(`${tableOf(c.strapi, UID.building)} as bd`, 'bd.id', `hb.${houseBuilding.other}`)
    .whereNotNull(col(c, UID.building, 'bd', 'lat'))
    .whereNotNull(col(c, UID.building, 'bd', 'lng'))
    .whereExists((e) =>
      e
        .select(k.raw('1'))
        .from(`${residentHouse.table} as rh`)
        .join(`${tableOf(c.strapi, UID.resident)} as r`, 'r.id', `rh.${residentHouse.own}`)
        .whereRaw(`rh.${residentHouse.other} = h.id`)
        .where(col(c, UID.resident, 'r', 'partyMember'), true),
    );
  inScopeAndNode(c, members, 'h', UID.house);
  if (c.area.kind === 'grid') members.whereIn('bd.id', buildingsInGrids(c, c.area.gridIds));

  const rows = (await communities.unionAll([groups, members])) as Row[];
  const places = new Map<string, { row: Row; boundaries: Boundary[] }>();
  const features: Array<{
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: number[] };
    properties: { kind: Row['kind'] | 'service_centre'; name: string | null; branch: string | null };
  }> = [];
  const point = (lng: number, lat: number) => ({ type: 'Point' as const, coordinates: [lng, lat] });
  for (const r of rows) {
    if (r.kind === 'community_branch') {
      const b = readJson<Boundary | null>(r.boundary);
      const entry = places.get(r.documentId) ?? { row: r, boundaries: [] };
      if (b && !boundaryProblem(b)) entry.boundaries.push(b);
      places.set(r.documentId, entry);
    } else if (r.kind === 'compound_group') {
      features.push({
        type: 'Feature',
        id: r.documentId,
        geometry: point(num(r.lng), num(r.lat)),
        properties: { kind: r.kind, name: r.name, branch: r.documentId },
      });
    } else {
      features.push({
        type: 'Feature',
        id: `household-${r.documentId}`,
        geometry: point(num(r.lng), num(r.lat)),
        properties: { kind: r.kind, name: null, branch: null },
      });
    }
  }
  for (const { row, boundaries } of places.values()) {
    const centre = centreOf(boundaries);
    if (!centre) continue;
    const name = row.name ?? '';
    features.unshift(
      {
        type: 'Feature',
        id: row.documentId,
        geometry: point(centre[0], centre[1]),
        properties: { kind: 'community_branch', name, branch: row.documentId },
      },
      {
        type: 'Feature',
        id: `centre-${row.documentId}`,
        geometry: point(centre[0], centre[1]),
        properties: {
          kind: 'service_centre',
          name: `${name.replace(/党支部$/, '')}党群服务中心`,
          branch: row.documentId,
        },
      },
    );
  }
  return { type: 'FeatureCollection' as const, features };
}
