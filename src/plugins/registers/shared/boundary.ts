/**
 * A grid's boundary (网格边界): an RFC 7946 GeoJSON Polygon or MultiPolygon in WGS-84 — longitude
 * first, then latitude, as GPS receivers and MapLibre give them; never GCJ-02 (the offset
 * "Mars" coordinates of Chinese web maps). Pure rules shared by the server (which refuses a bad
 * boundary on every write) and the admin editor (which draws and checks before saving).
 */
export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type Boundary = PolygonGeometry | MultiPolygonGeometry;

/** More vertices than a hand-drawn grid needs; a pasted survey export beyond this is simplified first. */
export const MAX_VERTICES = 2000;

/** Plausible WGS-84 range for a grid in China: catches swapped latitude/longitude and projected metres. */
export const LNG_RANGE: readonly [number, number] = [73, 136];
export const LAT_RANGE: readonly [number, number] = [3, 54];

/** What is wrong with a boundary (the rule in English, Chinese in parentheses), or null when it is valid. */
export function boundaryProblem(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return notGeometry;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return notGeometry;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return notGeometry;
  let vertices = 0;
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return notGeometry;
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4)
        return 'a ring needs at least three corners and the first repeated at the end (每个边界环至少三个顶点且首尾相同)';
      for (const p of ring) if (!isPosition(p)) return badPosition;
      const first = ring[0] as Position;
      const last = ring[ring.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1])
        return 'a ring must be closed: its last position repeats the first (边界环未闭合：末点须与首点相同)';
      vertices += ring.length - 1;
    }
  }
  if (vertices > MAX_VERTICES) return `at most ${MAX_VERTICES} vertices (顶点不得超过 ${MAX_VERTICES} 个)`;
  return null;
}

const notGeometry =
  'must be a GeoJSON Polygon or MultiPolygon (RFC 7946, WGS-84) (须为 GeoJSON 面要素：Polygon 或 MultiPolygon，WGS-84 坐标)';
const badPosition = `positions are [longitude, latitude] in WGS-84 within China: longitude ${LNG_RANGE[0]}–${LNG_RANGE[1]}, latitude ${LAT_RANGE[0]}–${LAT_RANGE[1]} (坐标须为中国境内的 WGS-84 经纬度，经度在前)`;

function isPosition(p: unknown): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return false;
  const [lng, lat] = p as unknown[];
  return (
    typeof lng === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    lng >= LNG_RANGE[0] &&
    lng <= LNG_RANGE[1] &&
    lat >= LAT_RANGE[0] &&
    lat <= LAT_RANGE[1]
  );
}

/** The outer rings of a boundary (holes do not move a label). */
export const outerRings = (b: Boundary): Ring[] =>
  b.type === 'Polygon' ? b.coordinates.slice(0, 1) : b.coordinates.map((p) => p[0]);

/** The bounding box `[[west, south], [east, north]]` of several boundaries, or null when there are none. */
export function boundsOf(boundaries: Boundary[]): [Position, Position] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boundaries)
    for (const ring of outerRings(b))
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  return Number.isFinite(minX)
    ? [
        [minX, minY],
        [maxX, maxY],
      ]
    : null;
}

/** The centre of the bounding box of several boundaries, where a grid's or a community's label goes. */
export function centreOf(boundaries: Boundary[]): Position | null {
  const box = boundsOf(boundaries);
  return box ? [round((box[0][0] + box[1][0]) / 2), round((box[0][1] + box[1][1]) / 2)] : null;
}

/** Seven decimals is about a centimetre: enough for a grid, and shared edges stay equal. */
export const round = (v: number): number => Math.round(v * 1e7) / 1e7;

/** A polygon from the corners a user clicked (closed here, so the editor never stores an open ring). */
export function polygonOf(corners: Position[]): PolygonGeometry | null {
  if (corners.length < 3) return null;
  const ring = corners.map(([x, y]) => [round(x), round(y)] as Position);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** The corners of a polygon's outer ring without the closing repeat (what the editor lets you drag). */
export function cornersOf(b: Boundary | null | undefined): Position[] {
  if (!b || boundaryProblem(b)) return [];
  const ring = outerRings(b)[0] ?? [];
  return ring.slice(0, -1).map(([x, y]) => [x, y] as Position);
}
