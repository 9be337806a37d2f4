import { randomBytes } from 'crypto';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { joinOf, knexOf, newDocumentId, tableOf, type Scope } from '@grassroots/kit/server';
import { holidayTable, type DayKind, type OwnerKind } from '../../../shared';
import { touchCases } from '../cache';
import { GRID, UID, UNIT } from '../uids';
import { demoYear, type DemoCase, type DemoGrid } from './demo-year';
import { HOLIDAYS } from './demo-holidays';
import { seedOwnerAccounts } from './demo-owners';

/** 事项目录 of the demo: limits in working days (0 = 当日) and the owner each category usually goes to. */
const CATALOGUE: Array<{ name: string; timeLimitDays: number; defaultOwnerKind: OwnerKind; defaultOwnerName: string }> =
  [
    { name: '路灯损坏', timeLimitDays: 3, defaultOwnerKind: 'department', defaultOwnerName: '尉氏县城市管理局' },
    { name: '管道漏水', timeLimitDays: 1, defaultOwnerKind: 'department', defaultOwnerName: '尉氏县住房和城乡建设局' },
    { name: '垃圾清运', timeLimitDays: 0, defaultOwnerKind: 'department', defaultOwnerName: '尉氏县城市管理局' },
    { name: '占道经营', timeLimitDays: 3, defaultOwnerKind: 'department', defaultOwnerName: '尉氏县城市管理局' },
    { name: '邻里纠纷', timeLimitDays: 7, defaultOwnerKind: 'community', defaultOwnerName: '社区居委会' },
    { name: '违章搭建', timeLimitDays: 13, defaultOwnerKind: 'department', defaultOwnerName: '尉氏县城市管理局' },
    { name: '安全隐患', timeLimitDays: 0, defaultOwnerKind: 'department', defaultOwnerName: '尉氏县住房和城乡建设局' },
    { name: '楼道堆物', timeLimitDays: 3, defaultOwnerKind: 'property', defaultOwnerName: '小区物业服务企业' },
    { name: '小区停车', timeLimitDays: 7, defaultOwnerKind: 'property', defaultOwnerName: '小区物业服务企业' },
    { name: '绿化养护', timeLimitDays: 7, defaultOwnerKind: 'property', defaultOwnerName: '小区物业服务企业' },
  ];
/** Grids whose five heads, grid worker and representative get a grid account (网格通账号). */
const ACCOUNT_GRIDS = ['G01', 'G02', 'G03', 'G04', 'G05'];
const FIVE_HEADS = ['grid_head', 'street_head', 'party_group_head', 'building_head', 'unit_head'];
const CASES = 400;
const BATCH = 100;

type Row = Record<string, unknown>;
interface GridRow extends Partial<Scope> {
  id: number;
  documentId: string;
  code: string;
  name: string;
  boundary?: unknown;
  branch?: { name: string } | null;
  heads?: Array<{ role: string; name: string }>;
}

const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as StrapiUID.ContentType);
const idOf = (r: unknown) => Number(typeof r === 'object' && r !== null ? (r as { id: number }).id : r);
/** A grid's first boundary point (the demo draws them), else the street's centre. */
function pointOf(boundary: unknown): { lat: number; lng: number } {
  const b = (typeof boundary === 'string' ? JSON.parse(boundary) : boundary) as {
    coordinates?: number[][][];
  } | null;
  const p = b?.coordinates?.[0]?.[0];
  return p ? { lng: p[0], lat: p[1] } : { lng: 114.19, lat: 34.41 };
}

