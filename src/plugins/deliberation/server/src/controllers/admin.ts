import type { Core } from '@strapi/strapi';
import { actorOf, notFound, parse, run, type Ctx } from '@grassroots/kit/server';
import * as S from '../validation/schemas';
import { getService } from '../get-service';
import { repo } from '../documents';
import { UID } from '../uids';
import type { ActionItem, Council, Meeting } from '../types';

/** Phones of council members and action-item owners never leave through a route. */
const stripPhones = (c: Council) => ({ ...c, members: (c.members ?? []).map(({ phone: _p, ...m }) => m) });
const stripOwnerPhone = ({ ownerPhone: _p, ...rest }: ActionItem) => rest;

/** Staff routes; each validates, calls one service, shapes the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const wf = () => getService(strapi, 'workflow');
  const q = () => getService(strapi, 'queries');
  const id = (ctx: Ctx) => String(ctx.params.documentId);
  const meeting = async (documentId: string) => {
    const m = await q().adminMeeting(documentId);
    if (!m) throw notFound('meeting');
    return m;
  };
  return {
    councils: (ctx: Ctx) =>
      run(ctx, async () => {
        const rows = await repo<Council>(strapi, UID.council).findMany({
          sort: { code: 'asc' },
          limit: 500,
          populate: { branch: { fields: ['code', 'name'] } },
        });
        return rows.map(stripPhones);
      }),
    createCouncil: (ctx: Ctx) =>
      run(ctx, async () => stripPhones(await wf().createCouncil(parse(S.council, ctx.request.body))), 201),
    topics: (ctx: Ctx) => run(ctx, () => q().publicTopics(parse(S.listQuery, ctx.query, 'query'))),
    createTopic: (ctx: Ctx) => run(ctx, () => wf().createTopic(parse(S.topic, ctx.request.body), actorOf(ctx)), 201),
    transitionTopic: (ctx: Ctx) =>
      run(ctx, () => {
        const b = parse(S.transitionBody, ctx.request.body);
        return wf().transitionTopic(id(ctx), b.to, actorOf(ctx), b.reason);
      }),
    meetings: (ctx: Ctx) =>
      run(ctx, async () => {
        const { page, pageSize } = parse(S.listQuery, ctx.query, 'query');
        const docs = repo<Meeting>(strapi, UID.meeting);
        const [rows, total] = await Promise.all([
          docs.findMany({
            sort: [{ startAt: 'desc' }],
            limit: pageSize,
            start: (page - 1) * pageSize,
            fields: ['title', 'startAt', 'place', 'status', 'revision'],
            populate: { council: { fields: ['name', 'kind'] } },
          }),
          docs.count({}),
        ]);
        return { data: rows, meta: { pagination: { page, pageSize, total } } };
      }),
    meeting: (ctx: Ctx) => run(ctx, () => meeting(id(ctx))),
    createMeeting: (ctx: Ctx) =>
      run(ctx, () => wf().createMeeting(parse(S.meetingCreate, ctx.request.body), actorOf(ctx)), 201),
    updateMeeting: (ctx: Ctx) =>
      run(ctx, async () => {
        await wf().updateMeeting(id(ctx), parse(S.meetingUpdate, ctx.request.body));
        return meeting(id(ctx));
      }),
    transitionMeeting: (ctx: Ctx) =>
      run(ctx, async () => {
        const b = parse(S.transitionBody, ctx.request.body);
        await wf().transitionMeeting(id(ctx), b.to, actorOf(ctx), b.reason);
        return meeting(id(ctx));
      }),
    correctMeeting: (ctx: Ctx) =>
      run(ctx, async () => {
        await wf().correctMeeting(id(ctx), parse(S.correction, ctx.request.body), actorOf(ctx));
        return meeting(id(ctx));
      }),
    board: (ctx: Ctx) => run(ctx, () => q().board(parse(S.actionItemQuery, ctx.query, 'query'))),
    owners: (ctx: Ctx) => run(ctx, () => q().owners()),
    createActionItem: (ctx: Ctx) =>
      run(
        ctx,
        async () =>
          stripOwnerPhone(await wf().createActionItem(parse(S.actionItemCreate, ctx.request.body), actorOf(ctx))),
        201,
      ),
    transitionActionItem: (ctx: Ctx) =>
      run(ctx, async () =>
        stripOwnerPhone(
          await wf().transitionActionItem(id(ctx), parse(S.transitionBody, ctx.request.body), actorOf(ctx)),
        ),
      ),
    calendar: (ctx: Ctx) =>
      run(ctx, () => {
        const { year } = parse(S.calendarQuery, { year: new Date().getUTCFullYear(), ...ctx.query }, 'query');
        return q().calendar(year);
      }),
    getSettings: (ctx: Ctx) => run(ctx, () => getService(strapi, 'settings').get()),
    setSettings: (ctx: Ctx) => run(ctx, () => getService(strapi, 'settings').set(parse(S.settings, ctx.request.body))),
  };
};
