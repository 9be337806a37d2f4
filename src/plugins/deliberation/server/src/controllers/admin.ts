import type { Core } from '@strapi/strapi';
import {
  actorOf,
  notFound,
  parse,
  requireInScope,
  routeScope,
  run,
  scopeWhere,
  type Ctx,
} from '@grassroots/kit/server';
import * as S from '../validation/schemas';
import { getService } from '../get-service';
import { repo } from '../documents';
import { UID } from '../uids';
import type { ActionItem, Council, Meeting } from '../types';

/** Phones of council members and action-item owners never leave through a route. */
const stripPhones = (c: Council) => ({ ...c, members: (c.members ?? []).map(({ phone: _p, ...m }) => m) });
const stripOwnerPhone = ({ ownerPhone: _p, ...rest }: ActionItem) => rest;

/**
 * Staff routes; each validates, calls one service, shapes the answer, within the caller's
 * organisation (the kit's scopeFilter, the rule of the Content Manager too): lists are filtered,
 * a path naming a document elsewhere is refused (403) before anything is written. Creations are
 * placed and checked by the kit's scope middleware (a council, meeting or topic elsewhere: 403).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const wf = () => getService(strapi, 'workflow');
  const q = () => getService(strapi, 'queries');
  const id = (ctx: Ctx) => String(ctx.params.documentId);
  const scoped = async () => scopeWhere(await routeScope(strapi));
  /** The path's document, in the caller's organisation (404 / 403 otherwise). */
  const own = async (ctx: Ctx, uid: string, field: string) => {
    await requireInScope(strapi, uid, id(ctx), field);
    return id(ctx);
  };
  const meeting = async (documentId: string) => {
    const m = await q().adminMeeting(documentId);
    if (!m) throw notFound('meeting', '会议');
    return m;
  };
  return {
    councils: (ctx: Ctx) =>
      run(ctx, async () => {
        const rows = await repo<Council>(strapi, UID.council).findMany({
          filters: await scoped(),
          sort: { code: 'asc' },
          limit: 500,
          populate: { branch: { fields: ['code', 'name'] } },
        });
        return rows.map(stripPhones);
      }),
    createCouncil: (ctx: Ctx) =>
      run(ctx, async () => stripPhones(await wf().createCouncil(parse(S.council, ctx.request.body))), 201),
    topics: (ctx: Ctx) =>
      run(ctx, async () => q().publicTopics(parse(S.listQuery, ctx.query, 'query'), await routeScope(strapi))),
    createTopic: (ctx: Ctx) => run(ctx, () => wf().createTopic(parse(S.topic, ctx.request.body), actorOf(ctx)), 201),
    transitionTopic: (ctx: Ctx) =>
      run(ctx, async () => {
        const b = parse(S.transitionBody, ctx.request.body);
        return wf().transitionTopic(await own(ctx, UID.topic, 'topic'), b.to, actorOf(ctx), b.reason);
      }),
    meetings: (ctx: Ctx) =>
      run(ctx, async () => {
        const { page, pageSize } = parse(S.listQuery, ctx.query, 'query');
        const docs = repo<Meeting>(strapi, UID.meeting);
        const filters = await scoped();
        const [rows, total] = await Promise.all([
          docs.findMany({
            filters,
            sort: [{ startAt: 'desc' }],
            limit: pageSize,
            start: (page - 1) * pageSize,
            fields: ['title', 'startAt', 'place', 'status', 'revision'],
            populate: { council: { fields: ['name', 'kind'] } },
          }),
          docs.count({ filters }),
        ]);
        return { data: rows, meta: { pagination: { page, pageSize, total } } };
      }),
    meeting: (ctx: Ctx) => run(ctx, async () => meeting(await own(ctx, UID.meeting, 'meeting'))),
    createMeeting: (ctx: Ctx) =>
      run(ctx, () => wf().createMeeting(parse(S.meetingCreate, ctx.request.body), actorOf(ctx)), 201),
    updateMeeting: (ctx: Ctx) =>
      run(ctx, async () => {
        const patch = parse(S.meetingUpdate, ctx.request.body);
        await wf().updateMeeting(await own(ctx, UID.meeting, 'meeting'), patch);
        return meeting(id(ctx));
      }),
    transitionMeeting: (ctx: Ctx) =>
      run(ctx, async () => {
        const b = parse(S.transitionBody, ctx.request.body);
        await wf().transitionMeeting(await own(ctx, UID.meeting, 'meeting'), b.to, actorOf(ctx), b.reason);
        return meeting(id(ctx));
      }),
    correctMeeting: (ctx: Ctx) =>
      run(ctx, async () => {
        const body = parse(S.correction, ctx.request.body);
        await wf().correctMeeting(await own(ctx, UID.meeting, 'meeting'), body, actorOf(ctx));
        return meeting(id(ctx));
      }),
    board: (ctx: Ctx) =>
      run(ctx, async () => q().board(parse(S.actionItemQuery, ctx.query, 'query'), await routeScope(strapi))),
    owners: (ctx: Ctx) => run(ctx, async () => q().owners(await routeScope(strapi))),
    createActionItem: (ctx: Ctx) =>
      run(
        ctx,
        async () =>
          stripOwnerPhone(await wf().createActionItem(parse(S.actionItemCreate, ctx.request.body), actorOf(ctx))),
        201,
      ),
    transitionActionItem: (ctx: Ctx) =>
      run(ctx, async () => {
        const body = parse(S.transitionBody, ctx.request.body);
        const item = await own(ctx, UID.item, 'action item');
        return stripOwnerPhone(await wf().transitionActionItem(item, body, actorOf(ctx)));
      }),
    calendar: (ctx: Ctx) =>
      run(ctx, async () => {
        const { year } = parse(S.calendarQuery, { year: new Date().getUTCFullYear(), ...ctx.query }, 'query');
        return q().calendar(year, await routeScope(strapi));
      }),
    getSettings: (ctx: Ctx) => run(ctx, () => getService(strapi, 'settings').get()),
    setSettings: (ctx: Ctx) => run(ctx, () => getService(strapi, 'settings').set(parse(S.settings, ctx.request.body))),
  };
};