/**
 * Weishi demo of grid-cases: the catalogue, the holiday calendar of 2026 and 2027, grid accounts for
 * the heads of five grids, two owner accounts (demo-owners.ts), and a year of cases ending today in every status (demo-year.ts walks each
 * through the flow). Each part is matched by its natural key, so a second run creates nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(_s?: Core.Strapi): Promise<number> {
    let created = 0;
    created += await this.holidays();
    created += await this.catalogue();
    created += await this.accounts();
    created += await this.platformAccounts();
    created += await this.cases();
    await this.reporters();
    created += await seedOwnerAccounts(strapi);
    return created;
  },

  async holidays(): Promise<number> {
    const have = (await strapi.db.query(UID.holiday).findMany({ select: ['date'] })) as Array<{ date: string }>;
    const known = new Set(have.map((h) => String(h.date).slice(0, 10)));
    let created = 0;
    for (const h of HOLIDAYS.filter((x) => !known.has(x.date))) {
      await docs(strapi, UID.holiday).create({ data: h as never });
      created++;
    }
    return created;
  },

  async catalogue(): Promise<number> {
    const have = (await strapi.db.query(UID.category).findMany({ select: ['name'] })) as Array<{ name: string }>;
    const known = new Set(have.map((c) => c.name));
    let created = 0;
    for (const c of CATALOGUE.filter((x) => !known.has(x.name))) {
      await docs(strapi, UID.category).create({ data: { ...c, active: true } as never });
      created++;
    }
    return created;
  },

  /** 网格通账号 of the five heads and the grid worker of five grids, and the representatives living there. */
  async accounts(): Promise<number> {
    const grids = (await strapi.db.query(GRID as StrapiUID.Schema).findMany({
      where: { code: { $in: ACCOUNT_GRIDS } },
      select: ['id', 'documentId', 'code'],
      populate: { heads: true },
    })) as GridRow[];
    const reps = (await strapi.db.query('api::representative.representative' as StrapiUID.Schema).findMany({
      where: { grid: { code: { $in: ACCOUNT_GRIDS } } },
      select: ['name', 'documentId'],
      populate: { grid: { select: ['documentId'] } },
    })) as Array<{ name: string; documentId: string; grid: { documentId: string } | null }>;
    const have = (await strapi.db.query(UID.account).findMany({
      select: ['name'],
      populate: { grid: { select: ['documentId'] } },
    })) as Array<{ name: string; grid: { documentId: string } | null }>;
    const known = new Set(have.map((a) => `${a.grid?.documentId}:${a.name}`));
    const wanted = [
      ...grids.flatMap((g) =>
        (g.heads ?? []).map((h) => ({
          name: h.name,
          kind: FIVE_HEADS.includes(h.role) ? 'five_head' : 'grid_worker',
          grid: g.documentId,
        })),
      ),
      ...reps
        .filter((r) => r.grid)
        .map((r) => ({ name: r.name, kind: 'representative', grid: r.grid!.documentId, representative: r.documentId })),
    ];
    let created = 0;
    for (const a of wanted.filter((x) => !known.has(`${x.grid}:${x.name}`))) {
      await docs(strapi, UID.account).create({ data: a as never });
      created++;
    }
    return created;
  },

  /**
   * Each demo 网格通账号 is a platform account (a `grid-worker` user with a random password nobody is
   * told: the printed demo logins take three of them over, see src/bootstrap/demo-accounts.ts).
   */
  async platformAccounts(): Promise<number> {
    const role = (await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'grid-worker' }, select: ['id'] })) as { id: number } | null;
    if (!role) return 0;
    const bare = (await strapi.db.query(UID.account).findMany({
      where: { account: { id: { $null: true } } },
      select: ['id', 'documentId'],
    })) as Array<{ id: number; documentId: string }>;
    const users = strapi.plugin('users-permissions').service('user') as {
      add(values: Record<string, unknown>): Promise<{ id: number }>;
    };
    for (const a of bare) {
      const user = await users.add({
        username: `wgt-${a.documentId}`,
        email: `wgt-${a.documentId}@grid.weishi.example`,
        password: randomBytes(24).toString('base64url'),
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      });
      await strapi.db.query(UID.account).update({ where: { id: a.id }, data: { account: user.id } });
    }
    return bare.length;
  },

  /**
   * Who reported the demo's cases: in the grids with 网格通账号, a grid patrol or a resident's matter by the
   * grid worker, a five heads' report by one of the heads, a suggestion by one of the representatives
   * (their 履职); the rest (forum, 12345) came in without an account. One insert of the links.
   */
  async reporters(): Promise<void> {
    const knex = knexOf(strapi);
    const rel = joinOf(strapi, UID.case, 'reporter');
    const grid = joinOf(strapi, UID.case, 'grid');
    const accounts = (await strapi.db.query(UID.account).findMany({
      select: ['kind'],
      populate: { grid: { select: ['id'] }, account: { select: ['id'] } },
      orderBy: { id: 'asc' },
    })) as Array<{ kind: string; grid: { id: number } | null; account: { id: number } | null }>;
    const byGridKind = new Map<string, number[]>();
    for (const a of accounts) {
      if (!a.grid || !a.account) continue;
      const key = `${a.grid.id}:${a.kind}`;
      byGridKind.set(key, [...(byGridKind.get(key) ?? []), a.account.id]);
    }
    const KIND_OF: Record<string, string> = {
      grid_patrol: 'grid_worker',
      residents: 'grid_worker',
      five_heads: 'five_head',
      representatives: 'representative',
    };
    const cases = (await knex({ c: tableOf(strapi, UID.case) })
      .join({ g: grid.table }, `g.${grid.own}`, 'c.id')
      .leftJoin({ r: rel.table }, `r.${rel.own}`, 'c.id')
      .where('c.client_key', 'like', 'demo-year:%')
      .whereNull(`r.${rel.own}`)
      .whereIn('c.source', Object.keys(KIND_OF))
      .select({ id: 'c.id', source: 'c.source', grid: `g.${grid.other}` })) as Array<{
      id: number;
      source: string;
      grid: number;
    }>;
    const links = cases.flatMap((c) => {
      const who = byGridKind.get(`${c.grid}:${KIND_OF[c.source]}`);
      return who?.length ? [{ [rel.own]: c.id, [rel.other]: who[c.id % who.length] }] : [];
    });
    for (let i = 0; i < links.length; i += BATCH) await knex(rel.table).insert(links.slice(i, i + BATCH));
  },

  /** The year of cases, inserted in batches with their relations, scope columns and event trails. */
  async cases(): Promise<number> {
    const knex = knexOf(strapi);
    const caseTable = tableOf(strapi, UID.case);
    if (await knex(caseTable).where('client_key', 'like', 'demo-year:%').first('id')) return 0;
    const gridRows = (await strapi.db.query(GRID as StrapiUID.Schema).findMany({
      where: { level: 'base' },
      select: ['id', 'documentId', 'code', 'name', 'boundary', 'scopeCounty', 'scopeStreet', 'scopeCommunity'],
      populate: { branch: { select: ['name'] } },
      orderBy: { code: 'asc' },
    })) as GridRow[];
    const categoryRows = (await strapi.db.query(UID.category).findMany({
      where: { name: { $in: CATALOGUE.map((c) => c.name) } },
      select: ['id', 'documentId', 'name', 'timeLimitDays', 'defaultOwnerKind', 'defaultOwnerName'],
    })) as Array<{ id: number; documentId: string; name: string; timeLimitDays: number } & Row>;
    if (!gridRows.length || !categoryRows.length) return 0;
    const unitRows = (await strapi.db
      .query(UNIT as StrapiUID.Schema)
      .findMany({ select: ['id', 'documentId', 'name'], orderBy: { id: 'asc' }, limit: 3 })) as Array<{
      id: number;
      documentId: string;
      name: string;
    }>;
    const holidays = (await strapi.db.query(UID.holiday).findMany({ select: ['date', 'kind'] })) as Array<{
      date: string;
      kind: DayKind;
    }>;
    const grids: DemoGrid[] = gridRows.map((g) => ({
      key: g.documentId,
      name: g.name,
      community: `${(g.branch?.name ?? '社区').replace(/(党总支|党支部|党委)$/, '')}居委会`,
      ...pointOf(g.boundary),
    }));
    const generated = demoYear({
      now: new Date(),
      grids,
      categories: categoryRows.map((c) => ({
        key: c.documentId,
        name: c.name,
        timeLimitDays: c.timeLimitDays,
        defaultOwnerKind: c.defaultOwnerKind as OwnerKind,
        defaultOwnerName: String(c.defaultOwnerName ?? ''),
      })),
      units: unitRows.map((u) => ({ key: u.documentId, name: u.name })),
      holidays: holidayTable(holidays),
      count: CASES,
    });
    await this.insert(generated, { gridRows, categoryRows, unitRows });
    await touchCases(strapi);
    return generated.length + generated.reduce((n, c) => n + c.events.length, 0);
  },

  /**
   * Bulk insert (one statement per batch of cases, per batch of events and per join table) in one
   * transaction: the scope columns are the grid's, as the scope middleware would have written them.
   */
  async insert(
    cases: DemoCase[],
    refs: {
      gridRows: GridRow[];
      categoryRows: Array<{ id: number; documentId: string }>;
      unitRows: Array<{ id: number; documentId: string }>;
    },
  ) {
    const knex = knexOf(strapi);
    const caseTable = tableOf(strapi, UID.case);
    const eventTable = tableOf(strapi, UID.event);
    const grid = new Map(refs.gridRows.map((g) => [g.documentId, g]));
    const category = new Map(refs.categoryRows.map((c) => [c.documentId, c.id]));
    const unit = new Map(refs.unitRows.map((u) => [u.documentId, u.id]));
    const now = new Date();
    const scopeOf = (g: GridRow | undefined) => ({
      scope_county: g?.scopeCounty ?? null,
      scope_street: g?.scopeStreet ?? null,
      scope_community: g?.scopeCommunity ?? null,
    });
    const links = (attribute: string) => ({ join: joinOf(strapi, UID.case, attribute), rows: [] as Row[] });
    const rel = {
      category: links('category'),
      grid: links('grid'),
      ownerUnit: links('ownerUnit'),
      parent: links('parent'),
      mergedInto: links('mergedInto'),
    };
    const eventLink = { join: joinOf(strapi, UID.event, 'case'), rows: [] as Row[] };
    await knex.transaction(async (trx) => {
      const ids = new Map<string, number>();
      for (let i = 0; i < cases.length; i += BATCH) {
        const batch = cases.slice(i, i + BATCH);
        const inserted = await trx(caseTable)
          .insert(
            batch.map((c) => ({
              document_id: c.documentId,
              title: c.title,
              description: c.description,
              source: c.source,
              level: c.level,
              building: c.building,
              lat: c.lat,
              lng: c.lng,
              reporter_contact: c.reporterContact,
              client_key: c.clientKey,
              status: c.status,
              owner_kind: c.ownerKind,
              owner_name: c.ownerName,
              reported_at: c.reportedAt,
              accepted_at: c.acceptedAt,
              dispatched_at: c.dispatchedAt,
              due_at: c.dueAt,
              signed_at: c.signedAt,
              handled_at: c.handledAt,
              verified_at: c.verifiedAt,
              rated_at: c.ratedAt,
              archived_at: c.archivedAt,
              handled_on_time: c.handledOnTime,
              result: c.result,
              return_reason: c.returnReason,
              satisfaction: c.satisfaction,
              reopened: c.reopened,
              extension_status: c.extensionStatus,
              extension_days: c.extensionDays,
              extension_reason: c.extensionReason,
              created_at: c.reportedAt,
              updated_at: now,
              published_at: c.reportedAt,
              ...scopeOf(grid.get(c.grid)),
            })),
          )
          .returning('id');
        batch.forEach((c, k) => ids.set(c.documentId, idOf(inserted[k])));
      }
      const link = (r: { join: ReturnType<typeof joinOf>; rows: Row[] }, own: number, other: number | undefined) => {
        if (other !== undefined) r.rows.push({ [r.join.own]: own, [r.join.other]: other });
      };
      const events: Array<Row & { caseId: number }> = [];
      for (const c of cases) {
        const id = ids.get(c.documentId)!;
        link(rel.category, id, category.get(c.category));
        link(rel.grid, id, grid.get(c.grid)?.id);
        if (c.ownerUnit) link(rel.ownerUnit, id, unit.get(c.ownerUnit));
        if (c.parent) link(rel.parent, id, ids.get(c.parent));
        if (c.mergedInto) link(rel.mergedInto, id, ids.get(c.mergedInto));
        for (const e of c.events)
          events.push({
            caseId: id,
            document_id: newDocumentId(),
            from_status: e.fromStatus,
            to_status: e.toStatus,
            action: e.action,
            actor_kind: e.actorKind,
            actor_id: e.actorId,
            reason: e.reason,
            at: e.at,
            created_at: e.at,
            updated_at: e.at,
            published_at: e.at,
            ...scopeOf(grid.get(c.grid)),
          });
      }
      for (const r of Object.values(rel)) await trx.batchInsert(r.join.table, r.rows, 500);
      for (let i = 0; i < events.length; i += BATCH * 2) {
        const batch = events.slice(i, i + BATCH * 2);
        const inserted = await trx(eventTable)
          .insert(batch.map(({ caseId: _, ...e }) => e))
          .returning('id');
        batch.forEach((e, k) =>
          eventLink.rows.push({ [eventLink.join.own]: idOf(inserted[k]), [eventLink.join.other]: e.caseId }),
        );
      }
      await trx.batchInsert(eventLink.join.table, eventLink.rows, 500);
    });
  },
});
