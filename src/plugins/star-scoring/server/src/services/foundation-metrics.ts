import type { Core } from '@strapi/strapi';
import { joinOf, knexOf, tableOf } from '@grassroots/kit/server';
import { BRANCH } from '../cache';
import { rowsOf } from '../types';
import type { Metric } from './metrics';

const COMPOUND = 'api::compound.compound';
const GRID = 'api::grid.grid';
/** The component behind grid.heads (网格“五长”). */
const GRID_HEAD = 'grid.head';

type Figures = { total: number | string; red: number | string; unmanaged: number | string; covered: number | string };

/**
 * The foundation's own metrics. A community's compounds are those in grids of that community
 * (compound.grid → grid.branch); each figure is one SQL statement. Table and join-table names come
 * from Strapi's metadata.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  async function communityId(documentId: string): Promise<number> {
    const b = (await strapi.db.query(BRANCH).findOne({ where: { documentId }, select: ['id'] })) as {
      id: number;
    } | null;
    return b?.id ?? -1;
  }
  async function compoundFigures(documentId: string) {
    const cg = joinOf(strapi, COMPOUND, 'grid');
    const gb = joinOf(strapi, GRID, 'branch');
    const cp = joinOf(strapi, COMPOUND, 'partyGroup');
    const id = await communityId(documentId);
    const row = (await knex()
      .from(`${tableOf(strapi, COMPOUND)} as c`)
      .join(`${cg.table} as cg`, `cg.${cg.own}`, 'c.id')
      .join(`${gb.table} as gb`, `gb.${gb.own}`, `cg.${cg.other}`)
      .where(`gb.${gb.other}`, id)
      .select(
        knex().raw('COUNT(DISTINCT c.id) as total'),
        knex().raw('COUNT(DISTINCT CASE WHEN c.red_property_management = ? THEN c.id END) as red', [true]),
        knex().raw('COUNT(DISTINCT CASE WHEN c.is_unmanaged = ? THEN c.id END) as unmanaged', [true]),
        knex().raw(
          `COUNT(DISTINCT CASE WHEN c.is_unmanaged = ? AND EXISTS (SELECT 1 FROM ${cp.table} p WHERE p.${cp.own} = c.id) THEN c.id END) as covered`,
          [true],
        ),
      )
      .first()) as Figures | undefined;
    return {
      total: Number(row?.total ?? 0),
      red: Number(row?.red ?? 0),
      unmanaged: Number(row?.unmanaged ?? 0),
      covered: Number(row?.covered ?? 0),
    };
  }
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 0);
  const FIVE = ['grid_head', 'street_head', 'party_group_head', 'building_head', 'unit_head'];

  return {
    definitions(): Metric[] {
      return [
        {
          key: 'foundation.red-property-share',
          label: { 'zh-Hans': '红色物业小区占比', en: 'Share of compounds under red property management' },
          unit: 'ratio',
          description: '社区网格内小区中实行红色物业的比例（红色物业创建情况）',
          compute: async ({ branchDocumentId }) => {
            const f = await compoundFigures(branchDocumentId);
            return { value: ratio(f.red, f.total), figures: { compounds: f.total, redProperty: f.red } };
          },
        },
        {
          key: 'foundation.unmanaged-covered-share',
          label: { 'zh-Hans': '无物业小区党小组覆盖率', en: 'Share of unmanaged compounds covered by a party group' },
          unit: 'ratio',
          description: '“三无”小区中已建立小区党小组的比例',
          compute: async ({ branchDocumentId }) => {
            const f = await compoundFigures(branchDocumentId);
            return { value: ratio(f.covered, f.unmanaged), figures: { unmanaged: f.unmanaged, covered: f.covered } };
          },
        },
        {
          key: 'foundation.grids-five-heads',
          label: { 'zh-Hans': '“五长”配齐的网格数', en: 'Grids with all five heads filled' },
          unit: 'count',
          description: '社区网格中网格长、街长、党小组长、楼长、单元长均已配备的网格数',
          compute: async ({ branchDocumentId }) => {
            const gb = joinOf(strapi, GRID, 'branch');
            // The component join table of grid.heads (entity → component rows, typed by component_type).
            const heads = joinOf(strapi, GRID, 'heads');
            const id = await communityId(branchDocumentId);
            const placeholders = FIVE.map(() => '?').join(',');
            const [r] = rowsOf<{ grids: number | string; complete: number | string | null }>(
              await knex().raw(
                `SELECT COUNT(*) AS grids, SUM(CASE WHEN t.roles = ${FIVE.length} THEN 1 ELSE 0 END) AS complete FROM (
                   SELECT gb.${gb.own} AS grid_id, (SELECT COUNT(DISTINCT h.role) FROM ${heads.table} gc JOIN ${tableOf(strapi, GRID_HEAD)} h ON h.id = gc.${heads.other}
                     WHERE gc.${heads.own} = gb.${gb.own} AND gc.component_type = ? AND h.role IN (${placeholders})) AS roles
                   FROM ${gb.table} gb WHERE gb.${gb.other} = ?) t`,
                [GRID_HEAD, ...FIVE, id],
              ),
            );
            return {
              value: Number(r?.complete ?? 0),
              figures: { grids: Number(r?.grids ?? 0), complete: Number(r?.complete ?? 0) },
            };
          },
        },
      ];
    },
  };
};
