import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { columnOf, joinOf, knexOf, notFound, requireInScope, routeScope } from '@grassroots/kit/server';
import { maskPhone, type GridSheet, type SheetCounts, type SheetRow } from '../../../shared';
import { GRID } from '../uids';
import { SHEET_COUNTS, sheetStatement } from './sheet-sql';

export type { SheetCounts, SheetRow, GridHead, GridSheet } from '../../../shared/sheet';

/** Today in Asia/Shanghai (YYYY-MM-DD): a rental is current from its first day to its last. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

type Raw = Record<string, unknown>;
const rowOf = (r: Raw): SheetRow => ({
  documentId: String(r.documentId),
  code: String(r.code),
  name: String(r.name),
  ...(Object.fromEntries(SHEET_COUNTS.map((k) => [k, Number(r[k] ?? 0)])) as SheetCounts),
});

/** Rows of a knex raw answer (PostgreSQL wraps them in `rows`, SQLite answers the array). */
const rowsOf = (answer: unknown): Raw[] =>
  Array.isArray(answer) ? (answer as Raw[]) : ((answer as { rows?: Raw[] }).rows ?? []);

/**
 * 一表 (网格基础信息表): per grid the heads with their contacts (phones masked), the compounds and
 * the counts (one statement, sheet-sql.ts); the summary gives the counts of every top grid of a
 * street or community in the caller's organisation, one row per grid, by the same statement.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async grid(documentId: string): Promise<GridSheet> {
    await requireInScope(strapi, GRID, documentId, 'grid');
    const answer = await knexOf(strapi).raw(sheetStatement(strapi, 'g.document_id = :grid', 'one'), {
      grid: documentId,
      today: today(),
    });
    const [row] = rowsOf(answer);
    if (!row) throw notFound('grid', '网格');
    // The heads and compound names are read, not counted: the Query Engine with its components.
    const grid = (await strapi.db.query(GRID as StrapiUID.Schema).findOne({
      where: { documentId },
      populate: {
        heads: true,
        branch: { select: ['name'] },
        compounds: { select: ['name', 'code'] },
        children: { select: ['id'], populate: { compounds: { select: ['name', 'code'] } } },
      },
    })) as Raw & {
      heads?: Raw[];
      branch?: { name: string } | null;
      compounds?: Array<{ name: string; code: string }>;
      children?: Array<{ compounds?: Array<{ name: string; code: string }> }>;
    };
    const compounds = [...(grid.compounds ?? []), ...(grid.children ?? []).flatMap((c) => c.compounds ?? [])];
    const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
    return {
      ...rowOf(row),
      level: String(grid.level),
      community: grid.branch?.name ?? null,
      heads: (grid.heads ?? []).map((h) => ({
        role: String(h.role),
        name: String(h.name),
        phone: maskPhone(str(h.phone)),
        building: str(h.building),
        unit: str(h.unit),
      })),
      compoundNames: compounds.sort((a, b) => a.code.localeCompare(b.code)).map((c) => c.name),
    };
  },

  /** One row per top grid (base and dedicated; secondary grids count in their parent) within `branch`. */
  async summary(branch?: string): Promise<SheetRow[]> {
    const scope = await routeScope(strapi);
    // A grid with a parent is a secondary grid: it is counted inside its parent's row.
    const parent = joinOf(strapi, GRID, 'parent');
    const where: string[] = [`NOT EXISTS (SELECT 1 FROM "${parent.table}" p WHERE p."${parent.own}" = g.id)`];
    const bindings: Record<string, string> = { today: today() };
    if ('none' in scope) return [];
    if ('column' in scope) {
      where.push(`g.${columnOf(strapi, GRID, scope.column)} = :scopeNode`);
      bindings.scopeNode = scope.node;
    }
    if (branch) {
      const cols = ['scopeCounty', 'scopeStreet', 'scopeCommunity'].map((a) => `g.${columnOf(strapi, GRID, a)}`);
      where.push(`(${cols.map((c) => `${c} = :branch`).join(' OR ')})`);
      bindings.branch = branch;
    }
    const answer = await knexOf(strapi).raw(sheetStatement(strapi, where.join(' AND '), 'many'), bindings);
    return rowsOf(answer).map(rowOf);
  },
});
