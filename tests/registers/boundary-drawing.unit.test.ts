import { boundaryProblem, type MultiPolygonGeometry } from '../../src/plugins/registers/shared/boundary';
import {
  canClose,
  draw,
  drawingOf,
  shapesOf,
  valueOf,
  type DrawAction,
  type Drawing,
} from '../../src/plugins/registers/admin/src/map/drawing';

/** The rules of the boundary editor in the grid's edit view (the e2e test drives them in Chromium). */
const EMPTY: Drawing = { corners: [], closed: false };
const run = (...actions: DrawAction[]) => actions.reduce(draw, EMPTY);
const add = (lng: number, lat: number): DrawAction => ({ type: 'add', at: [lng, lat] });
const parts = (d: Drawing) => shapesOf(d).features.map((f) => f.properties.part);

describe('drawing a boundary', () => {
  it('stores nothing below three corners and a closed, valid polygon from three on', () => {
    const two = run(add(114.19, 34.41), add(114.2, 34.41));
    expect(valueOf(two)).toBeNull();
    expect(canClose(two)).toBe(false);
    const three = draw(two, add(114.2, 34.42));
    const polygon = valueOf(three)!;
    expect(polygon.coordinates[0]).toHaveLength(4);
    expect(polygon.coordinates[0][3]).toEqual(polygon.coordinates[0][0]);
    expect(boundaryProblem(polygon)).toBeNull();
  });

  it('closes only with three corners; a closed ring takes no more corners and undo reopens it', () => {
    expect(draw(run(add(114.19, 34.41), add(114.2, 34.41)), { type: 'close' }).closed).toBe(false);
    const closed = run(add(114.19, 34.41), add(114.2, 34.41), add(114.2, 34.42), { type: 'close' });
    expect(closed.closed).toBe(true);
    expect(draw(closed, add(114.3, 34.5))).toBe(closed);
    const undone = draw(closed, { type: 'undo' });
    expect(undone).toEqual({ corners: closed.corners.slice(0, 2), closed: false });
    expect(draw(undone, add(114.21, 34.43)).corners).toHaveLength(3);
  });

  it('moves one corner, clears everything, and opens a stored polygon closed', () => {
    const d = run(add(114.19, 34.41), add(114.2, 34.41), add(114.2, 34.42));
    expect(draw(d, { type: 'move', index: 1, to: [114.25, 34.4] }).corners[1]).toEqual([114.25, 34.4]);
    expect(draw(d, { type: 'clear' })).toEqual(EMPTY);
    const reopened = drawingOf(valueOf(d));
    expect(reopened).toEqual({ corners: d.corners, closed: true });
    expect(drawingOf(null)).toEqual(EMPTY);
  });

  it('draws the dashed closing edge only while the ring is open', () => {
    const d = run(add(114.19, 34.41), add(114.2, 34.41), add(114.2, 34.42));
    expect(parts(run(add(114.19, 34.41)))).toEqual([]);
    expect(parts(d)).toEqual(['area', 'path', 'closing']);
    expect(parts(draw(d, { type: 'close' }))).toEqual(['area', 'path']);
    const multi: MultiPolygonGeometry = { type: 'MultiPolygon', coordinates: [valueOf(d)!.coordinates] };
    expect(shapesOf(d, multi).features.map((f) => f.geometry.type)).toEqual(['MultiPolygon', 'MultiLineString']);
  });
});
