import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { parse, run, svc } from './respond';
import { documentId, evaluateBody, manualCheckInBody, revokeBody, verifyBody, year } from '../validation';

const staff = (ctx: any) => ctx.state.user?.email ?? `admin:${ctx.state.user?.id}`;

const queueStatus = z.enum(['pending', 'verified']);
const dashQuery = z.object({ year, community: documentId.optional(), format: z.enum(['json', 'csv']).optional() });

export default {
  async queue(ctx: any) {
    await run(ctx, async () => {
      const community = ctx.query.community ? parse(documentId, ctx.query.community, 'community') : undefined;
      return svc('verification').queue(community, parse(queueStatus, ctx.query.status ?? 'pending', 'status'));
    });
  },
  async decide(ctx: any) {
    await run(ctx, async () => {
      const input = parse(verifyBody, ctx.request.body);
      const by = ctx.state.user?.email ?? `admin:${ctx.state.user?.id}`;
      return svc('verification').decide(parse(documentId, ctx.params.documentId, 'documentId'), input, by);
    });
  },
  async pendingRegistrations(ctx: any) {
    await run(ctx, async () => svc('registrations-staff').pending(ctx.query.community ? parse(documentId, ctx.query.community, 'community') : undefined));
  },
  async acceptRegistration(ctx: any) {
    await run(ctx, async () => svc('registrations-staff').accept(parse(documentId, ctx.params.documentId, 'documentId')));
  },
  async manual(ctx: any) {
    await run(ctx, async () => svc('manual-check-in').record(parse(manualCheckInBody, ctx.request.body), staff(ctx)), 201);
  },
  async manualOptions(ctx: any) {
    await run(ctx, async () => svc('manual-check-in').options(parse(documentId, ctx.params.documentId, 'documentId')));
  },
  async revoke(ctx: any) {
    await run(ctx, async () => {
      const { reason } = parse(revokeBody, ctx.request.body);
      return svc('reversal').revokeCheckIn(parse(documentId, ctx.params.documentId, 'documentId'), reason, staff(ctx));
    });
  },
  async evaluate(ctx: any) {
    await run(ctx, async () => {
      const input = parse(evaluateBody, ctx.request.body);
      return svc('item-evaluation').evaluate(parse(documentId, ctx.params.documentId, 'documentId'), input, staff(ctx));
    });
  },
  async qr(ctx: any) {
    await run(ctx, async () => {
      const base = strapi.config.get('server.url') || `${ctx.protocol}://${ctx.host}`;
      return svc('activities').qr(parse(documentId, ctx.params.documentId, 'documentId'), String(base).replace(/\/$/, ''), ctx.query.rotate === 'true');
    });
  },
  async board(ctx: any) {
    await run(ctx, async () => svc('lists').board(parse(documentId, ctx.params.documentId, 'documentId')));
  },
  async activities(ctx: any) {
    await run(ctx, async () => svc('lists').publicActivities(parse(documentId, ctx.params.documentId, 'documentId'), new Date(Date.now() - 7 * 86400000)));
  },
  async communities(ctx: any) {
    await run(ctx, async () => [...(await strapi.db.query('api::branch.branch').findMany({ where: { level: 'community_branch' }, select: ['documentId', 'name', 'code'], orderBy: { code: 'asc' } }))]);
  },
  async dashboard(ctx: any) {
    const q = parse(dashQuery, ctx.query);
    const summary = svc('summary');
    let communityId: number | undefined;
    if (q.community) {
      const b: any = await strapi.db.query('api::branch.branch').findOne({ where: { documentId: q.community } });
      communityId = b?.id ?? -1;
    }
    const [communities, members, under] = await Promise.all([summary.communities(q.year), summary.memberRows(q.year, { communityId }), summary.underRequirement(q.year, { communityId })]);
    if (q.format === 'csv') {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="double-report-${q.year}.csv"`);
      ctx.body = '\uFEFF' + stringify(members, { header: true, columns: [
        { key: 'name', header: '党员 Member' }, { key: 'unit', header: '单位 Unit' }, { key: 'sessions', header: '次数 Sessions' },
        { key: 'verifiedHours', header: '已审核时长 Verified hours' }, { key: 'pendingHours', header: '待审核时长 Pending hours' },
        { key: 'averageRating', header: '平均评价 Rating' }, { key: 'points', header: '积分 Points' },
      ] });
      return;
    }
    ctx.body = { data: { year: q.year, communities, members, underRequirement: under } };
  },
};
