import type { Core } from '@strapi/strapi';
import { routeScope } from '@grassroots/kit/server';
import { resolveArea } from './area';
import { mapAreas } from './areas';
import type { MapData } from './geojson';
import { branchesLayer } from './layers/branches';
import { casesLayer } from './layers/cases';
import { gridsLayer } from './layers/grids';
import { housesLayer } from './layers/houses';
import { layerContext } from './layers/context';
import type { MapLayer, MapQuery } from './query';

const BUILD = { grids: gridsLayer, branches: branchesLayer, houses: housesLayer, cases: casesLayer } as const;

/**
 * 三图: the layers asked for, within the caller's organisation and the area asked for. Each layer is
 * one statement; they run one after the other (SQLite has one connection, PostgreSQL's pool is shared).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  areas: () => mapAreas(strapi),
  async layers(query: MapQuery): Promise<MapData> {
    const scope = await routeScope(strapi);
    const area = await resolveArea(strapi, query.within);
    const c = layerContext(strapi, scope, area);
    const layers: Partial<Record<MapLayer, unknown>> = {};
    for (const name of query.layers) layers[name] = await BUILD[name](c);
    return {
      crs: 'WGS-84',
      within:
        area.kind === 'all'
          ? null
          : { documentId: area.documentId, kind: area.kind === 'grid' ? 'grid' : area.level, name: area.name },
      layers: layers as MapData['layers'],
    };
  },
});
