import { z } from 'zod';
import { actorOf, parse, run, type Ctx } from '@grassroots/kit/server';
import { EXPORT_FORMATS, exportTable } from '@grassroots/kit/export';
import { memberExport } from '../exports/members';
import { documentId, evaluateBody, manualCheckInBody, revokeBody, verifyBody, year } from '../validation';
import { getService } from '../get-service';
import { UID } from '../uids';
import { documentIdParam, documentIdQuery } from './params';

const queueStatus = z.enum(['pending', 'verified']);
const dashQuery = z.object({
  year,
  community: documentId.optional(),
  format: z.enum(['json', ...EXPORT_FORMATS]).optional(),
});

/** Staff routes (admin RBAC, routes/admin.ts): each validates its input and calls one service. */
export default {
  async queue(ctx: Ctx) {
    await run(ctx, async () =>
      getService(strapi, 'verification').queue(
        documentIdQuery(ctx, 'community'),
        parse(queueStatus, ctx.query.status ?? 'pending', 'status'),
      ),
    );
  },
  async decide(ctx: Ctx) {
    await run(ctx, async () => {
      const input = parse(verifyBody, ctx.request.body);
      return getService(strapi, 'verification').decide(documentIdParam(ctx), input, actorOf(ctx));
    });
  },
  async pendingRegistrations(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'registrations-staff').pending(documentIdQuery(ctx, 'community')));
  },
  async acceptRegistration(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'registrations-staff').accept(documentIdParam(ctx)));
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
    await run(ctx, async () => getService(strapi, 'manual-check-in').options(documentIdParam(ctx)));
  },
  async revoke(ctx: Ctx) {
    await run(ctx, async () => {
      const { reason } = parse(revokeBody, ctx.request.body);
      return getService(strapi, 'reversal').revokeCheckIn(documentIdParam(ctx), reason, actorOf(ctx));
    });
  },
  async evaluate(ctx: Ctx) {
    await run(ctx, async () => {
      const input = parse(evaluateBody, ctx.request.body);
      return getService(strapi, 'item-evaluation').evaluate(documentIdParam(ctx), input, actorOf(ctx));
    });
  },
  async qr(ctx: Ctx) {
    await run(ctx, async () => {
      const base = String(strapi.config.get('server.url') || `${ctx.protocol}://${ctx.host}`).replace(/\/$/, '');
      return getService(strapi, 'activities').qr(documentIdParam(ctx), base, ctx.query.rotate === 'true');
    });
  },
  async board(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'lists').board(documentIdParam(ctx)));
  },
  async activities(ctx: Ctx) {
    // Staff see the last week too (to print a code for an activity that just ended).
    await run(ctx, async () =>
      getService(strapi, 'lists').publicActivities(documentIdParam(ctx), new Date(Date.now() - 7 * 86400000)),
    );
  },
  async communities(ctx: Ctx) {
    await run(ctx, async () =>
      strapi.db.query(UID.branch).findMany({
        where: { level: 'community_branch' },
        select: ['documentId', 'name', 'code'],
        orderBy: { code: 'asc' },
      }),
    );
  },
  async dashboard(ctx: Ctx) {
    await run(ctx, async () => {
      const q = parse(dashQuery, ctx.query);
      const summary = getService(strapi, 'summary');
      let communityId: number | undefined;
      if (q.community) {
        const b: { id: number } | null = await strapi.db
          .query(UID.branch)
          .findOne({ where: { documentId: q.community }, select: ['id'] });
        // An unknown community filters everything out rather than widening to all.
        communityId = b?.id ?? -1;
      }
      const [communities, members, under] = await Promise.all([
        summary.communities(q.year),
        summary.memberRows(q.year, { communityId }),
        summary.underRequirement(q.year, { communityId }),
      ]);
      if (q.format === undefined || q.format === 'json')
        return { year: q.year, communities, members, underRequirement: under };
      return exportTable(ctx, q.format, memberExport(q.year, members));
    });
  },
};
