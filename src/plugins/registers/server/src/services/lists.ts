import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { requireInScope, routeScope, scopeWhere } from '@grassroots/kit/server';
import { GRID, UID } from '../uids';

export const LIST_TYPES = ['building', 'house', 'resident', 'rental', 'shop', 'firm'] as const;
export type ListType = (typeof LIST_TYPES)[number];

export interface ListQuery {
  grid?: string;
  page: number;
  pageSize: number;
}

type Where = Record<string, unknown>;

/** A grid and its child grids, by documentId. */
const inGrid = (grid: string): Where => ({ $or: [{ documentId: grid }, { parent: { documentId: grid } }] });
const buildingIn = (grid: string): Where => ({ $or: [{ compound: { grid: inGrid(grid) } }, { grid: inGrid(grid) }] });

/** Where each register meets a grid (the same paths as the organisation scope). */
const GRID_FILTER: Record<ListType, (grid: string) => Where> = {
  building: buildingIn,
  house: (g) => ({ building: buildingIn(g) }),
  resident: (g) => ({ house: { building: buildingIn(g) } }),
  rental: (g) => ({ house: { building: buildingIn(g) } }),
  shop: (g) => ({ $or: [{ grid: inGrid(g) }, { house: { building: buildingIn(g) } }] }),
  firm: (g) => ({ grid: inGrid(g) }),
};

/** What a list row names of its relations (labels, never ids of other rows' personal data). */
const POPULATE: Record<ListType, Record<string, unknown>> = {
  building: { compound: { fields: ['name', 'code'] }, grid: { fields: ['name', 'code'] } },
  house: { building: { fields: ['number'] } },
  resident: { house: { fields: ['unit', 'room'], populate: { building: { fields: ['number'] } } } },
  rental: { house: { fields: ['unit', 'room'], populate: { building: { fields: ['number'] } } } },
  shop: { grid: { fields: ['name', 'code'] } },
  firm: { grid: { fields: ['name', 'code'] }, partyOrganisation: { fields: ['name'] } },
};

/**
 * The registers' lists for staff: within the caller's organisation (and a grid when asked), a page
 * at a time, through the Document Service so the personal-data middleware masks every personal value
 * and drops care tags for a caller without `care`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(type: ListType, query: ListQuery) {
    if (query.grid) await requireInScope(strapi, GRID, query.grid, 'grid');
    const uid = UID[type] as StrapiUID.ContentType;
    const filters: Where = {
      $and: [scopeWhere(await routeScope(strapi)), query.grid ? GRID_FILTER[type](query.grid) : {}],
    };
    const [rows, total] = await Promise.all([
      strapi.documents(uid).findMany({
        filters,
        populate: POPULATE[type] as never,
        sort: 'id:asc',
        start: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      } as never),
      strapi.documents(uid).count({ filters } as never),
    ]);
    const strip = (r: Record<string, unknown>) => {
      const { id: _id, scopeCounty: _a, scopeStreet: _b, scopeCommunity: _c, addressKey: _k, ...rest } = r;
      return rest;
    };
    return {
      data: (rows as Array<Record<string, unknown>>).map(strip),
      meta: {
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          total,
          pageCount: Math.ceil(total / query.pageSize),
        },
      },
    };
  },
});
