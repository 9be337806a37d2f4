import type { Core } from '@strapi/strapi';
import { documentColumns, joinOf, knexOf, readJson, rescope, tableOf } from '@grassroots/kit/server';
import { houseAddressKey } from '../personal/house-key';
import { BRANCH, COMPOUND, UID } from '../uids';
import { buildRegisters, type DemoCompound } from './demo-data';

/** The demo compounds that get registers: ten of 两湖街道 (grids G01-01 … G10-01) and two of 永兴街道. */
const COMPOUNDS = ['C001', 'C002', 'C003', 'C004', 'C005', 'C006', 'C007', 'C008', 'C009', 'C010', 'YX-K01', 'YX-K02'];
const BATCH = 200;

type Row = Record<string, unknown>;
const idOf = (r: unknown) => Number(typeof r === 'object' && r !== null ? (r as { id: number }).id : r);

/** The first corner of a grid's boundary (the demo draws the base grids), else the street's centre. */
function cornerOf(boundary: unknown): { lat: number; lng: number } {
  const b = readJson<{ coordinates?: number[][][] } | null>(boundary);
  const p = b?.coordinates?.[0]?.[0];
  return p ? { lng: p[0], lat: p[1] } : { lng: 114.19, lat: 34.41 };
}

/**
 * The registers of the Weishi demo (demo-data.ts), written in one transaction by batched inserts with
 * their join rows, then scoped from their relations like any write. Runs once: a second call finds
 * buildings and creates nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(_s?: Core.Strapi): Promise<number> {
    const knex = knexOf(strapi);
    if (await knex(tableOf(strapi, UID.building)).first('id')) return 0;
    const compoundRows = (await strapi.db.query(COMPOUND).findMany({
      where: { code: { $in: COMPOUNDS } },
      select: ['id', 'code'],
      populate: {
        grid: { select: ['id', 'code'], populate: { parent: { select: ['boundary'] } } },
      },
    })) as Array<{
      id: number;
      code: string;
      grid?: { id: number; code: string; boundary?: unknown; parent?: { boundary?: unknown } };
    }>;
    if (!compoundRows.length) return 0;
    const compounds: DemoCompound[] = compoundRows
      .filter((c) => c.grid)
      .map((c, i) => {
        const corner = cornerOf(c.grid!.parent?.boundary ?? c.grid!.boundary);
        return {
          code: c.code,
          grid: c.grid!.code,
          lat: corner.lat + 0.0005 + (i % 2) * 0.0003,
          lng: corner.lng + 0.0004,
        };
      });
    const units = (await strapi.db
      .query(BRANCH)
      .findMany({ where: { level: 'unit_branch' }, select: ['id', 'code'], orderBy: { code: 'asc' } })) as Array<{
      id: number;
      code: string;
    }>;
    const demo = buildRegisters(
      compounds,
      units.map((u) => u.code),
    );
    const compoundId = new Map(compoundRows.map((c) => [c.code, c.id]));
    const gridId = new Map(compoundRows.filter((c) => c.grid).map((c) => [c.grid!.code, c.grid!.id]));
    const branchId = new Map(units.map((u) => [u.code, u.id]));
    const now = new Date();

    return strapi.db.transaction(async ({ trx }) => {
      /** Inserts rows in batches, answering their ids in order. */
      const insert = async (uid: string, rows: Row[]): Promise<number[]> => {
        const ids: number[] = [];
        for (let i = 0; i < rows.length; i += BATCH) {
          const batch = rows.slice(i, i + BATCH).map((r) => ({ ...documentColumns(now), ...r }));
          const inserted = await trx(tableOf(strapi, uid)).insert(batch).returning('id');
          ids.push(...inserted.map(idOf));
        }
        return ids;
      };
      const link = async (uid: string, attribute: string, pairs: Array<[number, number | undefined]>) => {
        const j = joinOf(strapi, uid, attribute);
        const rows = pairs
          .filter(([, o]) => o !== undefined)
          .map(([own, other]) => ({ [j.own]: own, [j.other]: other }));
        for (let i = 0; i < rows.length; i += BATCH) await trx(j.table).insert(rows.slice(i, i + BATCH));
      };
      const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

      const buildingIds = await insert(
        UID.building,
        demo.buildings.map((b) => ({
          number: b.number,
          units: b.units,
          floors: b.floors,
          building_head: b.buildingHead,
          lat: b.lat,
          lng: b.lng,
        })),
      );
      const buildingOf = new Map(demo.buildings.map((b, i) => [`${b.compound}/${b.number}`, buildingIds[i]]));
      await link(
        UID.building,
        'compound',
        demo.buildings.map((b, i) => [buildingIds[i], compoundId.get(b.compound)]),
      );

      const houseIds = await insert(
        UID.house,
        demo.houses.map((h) => ({
          unit: h.unit,
          floor: h.floor,
          room: h.room,
          area: h.area,
          use: h.use,
          address_key: houseAddressKey(buildingOf.get(h.building) ?? null, h.unit, h.room),
        })),
      );
      const houseOf = new Map(demo.houses.map((h, i) => [h.key, houseIds[i]]));
      await link(
        UID.house,
        'building',
        demo.houses.map((h, i) => [houseIds[i], buildingOf.get(h.building)]),
      );

      const residentIds = await insert(
        UID.resident,
        demo.residents.map((r) => ({
          name: r.name,
          id_number: r.idNumber,
          phone: r.phone,
          relation: r.relation,
          type: r.type,
          care_tags: json(r.careTags),
          party_member: r.partyMember,
        })),
      );
      await link(
        UID.resident,
        'house',
        demo.residents.map((r, i) => [residentIds[i], houseOf.get(r.house)]),
      );

      const rentalIds = await insert(
        UID.rental,
        demo.rentals.map((r) => ({
          landlord: r.landlord,
          landlord_phone: r.landlordPhone,
          from: r.from,
          to: r.to,
          occupants: r.occupants,
          purpose: r.purpose,
          security_pledge: r.securityPledge,
        })),
      );
      await link(
        UID.rental,
        'house',
        demo.rentals.map((r, i) => [rentalIds[i], houseOf.get(r.house)]),
      );
      const tenantsOf = new Map<number, number[]>();
      demo.residents.forEach((r, i) => {
        const house = houseOf.get(r.house)!;
        tenantsOf.set(house, [...(tenantsOf.get(house) ?? []), residentIds[i]]);
      });
      await link(
        UID.rental,
        'tenants',
        demo.rentals.flatMap((r, i) =>
          (tenantsOf.get(houseOf.get(r.house)!) ?? []).map((t) => [rentalIds[i], t] as [number, number]),
        ),
      );

      const shopIds = await insert(
        UID.shop,
        demo.shops.map((s) => ({
          name: s.name,
          operator: s.operator,
          operator_phone: s.operatorPhone,
          credit_code: s.creditCode,
          category: s.category,
          small_venue: s.smallVenue,
          fire_check_date: s.fireCheckDate,
          address: s.address,
          lat: s.lat,
          lng: s.lng,
        })),
      );
      await link(
        UID.shop,
        'grid',
        demo.shops.map((s, i) => [shopIds[i], gridId.get(s.grid)]),
      );
      await link(
        UID.shop,
        'house',
        demo.shops.map((s, i) => [shopIds[i], houseOf.get(s.house)]),
      );

      const firmIds = await insert(
        UID.firm,
        demo.firms.map((f) => ({
          name: f.name,
          credit_code: f.creditCode,
          size: f.size,
          employees: f.employees,
          contact_name: f.contactName,
          contact_phone: f.contactPhone,
          address: f.address,
          lat: f.lat,
          lng: f.lng,
        })),
      );
      await link(
        UID.firm,
        'grid',
        demo.firms.map((f, i) => [firmIds[i], gridId.get(f.grid)]),
      );
      await link(
        UID.firm,
        'partyOrganisation',
        demo.firms.map((f, i) => [firmIds[i], f.partyOrganisation ? branchId.get(f.partyOrganisation) : undefined]),
      );

      // Scope columns from the relations, parents first (a house takes its building's).
      await rescope(strapi, UID.building, buildingIds);
      await rescope(strapi, UID.house, houseIds);
      await rescope(strapi, UID.resident, residentIds);
      await rescope(strapi, UID.rental, rentalIds);
      await rescope(strapi, UID.shop, shopIds);
      await rescope(strapi, UID.firm, firmIds);
      return (
        buildingIds.length + houseIds.length + residentIds.length + rentalIds.length + shopIds.length + firmIds.length
      );
    });
  },
});
