import type { Core } from '@strapi/strapi';
import { notFound } from './http-error';

/**
 * Ranking bulletin, one SQL statement. Only approved stars count. Order: level desc, total approved
 * points desc, then branch code asc. Branches equal on level and points share a rank (RANK()), and
 * are listed by code so the order never changes between calls.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const isPg = () => String(strapi.db.dialect.client).startsWith('postgres') || strapi.db.dialect.client === 'pg';
  function parentJoin() {
    const jt: any = (strapi.db.metadata.get('api::branch.branch' as any).attributes as any).parent.joinTable;
    return { name: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string };
  }
  return {
    async rankings(q: { year: number; category?: string; parent?: string; page?: number; pageSize?: number }) {
      const pj = parentJoin();
      let parentId: number | undefined;
      if (q.parent) {
        const p: any = await strapi.db.query('api::branch.branch').findOne({ where: { documentId: q.parent }, select: ['id'] });
        if (!p) throw notFound('parent');
        parentId = p.id;
      }
      const pageSize = q.pageSize ?? 100;
      const page = q.page ?? 1;
      const stars = isPg() ? `string_agg(a.star_key, ',' ORDER BY a.star_key)` : `group_concat(a.star_key, ',')`;
      const params: any[] = [q.year];
      let where = `b.level = 'community_branch'`;
      if (q.category) { where += ' AND b.category = ?'; params.push(q.category); }
      if (parentId !== undefined) { where += ` AND EXISTS (SELECT 1 FROM ${pj.name} p WHERE p.${pj.own} = b.id AND p.${pj.other} = ?)`; params.push(parentId); }
      params.push(pageSize, (page - 1) * pageSize);
      const sql = `SELECT * FROM (
          SELECT g.*, RANK() OVER (ORDER BY g.level DESC, g.points DESC) AS rank, COUNT(*) OVER () AS total_count FROM (
            SELECT b.id, b.document_id, b.name, b.code, b.category, COUNT(a.id) AS level, COALESCE(SUM(a.reviewed_score), 0) AS points, ${stars} AS stars
            FROM branches b LEFT JOIN ss_assessments a ON a.branch_ref = b.id AND a.year = ? AND a.status = 'approved'
            WHERE ${where.replace(/b\.category = \?/, 'b.category = ?')}
            GROUP BY b.id, b.document_id, b.name, b.code, b.category) g
        ) r ORDER BY r.rank ASC, r.code ASC LIMIT ? OFFSET ?`;
      // year param must come first (it is in the JOIN), then the WHERE params.
      const res: any = await knex().raw(sql, params);
      const rows: any[] = Array.isArray(res) ? res : res.rows;
      return {
        data: rows.map((r) => ({ rank: Number(r.rank), branch: { documentId: r.document_id, name: r.name, code: r.code, category: r.category }, level: Number(r.level), stars: r.stars ? String(r.stars).split(',').sort() : [], totalPoints: Number(r.points) })),
        meta: { year: q.year, page, pageSize, total: rows.length ? Number(rows[0].total_count) : 0 },
      };
    },

    /** Campaign figures for a year: assessments per status and star, branches per level; one statement each. */
    async dashboard(year: number) {
      const perStatus: any = await knex()('ss_assessments').where({ year }).select('star_key', 'status').count({ n: '*' }).groupBy('star_key', 'status');
      const levelsRes: any = await knex().raw(
        `SELECT l.level, COUNT(*) AS n FROM (SELECT b.id, COUNT(a.id) AS level FROM branches b LEFT JOIN ss_assessments a ON a.branch_ref = b.id AND a.year = ? AND a.status = 'approved' WHERE b.level = 'community_branch' GROUP BY b.id) l GROUP BY l.level ORDER BY l.level`,
        [year],
      );
      const levels: any[] = Array.isArray(levelsRes) ? levelsRes : levelsRes.rows;
      return {
        year,
        byStarAndStatus: perStatus.map((r: any) => ({ star: r.star_key, status: r.status, count: Number(r.n) })),
        branchesPerLevel: levels.map((r) => ({ level: Number(r.level), count: Number(r.n) })),
      };
    },
  };
};
