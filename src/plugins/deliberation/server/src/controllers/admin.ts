import type { Core } from '@strapi/strapi';
import * as S from '../validation/schemas';
import { notFound } from '../services/errors';

const actor = (ctx: any) => (ctx.state.user ? `admin:${ctx.state.user.id}:${ctx.state.user.email}` : 'system');

/** Staff routes; each validates, calls one service, shapes the answer. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const wf = () => strapi.plugin('deliberation').service('workflow');
  const q = () => strapi.plugin('deliberation').service('queries');
  const stripPhones = (c: any) => ({ ...c, members: (c.members ?? []).map(({ phone: _p, ...m }: any) => m) });
  return {
    async councils(ctx: any) {
      const rows = await (strapi.documents('plugin::deliberation.council') as any).findMany({ sort: { code: 'asc' }, limit: 500, populate: { branch: { fields: ['code', 'name'] } } });
      ctx.body = { data: rows.map(stripPhones) };
    },
    async createCouncil(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: stripPhones(await wf().createCouncil(S.parse(S.council, ctx.request.body))) };
    },
    async topics(ctx: any) {
      ctx.body = await q().publicTopics(S.parse(S.listQuery, ctx.query));
    },
    async createTopic(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: await wf().createTopic(S.parse(S.topic, ctx.request.body), actor(ctx)) };
    },
    async transitionTopic(ctx: any) {
      const b = S.parse(S.transitionBody, ctx.request.body);
      ctx.body = { data: await wf().transitionTopic(String(ctx.params.documentId), b.to, actor(ctx), b.reason) };
    },
    async meetings(ctx: any) {
      const { page, pageSize } = S.parse(S.listQuery, ctx.query);
      const docs = strapi.documents('plugin::deliberation.meeting') as any;
      const [rows, total] = await Promise.all([
        docs.findMany({ sort: [{ startAt: 'desc' }], limit: pageSize, start: (page - 1) * pageSize, fields: ['title', 'startAt', 'place', 'status', 'revision'], populate: { council: { fields: ['name', 'kind'] } } }),
        docs.count({}),
      ]);
      ctx.body = { data: rows, meta: { pagination: { page, pageSize, total } } };
    },
    async meeting(ctx: any) {
      const m = await q().adminMeeting(String(ctx.params.documentId));
      if (!m) throw notFound('meeting');
      ctx.body = { data: m };
    },
    async createMeeting(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: await wf().createMeeting(S.parse(S.meetingCreate, ctx.request.body), actor(ctx)) };
    },
    async updateMeeting(ctx: any) {
      await wf().updateMeeting(String(ctx.params.documentId), S.parse(S.meetingUpdate, ctx.request.body));
      ctx.body = { data: await q().adminMeeting(String(ctx.params.documentId)) };
    },
    async transitionMeeting(ctx: any) {
      const b = S.parse(S.transitionBody, ctx.request.body);
      await wf().transitionMeeting(String(ctx.params.documentId), b.to, actor(ctx), b.reason);
      ctx.body = { data: await q().adminMeeting(String(ctx.params.documentId)) };
    },
    async correctMeeting(ctx: any) {
      await wf().correctMeeting(String(ctx.params.documentId), S.parse(S.correction, ctx.request.body), actor(ctx));
      ctx.body = { data: await q().adminMeeting(String(ctx.params.documentId)) };
    },
    async board(ctx: any) {
      ctx.body = await q().board(S.parse(S.actionItemQuery, ctx.query));
    },
    async owners(ctx: any) {
      ctx.body = { data: await q().owners() };
    },
    async createActionItem(ctx: any) {
      const item = await wf().createActionItem(S.parse(S.actionItemCreate, ctx.request.body), actor(ctx));
      const { ownerPhone: _p, ...rest } = item;
      ctx.status = 201;
      ctx.body = { data: rest };
    },
    async transitionActionItem(ctx: any) {
      const item = await wf().transitionActionItem(String(ctx.params.documentId), S.parse(S.transitionBody, ctx.request.body), actor(ctx));
      const { ownerPhone: _p, ...rest } = item;
      ctx.body = { data: rest };
    },
    async calendar(ctx: any) {
      const { year } = S.parse(S.calendarQuery, { year: new Date().getUTCFullYear(), ...ctx.query });
      ctx.body = { data: await q().calendar(year) };
    },
    async getSettings(ctx: any) {
      ctx.body = { data: await strapi.plugin('deliberation').service('settings').get() };
    },
    async setSettings(ctx: any) {
      ctx.body = { data: await strapi.plugin('deliberation').service('settings').set(S.parse(S.settings, ctx.request.body)) };
    },
  };
};
