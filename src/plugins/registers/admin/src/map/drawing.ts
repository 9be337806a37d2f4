import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import {
  MAX_VERTICES,
  cornersOf,
  polygonOf,
  type Boundary,
  type MultiPolygonGeometry,
  type Position,
} from '../../../shared/boundary';

/**
 * A boundary being drawn: its corners in click order ([longitude, latitude], WGS-84) and whether the
 * ring is closed. Closed means "done": map clicks no longer add corners (so panning the map cannot
 * spoil a finished boundary), corners can still be dragged, and undo reopens the ring.
 */
export interface Drawing {
  corners: Position[];
  closed: boolean;
}

export type DrawAction =
  | { type: 'add'; at: Position }
  | { type: 'move'; index: number; to: Position }
  | { type: 'undo' }
  | { type: 'close' }
  | { type: 'clear' };

/** A stored boundary opens as a closed drawing; nothing stored opens an empty one. */
export function drawingOf(stored: Boundary | null | undefined): Drawing {
  const corners = cornersOf(stored);
  return { corners, closed: corners.length >= 3 };
}

export const canClose = (d: Drawing): boolean => !d.closed && d.corners.length >= 3;
export const canAdd = (d: Drawing): boolean => !d.closed && d.corners.length < MAX_VERTICES;

/** The next drawing; an action that does not apply (a click on a closed ring) returns `d` itself. */
export function draw(d: Drawing, action: DrawAction): Drawing {
  switch (action.type) {
    case 'add':
      return canAdd(d) ? { corners: [...d.corners, action.at], closed: false } : d;
    case 'move':
      return action.index < d.corners.length
        ? { ...d, corners: d.corners.map((p, i) => (i === action.index ? action.to : p)) }
        : d;
    case 'undo':
      return d.corners.length ? { corners: d.corners.slice(0, -1), closed: false } : d;
    case 'close':
      return canClose(d) ? { ...d, closed: true } : d;
    case 'clear':
      return { corners: [], closed: false };
  }
}

/** What the form stores: the closed RFC 7946 Polygon once there are three corners, else nothing. */
export const valueOf = (d: Drawing) => polygonOf(d.corners);

type Part = 'area' | 'path' | 'closing';
// the GeoJSON types are those of @types/geojson, which maplibre-gl's own types use
type Shape = Feature<Polygon | MultiPolygon | LineString | MultiLineString, { part: Part }>;
export type Shapes = FeatureCollection<Shape['geometry'], { part: Part }>;

/**
 * The drawing as MapLibre draws it: the area once there are three corners, the edges clicked so far,
 * and, while the ring is open, the edge that will close it (dashed). A MultiPolygon that was imported
 * is shown as it is stored.
 */
export function shapesOf(d: Drawing, multi: MultiPolygonGeometry | null = null): Shapes {
  const feature = (part: Part, geometry: Shape['geometry']): Shape => ({
    type: 'Feature',
    geometry,
    properties: { part },
  });
  if (multi)
    return {
      type: 'FeatureCollection',
      features: [
        feature('area', multi),
        feature('path', { type: 'MultiLineString', coordinates: multi.coordinates.flat() }),
      ],
    };
  const { corners, closed } = d;
  const features: Shape[] = [];
  const polygon = polygonOf(corners);
  if (polygon) features.push(feature('area', polygon));
  if (corners.length >= 2)
    features.push(feature('path', { type: 'LineString', coordinates: closed ? [...corners, corners[0]] : corners }));
  if (!closed && corners.length >= 3)
    features.push(feature('closing', { type: 'LineString', coordinates: [corners[corners.length - 1], corners[0]] }));
  return { type: 'FeatureCollection', features };
}
