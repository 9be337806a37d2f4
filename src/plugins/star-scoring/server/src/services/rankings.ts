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
      const stars = isPg() ? `string_agg(s.star_key, ',' ORDER BY s.star_key)` : `group_concat(s.star_key, ',')`;
      // The branches being ranked. The street filter drives from the parent link's index (a street has a few
      // dozen communities) and then also narrows the aggregate, so a street bulletin never reads the province.
      const poolParams: any[] = [];
      let pool = `SELECT b.id, b.code FROM branches b`;
      if (parentId !== undefined) { pool += ` JOIN ${pj.name} pl ON pl.${pj.own} = b.id AND pl.${pj.other} = ?`; poolParams.push(parentId); }
      pool += ` WHERE b.level = 'community_branch'`;
      if (q.category) { pool += ' AND b.category = ?'; poolParams.push(q.category); }
      // Inlined (not a shared CTE): PostgreSQL materializes a CTE used twice and then plans the province
      // ranking far worse (median 375 ms against 55 ms in two bench runs); repeating the fragment keeps it pulled up.
      const narrow = parentId !== undefined ? ` AND a.branch_ref IN (SELECT n.id FROM (${pool}) n)` : '';
      // Why this shape (EXPLAIN ANALYZE at 50,000 branches, README "Bench"): approved stars are aggregated
      // first from the covering index ss_assessments_rank_idx (index-only scan, no heap, no JSON). Then only
      // the best `offset + pageSize` narrow rows are kept (top-N heap, no full sort) and ranked: a branch's
      // RANK() depends only on the branches strictly ahead of it, which are all inside that head, so the
      // ranks equal those over the whole set. Names and the star list are read for the page only.
      const offset = (page - 1) * pageSize;
      const sql = `WITH agg AS (
          SELECT a.branch_ref, COUNT(*) AS level, SUM(a.reviewed_score) AS points
          FROM ss_assessments a WHERE a.year = ? AND a.status = 'approved'${narrow} GROUP BY a.branch_ref
        ), head AS (
          SELECT p.id, p.code, COALESCE(g.level, 0) AS n_stars, COALESCE(g.points, 0) AS points
          FROM (${pool}) p LEFT JOIN agg g ON g.branch_ref = p.id
          ORDER BY n_stars DESC, points DESC, p.code ASC LIMIT ?
        ), ranked AS (
          SELECT h.*, RANK() OVER (ORDER BY h.n_stars DESC, h.points DESC) AS rank FROM head h
        )
        SELECT r.id, r.code, r.n_stars AS level, r.points, r.rank, b.document_id, b.name, b.category,
          (SELECT COUNT(*) FROM (${pool}) c) AS total_count,
          (SELECT ${stars} FROM ss_assessments s WHERE s.branch_ref = r.id AND s.year = ? AND s.status = 'approved') AS stars
        FROM (SELECT * FROM ranked ORDER BY rank ASC, code ASC LIMIT ? OFFSET ?) r
        JOIN branches b ON b.id = r.id
        ORDER BY r.rank ASC, r.code ASC`;
      // Placeholders in text order: agg year (+ street pool), head pool and size, total pool, stars year, page.
      const params: any[] = [q.year, ...(narrow ? poolParams : []), ...poolParams, offset + pageSize, ...poolParams, q.year, pageSize, offset];
      const res: any = await knex().raw(sql, params);
      const rows: any[] = Array.isArray(res) ? res : res.rows;
      return {
        data: rows.map((r) => ({ rank: Number(r.rank), branch: { documentId: r.document_id, name: r.name, code: r.code, category: r.category }, level: Number(r.level), stars: r.stars ? String(r.stars).split(',').sort() : [], totalPoints: Number(r.points) })),
        meta: { year: q.year, page, pageSize, total: rows.length ? Number(rows[0].total_count) : 0 },
      };
    },

    /**
     * Campaign figures for a year in ONE statement: assessments per star and status, and branches per level
     * (level 0 included), as two row kinds of a UNION ALL. Levels reuse the covering index like rankings.
     */
    async dashboard(year: number) {
      const res: any = await knex().raw(
        `SELECT 'status' AS kind, a.star_key, a.status, NULL AS level, COUNT(*) AS n
           FROM ss_assessments a WHERE a.year = ? GROUP BY a.star_key, a.status
         UNION ALL
         SELECT 'level' AS kind, NULL, NULL, l.level, COUNT(*) AS n FROM (
           SELECT COALESCE(g.level, 0) AS level FROM branches b LEFT JOIN (
             SELECT a.branch_ref, COUNT(*) AS level FROM ss_assessments a WHERE a.year = ? AND a.status = 'approved' GROUP BY a.branch_ref
           ) g ON g.branch_ref = b.id WHERE b.level = 'community_branch'
         ) l GROUP BY l.level`,
        [year, year],
      );
      const rows: any[] = Array.isArray(res) ? res : res.rows;
      return {
        year,
        byStarAndStatus: rows.filter((r) => r.kind === 'status').map((r) => ({ star: r.star_key, status: r.status, count: Number(r.n) }))
          .sort((x, y) => x.star.localeCompare(y.star) || x.status.localeCompare(y.status)),
        branchesPerLevel: rows.filter((r) => r.kind === 'level').map((r) => ({ level: Number(r.level), count: Number(r.n) })).sort((x, y) => x.level - y.level),
      };
    },
  };
};
