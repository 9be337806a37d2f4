import { z } from 'zod';
import { actorOf, parse, requireInScope, routeScope, run, scopeWhere, type Ctx } from '@grassroots/kit/server';
import { EXPORT_FORMATS, exportTable } from '@grassroots/kit/export';
import { memberExport } from '../exports/members';
import {
  documentId,
  evaluateBody,
  manualCheckInBody,
  newActivityBody,
  revokeBody,
  verifyBody,
  year,
} from '../validation';
import { getService } from '../get-service';
import { UID } from '../uids';
import { documentIdParam, documentIdQuery } from './params';

const queueStatus = z.enum(['pending', 'verified']);
const dashQuery = z.object({
  year,
  community: documentId.optional(),
  format: z.enum(['json', ...EXPORT_FORMATS]).optional(),
});

/**
 * The path's document, refused (404 / 403 naming the field) unless it lies in the caller's
 * organisation: the kit's scopeFilter, the rule the Content Manager applies too.
 */
async function inScope(ctx: Ctx, uid: string, field: string, name = 'documentId'): Promise<string> {
  const id = documentIdParam(ctx, name);
  await requireInScope(strapi, uid, id, field);
  return id;
}

/** An optional community filter of a list: when given, it must lie in the caller's organisation. */
async function communityFilter(ctx: Ctx): Promise<string | undefined> {
  const community = documentIdQuery(ctx, 'community');
  if (community) await requireInScope(strapi, UID.branch, community, 'community');
  return community;
}

/** Staff routes (admin RBAC, routes/admin.ts): each validates its input and calls one service, within the caller's organisation. */
export default {
  async queue(ctx: Ctx) {
    await run(ctx, async () =>
      getService(strapi, 'verification').queue(
        await communityFilter(ctx),
        parse(queueStatus, ctx.query.status ?? 'pending', 'status'),
        await routeScope(strapi),
      ),
    );
  },
  async decide(ctx: Ctx) {
    await run(ctx, async () => {
      const input = parse(verifyBody, ctx.request.body);
      const id = await inScope(ctx, UID.checkIn, 'check-in');
      return getService(strapi, 'verification').decide(id, input, actorOf(ctx));
    });
  },
  async pendingRegistrations(ctx: Ctx) {
    await run(ctx, async () =>
      getService(strapi, 'registrations-staff').pending(await communityFilter(ctx), await routeScope(strapi)),
    );
  },
  async acceptRegistration(ctx: Ctx) {
    await run(ctx, async () =>
      getService(strapi, 'registrations-staff').accept(await inScope(ctx, UID.registration, 'registration')),
    );
  },
  async manual(ctx: Ctx) {
    await run(
      ctx,
      async () =>
        getService(strapi, 'manual-check-in').record(parse(manualCheckInBody, ctx.request.body), actorOf(ctx)),
      201,
    );
  },
  async manualOptions(ctx: Ctx) {
    await run(ctx, async () =>
      getService(strapi, 'manual-check-in').options(await inScope(ctx, UID.branch, 'community')),
    );
  },
  async revoke(ctx: Ctx) {
    await run(ctx, async () => {
      const { reason } = parse(revokeBody, ctx.request.body);
      const id = await inScope(ctx, UID.checkIn, 'check-in');
      return getService(strapi, 'reversal').revokeCheckIn(id, reason, actorOf(ctx));
    });
  },
  async evaluate(ctx: Ctx) {
    await run(ctx, async () => {
      const input = parse(evaluateBody, ctx.request.body);
      const id = await inScope(ctx, UID.listItem, 'list item');
      return getService(strapi, 'item-evaluation').evaluate(id, input, actorOf(ctx));
    });
  },
  async qr(ctx: Ctx) {
    await run(ctx, async () => {
      const base = String(strapi.config.get('server.url') || `${ctx.protocol}://${ctx.host}`).replace(/\/$/, '');
      const id = await inScope(ctx, UID.activity, 'activity');
      return getService(strapi, 'activities').qr(id, base, ctx.query.rotate === 'true');
    });
  },
  async board(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'lists').board(await inScope(ctx, UID.branch, 'community')));
  },
  async activities(ctx: Ctx) {
    // Staff see the last week too (to print a code for an activity that just ended).
    await run(ctx, async () =>
      getService(strapi, 'lists').publicActivities(
        await inScope(ctx, UID.branch, 'community'),
        new Date(Date.now() - 7 * 86400000),
      ),
    );
  },
  async createActivity(ctx: Ctx) {
    await run(
      ctx,
      async () => {
        const input = parse(newActivityBody, ctx.request.body);
        return getService(strapi, 'activities').create(await inScope(ctx, UID.branch, 'community'), input);
      },
      201,
    );
  },
  async communities(ctx: Ctx) {
    await run(ctx, async () =>
      strapi.db.query(UID.branch).findMany({
        where: { level: 'community_branch', ...scopeWhere(await routeScope(strapi)) },
        select: ['documentId', 'name', 'code'],
        orderBy: { code: 'asc' },
      }),
    );
  },
  async dashboard(ctx: Ctx) {
    await run(ctx, async () => {
      const q = parse(dashQuery, ctx.query);
      const summary = getService(strapi, 'summary');
      const scope = await routeScope(strapi);
      let communityId: number | undefined;
      if (q.community) {
        await requireInScope(strapi, UID.branch, q.community, 'community');
        const b: { id: number } | null = await strapi.db
          .query(UID.branch)
          .findOne({ where: { documentId: q.community }, select: ['id'] });
        // An unknown community filters everything out rather than widening to all.
        communityId = b?.id ?? -1;
      }
      const [communities, members, under] = await Promise.all([
        summary.communities(q.year, scope),
        summary.memberRows(q.year, { communityId, scope }),
        summary.underRequirement(q.year, { communityId, scope }),
      ]);
      if (q.format === undefined || q.format === 'json')
        return { year: q.year, communities, members, underRequirement: under };
      return exportTable(ctx, q.format, memberExport(q.year, members));
    });
  },
};
