/**
 * Demo grid boundaries (WGS-84, RFC 7946: [longitude, latitude]) around the county town of Weishi
 * (about 34.41 N, 114.19 E). Each community is a block of the town; its base grids split the block
 * into a 3 × 3 (or 1 × 3) lattice, so adjacent grids share their edges exactly and the grids of a
 * community tile it. A community with fewer grids than cells gives the last grid the cells left
 * over in its row (still a rectangle).
 */
type Position = [number, number];
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

// Town blocks: column and row of each community's block (两湖街道 west and centre, 永兴街道 east).
const ORIGIN: Position = [114.172, 34.398];
const BLOCK: Position = [0.012, 0.011]; // about 1.1 km × 1.2 km
export const BLOCKS: Record<string, Position> = {
  'LH-C1': [0, 1],
  'LH-C2': [1, 1],
  'LH-C3': [2, 1],
  'LH-C4': [0, 0],
  'LH-C5': [1, 0],
  'YX-C1': [2, 0],
  'YX-C2': [3, 0],
};

const at = (v: number) => Math.round(v * 1e6) / 1e6;

/** The rectangle of cells [col0, col1) × [row0, row1) of a block cut into `cols` × `rows`. */
function cells(block: Position, cols: number, rows: number, col0: number, col1: number, row0: number, row1: number) {
  const x = (c: number) => at(ORIGIN[0] + (block[0] + c / cols) * BLOCK[0]);
  const y = (r: number) => at(ORIGIN[1] + (block[1] + r / rows) * BLOCK[1]);
  const ring: Position[] = [
    [x(col0), y(row0)],
    [x(col1), y(row0)],
    [x(col1), y(row1)],
    [x(col0), y(row1)],
    [x(col0), y(row0)],
  ];
  return { type: 'Polygon' as const, coordinates: [ring] };
}

/**
 * The boundary of the `index`-th of `count` base grids of a community (row by row from the north
 * west); `lattice` is the block's cut, 3 × 3 for 两湖 communities, 3 × 1 for 永兴 ones.
 */
export function gridBoundary(community: string, index: number, count: number, cols = 3, rows = 3): Polygon {
  const block = BLOCKS[community];
  if (!block) throw new Error(`no demo block for ${community}`);
  const col = index % cols;
  const row = rows - 1 - Math.floor(index / cols);
  const last = index === count - 1;
  return cells(block, cols, rows, col, last ? cols : col + 1, row, row + 1);
}
