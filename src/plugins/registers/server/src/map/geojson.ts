import { z } from 'zod';

/**
 * RFC 7946 GeoJSON as the map route answers it: WGS-84 longitude/latitude (EPSG:4326), never GCJ-02.
 * The schemas shape the answer (run() parses it) and document it.
 */
const position = z.array(z.number()).min(2).max(3);
export const pointGeometry = z.object({ type: z.literal('Point'), coordinates: position });
export const polygonGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

const feature = <G extends z.ZodType, P extends z.ZodRawShape>(geometry: G, properties: P) =>
  z.object({ type: z.literal('Feature'), id: z.string(), geometry, properties: z.object(properties) });
const collection = <F extends z.ZodType>(f: F) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(f) });

export const HEAD_ROLES = ['grid_head', 'street_head', 'party_group_head', 'building_head', 'unit_head'] as const;
export const BRANCH_KINDS = ['community_branch', 'service_centre', 'compound_group', 'member_household'] as const;
export const HOUSE_USES = ['owner_occupied', 'rented', 'vacant', 'shop'] as const;

export const gridFeature = feature(polygonGeometry, {
  name: z.string(),
  code: z.string(),
  level: z.string(),
  // the five heads by name only (五长): phones never leave
  heads: z.object(
    Object.fromEntries(HEAD_ROLES.map((r) => [r, z.array(z.string())])) as Record<
      (typeof HEAD_ROLES)[number],
      z.ZodArray<z.ZodString>
    >,
  ),
});
export const branchFeature = feature(pointGeometry, {
  kind: z.enum(BRANCH_KINDS),
  name: z.string().nullable(),
  branch: z.string().nullable().describe('documentId of the party organisation (none for a member household)'),
});
export const houseFeature = feature(pointGeometry, {
  use: z.enum(HOUSE_USES),
  houses: z.number().describe('houses of this use in the building (one point per building and use)'),
  building: z.string().describe('documentId of the building'),
  label: z.string().describe('the building number'),
});
export const caseFeature = feature(pointGeometry, {
  status: z.string(),
  urgency: z.enum(['ok', 'warning', 'overdue']).nullable(),
  title: z.string(),
});

export const mapAnswer = z.object({
  data: z.object({
    crs: z.literal('WGS-84').describe('RFC 7946: [longitude, latitude] in WGS-84 (EPSG:4326), not GCJ-02'),
    within: z.object({ documentId: z.string(), kind: z.string(), name: z.string() }).nullable(),
    layers: z.object({
      grids: collection(gridFeature).optional(),
      branches: collection(branchFeature).optional(),
      houses: collection(houseFeature).optional(),
      cases: collection(caseFeature).optional(),
    }),
  }),
});
export type MapData = z.infer<typeof mapAnswer>['data'];
export type Layers = MapData['layers'];
