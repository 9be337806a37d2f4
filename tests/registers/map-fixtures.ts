import { strapi } from '../helpers/strapi';
import type { Community, Node } from '../scoping/fixtures';
import { idNumber } from './fixtures';

/**
 * Registers and cases placed on the map for one community of a scoping world: two located
 * buildings (one per compound), one building without a position, houses of every use, residents
 * (party members among them) and grid cases. Personal values are recognisable so a test can look
 * for them in any answer.
 */
export const PHONE = '13812345678';
/** Every identity number placed (valid GB 11643 numbers, one per resident: the column is unique). */
export const ID_NUMBERS: string[] = [];

const docs = (uid: string) => strapi().documents(uid as any) as any;
const q = (uid: string) => strapi().db.query(uid as any) as any;
/** The grid-cases flow's open states: what the cases layer draws. */
const OPEN = new Set(['reported', 'accepted', 'dispatched', 'signed', 'handling', 'handled', 'verified', 'rated']);

/** A closed square boundary (WGS-84 [lng, lat]) with its south-west corner at (lng, lat). */
export const square = (lng: number, lat: number, size = 0.002) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

export interface Placed {
  buildings: string[];
  houses: string[];
}

export async function placeRegisters(c: Community, lng: number, lat: number): Promise<Placed> {
  for (const [i, g] of c.grids.entries())
    await docs('api::grid.grid').update({ documentId: g.documentId, data: { boundary: square(lng + i * 0.002, lat) } });
  const placed: Placed = { buildings: [], houses: [] };
  const spots: Array<[Node, number | null]> = [
    [c.compounds[0], 0.0005],
    [c.compounds[1], 0.0025],
    [c.compounds[1], null],
  ];
  for (const [k, [compound, dx]] of spots.entries()) {
    const b = await docs('plugin::registers.building').create({
      data: {
        compound: compound.documentId,
        number: `${k + 1}号楼`,
        units: 2,
        floors: 6,
        ...(dx === null ? {} : { lng: lng + dx, lat: lat + 0.001 }),
      },
    });
    placed.buildings.push(b.documentId);
    const uses = ['owner_occupied', 'rented', 'vacant', 'shop', 'owner_occupied'];
    for (const [n, use] of uses.entries()) {
      const h = await docs('plugin::registers.house').create({
        data: { building: b.documentId, unit: 1, floor: 1 + n, room: `${1 + n}01`, use },
      });
      placed.houses.push(h.documentId);
      await docs('plugin::registers.resident').create({
        data: {
          house: h.documentId,
          name: `住户${k}${n}`,
          idNumber: ID_NUMBERS[ID_NUMBERS.push(idNumber()) - 1],
          phone: PHONE,
          type: 'permanent',
          relation: 'householder',
          partyMember: n % 2 === 0,
          careTags: ['over_80'],
        },
      });
    }
  }
  return placed;
}

/** A grid case (the grid-cases plugin's content type) at a position, in a given state. */
export async function placeCase(grid: Node, status: string, lng: number | null, lat: number | null) {
  return docs('plugin::grid-cases.case').create({
    data: {
      title: `井盖缺失（${status}）`,
      description: '路口井盖缺失，存在安全隐患',
      source: 'grid_patrol',
      level: 'community',
      status,
      reportedAt: new Date(),
      grid: grid.documentId,
      ...(lng === null ? {} : { lng, lat }),
    },
  });
}

/** What the database holds for a community, read with the Query Engine (not the route's SQL). */
export async function expected(c: Community) {
  const where = { scopeCommunity: c.documentId };
  const grids = (await q('api::grid.grid').findMany({ where, select: ['documentId', 'boundary'] })).filter(
    (g: any) => g.boundary,
  );
  const houses = (
    await q('plugin::registers.house').findMany({
      where,
      populate: { building: { select: ['documentId', 'lat', 'lng'] }, residents: { select: ['partyMember'] } },
    })
  ).filter((h: any) => h.building?.lat != null && h.building?.lng != null);
  const cases = (
    await q('plugin::grid-cases.case').findMany({ where, select: ['documentId', 'status', 'lat', 'lng'] })
  ).filter((x: any) => OPEN.has(x.status) && x.lat != null);
  return {
    grids: new Set<string>(grids.map((g: any) => g.documentId)),
    houseFeatures: new Set<string>(houses.map((h: any) => `${h.building.documentId}-${h.use}`)),
    houses: houses.length,
    memberHouseholds: houses.filter((h: any) => h.residents.some((r: any) => r.partyMember)).length,
    cases: new Set<string>(cases.map((x: any) => x.documentId)),
  };
}
