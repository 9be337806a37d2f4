import type { GeoJSONSource, Map as MapLibre } from 'maplibre-gl';
import { BRANCH_COLOURS, GRID_COLOUR, URGENCY_COLOURS, USE_COLOURS } from './style';
import type { Collection, LayerName, MapData } from './types';

const HOUSE_USES = ['owner_occupied', 'rented', 'vacant', 'shop'] as const;
const HOUSE_LAYERS = HOUSE_USES.map((use) => `houses-${use}`);

/** The MapLibre layers of each of our layers (what queryRenderedFeatures counts). */
export const DRAWN = {
  grids: 'grids-fill',
  branches: 'branches-point',
  cases: 'cases-point',
} as const;
const LAYERS_OF: Record<LayerName, string[]> = {
  grids: [DRAWN.grids],
  branches: [DRAWN.branches],
  houses: HOUSE_LAYERS,
  cases: [DRAWN.cases],
};

const match = (property: string, colours: Record<string, string>, fallback: string) =>
  ['match', ['get', property], ...Object.entries(colours).flat(), fallback] as unknown as string;

// GeoJSON ids must be numbers for MapLibre: the documentId travels as a property instead.
const keyed = <P>(c: Collection<P> | undefined) => ({
  type: 'FeatureCollection' as const,
  features: (c?.features ?? []).map((f) => ({ ...f, id: undefined, properties: { ...f.properties, key: f.id } })),
});

/** Adds the sources and layers once; later calls replace the data. */
export function drawLayers(map: MapLibre, data: MapData) {
  for (const name of ['grids', 'branches', 'houses', 'cases'] as const) {
    const source = map.getSource(name) as GeoJSONSource | undefined;
    const geojson = keyed(data.layers[name] as Collection<unknown> | undefined) as unknown as GeoJSON.GeoJSON;
    if (source) source.setData(geojson);
    else map.addSource(name, { type: 'geojson', data: geojson });
  }
  if (map.getLayer(DRAWN.grids)) return;
  map.addLayer({
    id: DRAWN.grids,
    type: 'fill',
    source: 'grids',
    paint: { 'fill-color': GRID_COLOUR, 'fill-opacity': 0.12 },
  });
  map.addLayer({
    id: 'grids-line',
    type: 'line',
    source: 'grids',
    paint: { 'line-color': GRID_COLOUR, 'line-width': 1.5 },
  });
  // 四色图: one layer per use, each nudged its own way, so the four uses of a building sit side by
  // side (circle-translate takes no per-feature expression)
  for (const [i, use] of HOUSE_USES.entries()) {
    map.addLayer({
      id: HOUSE_LAYERS[i],
      type: 'circle',
      source: 'houses',
      filter: ['==', ['get', 'use'], use],
      paint: {
        'circle-color': USE_COLOURS[use],
        'circle-radius': ['interpolate', ['linear'], ['get', 'houses'], 1, 5, 50, 12] as unknown as number,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1,
        'circle-translate': [i % 2 ? 6 : -6, i < 2 ? -6 : 6],
      },
    });
  }
  map.addLayer({
    id: DRAWN.branches,
    type: 'circle',
    source: 'branches',
    paint: {
      'circle-color': match('kind', BRANCH_COLOURS, '#000'),
      'circle-radius': [
        'match',
        ['get', 'kind'],
        'community_branch',
        11,
        'service_centre',
        7,
        'compound_group',
        7,
        5,
      ] as unknown as number,
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: DRAWN.cases,
    type: 'circle',
    source: 'cases',
    paint: {
      'circle-color': match('urgency', URGENCY_COLOURS, URGENCY_COLOURS.none),
      'circle-radius': 6,
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 2,
    },
  });
}

/** Shows only the layers of the chosen map (the grids stay as the outline of every map). */
export function showLayers(map: MapLibre, tab: Exclude<LayerName, 'cases'>, cases: boolean) {
  const visible = (on: boolean) => (on ? 'visible' : 'none');
  map.setPaintProperty(DRAWN.grids, 'fill-opacity', tab === 'grids' ? 0.18 : 0.04);
  map.setLayoutProperty(DRAWN.branches, 'visibility', visible(tab === 'branches'));
  for (const id of HOUSE_LAYERS) map.setLayoutProperty(id, 'visibility', visible(tab === 'houses'));
  map.setLayoutProperty(DRAWN.cases, 'visibility', visible(cases));
}

/** Distinct features of a layer drawn in the current view (a polygon cut by tiles counts once). */
export function drawnCount(map: MapLibre, layer: LayerName): number {
  const shown = LAYERS_OF[layer].filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  if (!shown.length) return 0;
  return new Set(map.queryRenderedFeatures({ layers: shown }).map((f) => String(f.properties?.key))).size;
}

/** The extent of everything on the map, to fit the view to it. */
export function extentOf(data: MapData): [[number, number], [number, number]] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      minX = Math.min(minX, c[0] as number);
      maxX = Math.max(maxX, c[0] as number);
      minY = Math.min(minY, c[1] as number);
      maxY = Math.max(maxY, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const layer of Object.values(data.layers)) for (const f of layer?.features ?? []) visit(f.geometry.coordinates);
  return Number.isFinite(minX)
    ? [
        [minX, minY],
        [maxX, maxY],
      ]
    : null;
}
