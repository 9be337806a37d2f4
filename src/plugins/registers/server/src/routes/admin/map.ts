import { z } from 'zod';
import { mapAnswer } from '../../map/geojson';
import { mapQuery } from '../../map/query';
import { r } from './route';

const area = z.object({
  documentId: z.string(),
  kind: z.string().describe('county_committee, street_committee, community_branch or grid'),
  name: z.string(),
  parent: z.string().nullable(),
});

// 三图: GeoJSON layers (RFC 7946, WGS-84) within the caller's organisation (action `map`).
export default [
  { ...r('GET', '/map', 'map.layers', 'map'), request: { query: mapQuery.shape }, response: mapAnswer },
  { ...r('GET', '/map/areas', 'map.areas', 'map'), response: z.object({ data: z.array(area) }) },
  // MapLibre's worker script, loaded by the browser's Worker (which sends no admin token): public.
  { method: 'GET' as const, path: '/map/worker.mjs', handler: 'map.worker', config: { auth: false } },
];
