import { joinOf, tableOf } from '@grassroots/kit/server';
import { UID } from '../../uids';
import type { HOUSE_USES } from '../geojson';
import { buildingsInGrids, col, inScopeAndNode, num, type LayerContext } from './context';

interface Row {
  building: string;
  label: string;
  lat: unknown;
  lng: unknown;
  use: (typeof HOUSE_USES)[number];
  houses: unknown;
}

/**
 * 房屋四色图: one point per building and use (自住 / 出租 / 空置 / 商铺) with the number of houses,
 * at the building's position; houses of a building without a position are left off. One grouped
 * statement over the houses in scope, so a street of 100,000 houses is a few thousand points.
 */
export async function housesLayer(c: LayerContext) {
  const k = c.knex;
  const hb = joinOf(c.strapi, UID.house, 'building');
  const bd = (a: string) => col(c, UID.building, 'bd', a);
  const use = col(c, UID.house, 'h', 'use');
  const q = k
    .select({ building: bd('documentId'), label: bd('number'), lat: bd('lat'), lng: bd('lng'), use })
    .count({ houses: '*' })
    .from(`${tableOf(c.strapi, UID.house)} as h`)
    .join(`${hb.table} as hb`, `hb.${hb.own}`, 'h.id')
    .join(`${tableOf(c.strapi, UID.building)} as bd`, 'bd.id', `hb.${hb.other}`)
    .whereNotNull(bd('lat'))
    .whereNotNull(bd('lng'))
    .groupBy(bd('documentId'), bd('number'), bd('lat'), bd('lng'), use)
    .orderBy([{ column: bd('documentId') }, { column: use }]);
  inScopeAndNode(c, q, 'h', UID.house);
  if (c.area.kind === 'grid') q.whereIn('bd.id', buildingsInGrids(c, c.area.gridIds));
  const rows = (await q) as Row[];
  const features = rows.map((r) => ({
    type: 'Feature' as const,
    id: `${r.building}-${r.use}`,
    geometry: { type: 'Point' as const, coordinates: [num(r.lng), num(r.lat)] },
    properties: { use: r.use, houses: Number(r.houses), building: r.building, label: r.label },
  }));
  return { type: 'FeatureCollection' as const, features };
}
