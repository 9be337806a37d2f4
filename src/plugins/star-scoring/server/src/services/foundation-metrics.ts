import type { Core } from '@strapi/strapi';

/** Names of Strapi's join tables, read from metadata rather than guessed. */
function joinTable(strapi: Core.Strapi, uid: string, attr: string) {
  const jt: any = (strapi.db.metadata.get(uid as any).attributes as any)[attr].joinTable;
  return { name: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string };
}

/**
 * The foundation's own metrics. A community's compounds are those in grids of that community
 * (compound.grid → grid.branch); each figure is one SQL statement.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  async function communityId(documentId: string): Promise<number> {
    const b: any = await strapi.db.query('api::branch.branch').findOne({ where: { documentId }, select: ['id'] });
    return b?.id ?? -1;
  }
  async function compoundFigures(documentId: string) {
    const cg = joinTable(strapi, 'api::compound.compound', 'grid');
    const gb = joinTable(strapi, 'api::grid.grid', 'branch');
    const cp = joinTable(strapi, 'api::compound.compound', 'partyGroup');
    const id = await communityId(documentId);
    const row: any = await knex()
      .from('compounds as c')
      .join(`${cg.name} as cg`, `cg.${cg.own}`, 'c.id')
      .join(`${gb.name} as gb`, `gb.${gb.own}`, `cg.${cg.other}`)
      .where(`gb.${gb.other}`, id)
      .select(
        knex().raw('COUNT(DISTINCT c.id) as total'),
        knex().raw('COUNT(DISTINCT CASE WHEN c.red_property_management = ? THEN c.id END) as red', [true]),
        knex().raw('COUNT(DISTINCT CASE WHEN c.is_unmanaged = ? THEN c.id END) as unmanaged', [true]),
        knex().raw(`COUNT(DISTINCT CASE WHEN c.is_unmanaged = ? AND EXISTS (SELECT 1 FROM ${cp.name} p WHERE p.${cp.own} = c.id) THEN c.id END) as covered`, [true]),
      )
      .first();
    return { total: Number(row?.total ?? 0), red: Number(row?.red ?? 0), unmanaged: Number(row?.unmanaged ?? 0), covered: Number(row?.covered ?? 0) };
  }
  const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 0);
  const FIVE = ['grid_head', 'street_head', 'party_group_head', 'building_head', 'unit_head'];

  return {
    definitions() {
      return [
        {
          key: 'foundation.red-property-share',
          label: { 'zh-Hans': '红色物业小区占比', en: 'Share of compounds under red property management' },
          unit: 'ratio' as const,
          description: '社区网格内小区中实行红色物业的比例（红色物业创建情况）',
          compute: async ({ branchDocumentId }: any) => {
            const f = await compoundFigures(branchDocumentId);
            return { value: ratio(f.red, f.total), figures: { compounds: f.total, redProperty: f.red } };
          },
        },
        {
          key: 'foundation.unmanaged-covered-share',
          label: { 'zh-Hans': '无物业小区党小组覆盖率', en: 'Share of unmanaged compounds covered by a party group' },
          unit: 'ratio' as const,
          description: '“三无”小区中已建立小区党小组的比例',
          compute: async ({ branchDocumentId }: any) => {
            const f = await compoundFigures(branchDocumentId);
            return { value: ratio(f.covered, f.unmanaged), figures: { unmanaged: f.unmanaged, covered: f.covered } };
          },
        },
        {
          key: 'foundation.grids-five-heads',
          label: { 'zh-Hans': '“五长”配齐的网格数', en: 'Grids with all five heads filled' },
          unit: 'count' as const,
          description: '社区网格中网格长、街长、党小组长、楼长、单元长均已配备的网格数',
          compute: async ({ branchDocumentId }: any) => {
            const gb = joinTable(strapi, 'api::grid.grid', 'branch');
            const id = await communityId(branchDocumentId);
            const placeholders = FIVE.map(() => '?').join(',');
            const row: any = await knex().raw(
              `SELECT COUNT(*) AS grids, SUM(CASE WHEN t.roles = ${FIVE.length} THEN 1 ELSE 0 END) AS complete FROM (
                 SELECT gb.${gb.own} AS grid_id, (SELECT COUNT(DISTINCT h.role) FROM grids_cmps gc JOIN components_grid_heads h ON h.id = gc.cmp_id
                   WHERE gc.entity_id = gb.${gb.own} AND gc.component_type = 'grid.head' AND h.role IN (${placeholders})) AS roles
                 FROM ${gb.name} gb WHERE gb.${gb.other} = ?) t`,
              [...FIVE, id],
            );
            const r = Array.isArray(row) ? row[0] : row.rows[0];
            return { value: Number(r?.complete ?? 0), figures: { grids: Number(r?.grids ?? 0), complete: Number(r?.complete ?? 0) } };
          },
        },
      ];
    },
  };
};
