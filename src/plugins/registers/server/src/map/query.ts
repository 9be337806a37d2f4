import { z } from 'zod';

/** The map layers (三图 + the grid cases): 网格划分图, 党组织分布图, 房屋四色图, 网格事项. */
export const MAP_LAYERS = ['grids', 'branches', 'houses', 'cases'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/**
 * `layers`: a comma-separated subset of MAP_LAYERS (default all); `within`: the documentId of a
 * grid (the grid and its secondary grids) or of a county, street or community party organisation
 * (everything below it); without it, the caller's whole organisation.
 */
export const mapQuery = z.strictObject({
  layers: z
    .string()
    .optional()
    .describe('comma-separated: grids, branches, houses, cases (default all four)')
    .transform((v, ctx) => {
      const names = (v ?? MAP_LAYERS.join(','))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = names.filter((n) => !(MAP_LAYERS as readonly string[]).includes(n));
      if (!names.length || unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown layer ${unknown.join(', ') || '(none)'}: use ${MAP_LAYERS.join(', ')} (图层只能是 ${MAP_LAYERS.join('、')})`,
        });
        return z.NEVER;
      }
      return [...new Set(names)] as MapLayer[];
    }),
  within: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('documentId of a grid, or of a county / street / community party organisation'),
});
export type MapQuery = z.infer<typeof mapQuery>;
