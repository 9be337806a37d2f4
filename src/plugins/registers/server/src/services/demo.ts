import type { Core } from '@strapi/strapi';
import { insertRows, knexOf, readJson, rescope, tableOf, type NewRow } from '@grassroots/kit/server';
import { houseAddressKey } from '../personal/house-key';
import { BRANCH, COMPOUND, UID } from '../uids';
import { buildRegisters, type DemoCompound } from './demo-data';

/** The demo compounds that get registers: ten of 两湖街道 (grids G01-01 … G10-01) and two of 永兴街道. */
const COMPOUNDS = ['C001', 'C002', 'C003', 'C004', 'C005', 'C006', 'C007', 'C008', 'C009', 'C010', 'YX-K01', 'YX-K02'];

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
      const insert = (uid: string, rows: NewRow[]) => insertRows(strapi, trx, uid, rows, { now });

      const buildingIds = await insert(
        UID.building,
        demo.buildings.map((b) => ({
          values: {
            number: b.number,
            units: b.units,
            floors: b.floors,
            buildingHead: b.buildingHead,
            lat: b.lat,
            lng: b.lng,
          },
          links: { compound: compoundId.get(b.compound) },
        })),
      );
      const buildingOf = new Map(demo.buildings.map((b, i) => [`${b.compound}/${b.number}`, buildingIds[i]]));

      const houseIds = await insert(
        UID.house,
        demo.houses.map((h) => {
          const building = buildingOf.get(h.building) ?? null;
          return {
            values: {
              unit: h.unit,
              floor: h.floor,
              room: h.room,
              area: h.area,
              use: h.use,
              addressKey: houseAddressKey(building, h.unit, h.room),
            },
            links: { building },
          };
        }),
      );
      const houseOf = new Map(demo.houses.map((h, i) => [h.key, houseIds[i]]));

      const residentIds = await insert(
        UID.resident,
        demo.residents.map((r) => ({
          values: {
            name: r.name,
            idNumber: r.idNumber,
            phone: r.phone,
            relation: r.relation,
            type: r.type,
            careTags: r.careTags,
            partyMember: r.partyMember,
          },
          links: { house: houseOf.get(r.house) },
        })),
      );
      const tenantsOf = new Map<number, number[]>();
      demo.residents.forEach((r, i) => {
        const house = houseOf.get(r.house)!;
        tenantsOf.set(house, [...(tenantsOf.get(house) ?? []), residentIds[i]]);
      });

      const rentalIds = await insert(
        UID.rental,
        demo.rentals.map((r) => {
          const house = houseOf.get(r.house);
          return {
            values: {
              landlord: r.landlord,
              landlordPhone: r.landlordPhone,
              from: r.from,
              to: r.to,
              occupants: r.occupants,
              purpose: r.purpose,
              securityPledge: r.securityPledge,
            },
            links: { house, tenants: house === undefined ? [] : (tenantsOf.get(house) ?? []) },
          };
        }),
      );

      const shopIds = await insert(
        UID.shop,
        demo.shops.map((s) => ({
          values: {
            name: s.name,
            operator: s.operator,
            operatorPhone: s.operatorPhone,
            creditCode: s.creditCode,
            category: s.category,
            smallVenue: s.smallVenue,
            fireCheckDate: s.fireCheckDate,
            address: s.address,
            lat: s.lat,
            lng: s.lng,
          },
          links: { grid: gridId.get(s.grid), house: houseOf.get(s.house) },
        })),
      );

      const firmIds = await insert(
        UID.firm,
        demo.firms.map((f) => ({
          values: {
            name: f.name,
            creditCode: f.creditCode,
            size: f.size,
            employees: f.employees,
            contactName: f.contactName,
            contactPhone: f.contactPhone,
            address: f.address,
            lat: f.lat,
            lng: f.lng,
          },
          links: {
            grid: gridId.get(f.grid),
            partyOrganisation: f.partyOrganisation ? branchId.get(f.partyOrganisation) : undefined,
          },
        })),
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
