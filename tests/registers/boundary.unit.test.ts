import {
  MAX_VERTICES,
  boundaryProblem,
  centreOf,
  cornersOf,
  polygonOf,
  type Boundary,
} from '../../src/plugins/registers/shared/boundary';
import { BLOCKS, gridBoundary } from '../../src/seed/boundaries';
import { buildWeishiDemo } from '../../src/seed/weishi';

const ring = (...p: Array<[number, number]>) => p;
const square: Boundary = {
  type: 'Polygon',
  coordinates: [ring([114.19, 34.41], [114.2, 34.41], [114.2, 34.42], [114.19, 34.42], [114.19, 34.41])],
};

describe('boundaryProblem: RFC 7946 polygons in WGS-84 only', () => {
  it('accepts a closed polygon, a polygon with a hole, a multipolygon, and no boundary at all', () => {
    expect(boundaryProblem(square)).toBeNull();
    const hole = ring([114.193, 34.413], [114.195, 34.413], [114.195, 34.415], [114.193, 34.413]);
    expect(boundaryProblem({ type: 'Polygon', coordinates: [square.coordinates[0], hole] })).toBeNull();
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [square.coordinates, [hole]] })).toBeNull();
    expect(boundaryProblem(null)).toBeNull();
    expect(boundaryProblem(undefined)).toBeNull();
  });

  it('names the rule a bad boundary breaks, in English and Chinese', () => {
    const c = square.coordinates[0];
    const cases: Array<[unknown, RegExp]> = [
      [{ type: 'Polygon', coordinates: [c.slice(0, 4)] }, /closed.*未闭合/],
      [{ type: 'Polygon', coordinates: [c.map(([x, y]) => [y, x])] }, /longitude.*经度在前/],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [114.19, 34.41],
              [114.2, 34.41],
              [114.19, 34.41],
            ],
          ],
        },
        /three corners/,
      ],
      [{ type: 'Polygon', coordinates: [[[114.19, 34.41, 0, 1], ...c.slice(1)]] }, /longitude/],
      [{ type: 'Polygon', coordinates: [[['114.19', 34.41], ...c.slice(1)]] }, /longitude/],
      [{ type: 'Polygon', coordinates: [] }, /Polygon or MultiPolygon/],
      [{ type: 'LineString', coordinates: c }, /Polygon or MultiPolygon/],
      [{ type: 'Feature', geometry: square }, /Polygon or MultiPolygon/],
      [[square], /Polygon or MultiPolygon/],
      ['POLYGON((114 34, 115 34, 115 35, 114 34))', /Polygon or MultiPolygon/],
    ];
    for (const [value, rule] of cases) expect(boundaryProblem(value)).toMatch(rule);
  });

  it('refuses one vertex more than the limit, not the limit itself', () => {
    const circle = (n: number) => {
      const p = Array.from({ length: n }, (_, i) => [
        114.19 + Math.cos((2 * Math.PI * i) / n) * 0.01,
        34.41 + Math.sin((2 * Math.PI * i) / n) * 0.01,
      ]);
      return { type: 'Polygon', coordinates: [[...p, p[0]]] };
    };
    expect(boundaryProblem(circle(MAX_VERTICES))).toBeNull();
    expect(boundaryProblem(circle(MAX_VERTICES + 1))).toMatch(/at most 2000 vertices/);
  });
});

describe('the editor’s geometry', () => {
  it('closes the clicked corners into a valid polygon and reads them back', () => {
    const corners: Array<[number, number]> = [
      [114.19, 34.41],
      [114.2, 34.41],
      [114.2, 34.42],
    ];
    const p = polygonOf(corners)!;
    expect(boundaryProblem(p)).toBeNull();
    expect(p.coordinates[0]).toHaveLength(4);
    expect(cornersOf(p)).toEqual(corners);
    expect(polygonOf(corners.slice(0, 2))).toBeNull();
    expect(cornersOf({ type: 'Polygon', coordinates: [] } as Boundary)).toEqual([]);
  });

  it('puts a label at the centre of the boundaries’ extent', () => {
    expect(centreOf([square])).toEqual([114.195, 34.415]);
    expect(centreOf([])).toBeNull();
  });
});

describe('the demo boundaries tile each community', () => {
  const demo = buildWeishiDemo(new Date('2026-06-01T00:00:00Z'));
  const withBoundary = demo.grids.filter((g) => g.boundary);
  const area = (b: Boundary) => {
    const [[a, , c]] = b.coordinates as Array<Array<[number, number]>>;
    return Math.abs((c[0] - a[0]) * (c[1] - a[1]));
  };

  it('gives every base grid a valid boundary around Weishi (34.41 N, 114.19 E)', () => {
    const base = demo.grids.filter((g) => g.level === 'base');
    expect(withBoundary.map((g) => g.code).sort()).toEqual(base.map((g) => g.code).sort());
    for (const g of withBoundary) {
      expect(boundaryProblem(g.boundary)).toBeNull();
      const [lng, lat] = centreOf([g.boundary as Boundary])!;
      expect(Math.abs(lng - 114.19)).toBeLessThan(0.05);
      expect(Math.abs(lat - 34.41)).toBeLessThan(0.05);
    }
  });

  it('covers each community block exactly, without overlaps, sharing edges between neighbours', () => {
    for (const community of Object.keys(BLOCKS)) {
      const grids = withBoundary.filter((g) => g.branch === community);
      expect(grids.length).toBeGreaterThan(0);
      const boundaries = grids.map((g) => g.boundary as Boundary);
      const total = boundaries.reduce((s, b) => s + area(b), 0);
      expect(total).toBeCloseTo(0.012 * 0.011, 9);
      // corners of neighbours coincide: every inner corner is shared by more than one grid
      const corners = new Map<string, number>();
      for (const b of boundaries)
        for (const p of cornersOf(b)) corners.set(p.join(','), (corners.get(p.join(',')) ?? 0) + 1);
      if (grids.length > 1) expect([...corners.values()].some((n) => n > 1)).toBe(true);
    }
    expect(gridBoundary('LH-C1', 0, 9)).not.toEqual(gridBoundary('LH-C1', 1, 9));
  });
});
