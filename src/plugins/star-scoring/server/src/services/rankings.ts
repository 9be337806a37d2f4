import type { Core } from '@strapi/strapi';
import { columnOf, dialectOf, joinOf, knexOf, notFound, tableOf, type RouteScope } from '@grassroots/kit/server';
import { ASSESSMENT, BRANCH } from '../cache';
import { rowsOf } from '../types';

export interface RankingQuery {
  year: number;
  category?: 'urban' | 'rural';
  parent?: string;
  page?: number;
  pageSize?: number;
}

export interface RankingRow {
  rank: number;
  branch: { documentId: string; name: string; code: string; category: string | null };
  level: number;
  stars: string[];
  totalPoints: number;
}

interface RawRanking {
  rank: number | string;
  document_id: string;
  name: string;
  code: string;
  category: string | null;
  level: number | string;
  points: number | string;
  stars: string | null;
  total_count: number | string;
}

interface RawDashboard {
  kind: 'status' | 'level';
  star_key: string;
  status: string;
  level: number | string;
  n: number | string;
}

interface RawStreet {
  document_id: string;
  name: string;
  code: string;
  branches: number | string;
  assessments: number | string;
  approved: number | string | null;
}

/**
 * Ranking bulletin, one SQL statement. Only approved stars count. Order: level desc, total approved
 * points desc, then branch code asc. Branches equal on level and points share a rank (RANK()), and
 * are listed by code so the order never changes between calls. Table names come from Strapi's metadata.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const tables = () => ({
    a: tableOf(strapi, ASSESSMENT),
    b: tableOf(strapi, BRANCH),
    parent: joinOf(strapi, BRANCH, 'parent'),
  });
  /**
   * The caller's organisation (the kit's routeScope) as a condition of these raw statements, the same
   * equality as the kit's whereInScope: nothing for public callers and Super Admins, none for staff
   * without an organisation.
   */
  const within = (scope: RouteScope, uid: string, alias: string): { sql: string; bindings: string[] } => {
    if ('all' in scope) return { sql: '', bindings: [] };
    if ('none' in scope) return { sql: ' AND 1 = 0', bindings: [] };
    return { sql: ` AND ${alias}.${columnOf(strapi, uid, scope.column)} = ?`, bindings: [scope.node] };
  };
  const ALL: RouteScope = { all: true };

  return {
    /** `scope`: a staff caller's organisation (the branches ranked are those inside it); public: everything. */
    async rankings(
      q: RankingQuery,
      scope: RouteScope = ALL,
    ): Promise<{ data: RankingRow[]; meta: { year: number; page: number; pageSize: number; total: number } }> {
      const t = tables();
      const pj = t.parent;
      let parentId: number | undefined;
      if (q.parent) {
        const p = (await strapi.db.query(BRANCH).findOne({ where: { documentId: q.parent }, select: ['id'] })) as {
          id: number;
        } | null;
        if (!p) throw notFound('parent', '上级党组织');
        parentId = p.id;
      }
      const pageSize = q.pageSize ?? 100;
      const page = q.page ?? 1;
      const stars =
        dialectOf(strapi) === 'postgres'
          ? `string_agg(s.star_key, ',' ORDER BY s.star_key)`
          : `group_concat(s.star_key, ',')`;
      // The branches being ranked. The street filter drives from the parent link's index (a street has a few
      // dozen communities) and then also narrows the aggregate, so a street bulletin never reads the province.
      const poolParams: Array<string | number> = [];
      let pool = `SELECT b.id, b.code FROM ${t.b} b`;
      if (parentId !== undefined) {
        pool += ` JOIN ${pj.table} pl ON pl.${pj.own} = b.id AND pl.${pj.other} = ?`;
        poolParams.push(parentId);
      }
      pool += ` WHERE b.level = 'community_branch'`;
      const inside = within(scope, BRANCH, 'b');
      pool += inside.sql;
      poolParams.push(...inside.bindings);
      if (q.category) {
        pool += ' AND b.category = ?';
        poolParams.push(q.category);
      }
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
          FROM ${t.a} a WHERE a.year = ? AND a.status = 'approved'${narrow} GROUP BY a.branch_ref
        ), head AS (
          SELECT p.id, p.code, COALESCE(g.level, 0) AS n_stars, COALESCE(g.points, 0) AS points
          FROM (${pool}) p LEFT JOIN agg g ON g.branch_ref = p.id
          ORDER BY n_stars DESC, points DESC, p.code ASC LIMIT ?
        ), ranked AS (
          SELECT h.*, RANK() OVER (ORDER BY h.n_stars DESC, h.points DESC) AS rank FROM head h
        )
        SELECT r.id, r.code, r.n_stars AS level, r.points, r.rank, b.document_id, b.name, b.category,
          (SELECT COUNT(*) FROM (${pool}) c) AS total_count,
          (SELECT ${stars} FROM ${t.a} s WHERE s.branch_ref = r.id AND s.year = ? AND s.status = 'approved') AS stars
        FROM (SELECT * FROM ranked ORDER BY rank ASC, code ASC LIMIT ? OFFSET ?) r
        JOIN ${t.b} b ON b.id = r.id
        ORDER BY r.rank ASC, r.code ASC`;
      // Placeholders in text order: agg year (+ street pool), head pool and size, total pool, stars year, page.
      const params = [
        q.year,
        ...(narrow ? poolParams : []),
        ...poolParams,
        offset + pageSize,
        ...poolParams,
        q.year,
        pageSize,
        offset,
      ];
      const rows = rowsOf<RawRanking>(await knex().raw(sql, params));
      return {
        data: rows.map((r) => ({
          rank: Number(r.rank),
          branch: { documentId: r.document_id, name: r.name, code: r.code, category: r.category },
          level: Number(r.level),
          stars: r.stars ? String(r.stars).split(',').sort() : [],
          totalPoints: Number(r.points),
        })),
        meta: { year: q.year, page, pageSize, total: rows.length ? Number(rows[0].total_count) : 0 },
      };
    },

    /**
     * Campaign figures for a year in ONE statement: assessments per star and status, and branches per level
     * (level 0 included), as two row kinds of a UNION ALL. Levels reuse the covering index like rankings.
     */
    async dashboard(year: number, scope: RouteScope = ALL) {
      const t = tables();
      const assessments = within(scope, ASSESSMENT, 'a');
      const branches = within(scope, BRANCH, 'b');
      const rows = rowsOf<RawDashboard>(
        await knex().raw(
          `SELECT 'status' AS kind, a.star_key, a.status, NULL AS level, COUNT(*) AS n
             FROM ${t.a} a WHERE a.year = ?${assessments.sql} GROUP BY a.star_key, a.status
           UNION ALL
           SELECT 'level' AS kind, NULL, NULL, l.level, COUNT(*) AS n FROM (
             SELECT COALESCE(g.level, 0) AS level FROM ${t.b} b LEFT JOIN (
               SELECT a.branch_ref, COUNT(*) AS level FROM ${t.a} a WHERE a.year = ? AND a.status = 'approved' GROUP BY a.branch_ref
             ) g ON g.branch_ref = b.id WHERE b.level = 'community_branch'${branches.sql}
           ) l GROUP BY l.level`,
          [year, ...assessments.bindings, year, ...branches.bindings],
        ),
      );
      return {
        year,
        byStarAndStatus: rows
          .filter((r) => r.kind === 'status')
          .map((r) => ({ star: r.star_key, status: r.status, count: Number(r.n) }))
          .sort((x, y) => x.star.localeCompare(y.star) || x.status.localeCompare(y.status)),
        branchesPerLevel: rows
          .filter((r) => r.kind === 'level')
          .map((r) => ({ level: Number(r.level), count: Number(r.n) }))
          .sort((x, y) => x.level - y.level),
      };
    },

    /** Streets (parents of community branches) with branch and assessment counts for a year: one SQL statement. */
    async streets(year: number, scope: RouteScope = ALL) {
      const t = tables();
      const pj = t.parent;
      const branches = within(scope, BRANCH, 'b');
      const rows = rowsOf<RawStreet>(
        await knex().raw(
          `SELECT s.document_id, s.name, s.code, COUNT(DISTINCT b.id) AS branches, COUNT(a.id) AS assessments,
             SUM(CASE WHEN a.status = 'approved' THEN 1 ELSE 0 END) AS approved
           FROM ${t.b} s JOIN ${pj.table} p ON p.${pj.other} = s.id JOIN ${t.b} b ON b.id = p.${pj.own} AND b.level = 'community_branch'${branches.sql}
           LEFT JOIN ${t.a} a ON a.branch_ref = b.id AND a.year = ?
           GROUP BY s.id, s.document_id, s.name, s.code ORDER BY s.code`,
          [...branches.bindings, year],
        ),
      );
      return rows.map((r) => ({
        documentId: r.document_id,
        name: r.name,
        code: r.code,
        branches: Number(r.branches),
        assessments: Number(r.assessments),
        approvedStars: Number(r.approved ?? 0),
      }));
    },
  };
};
