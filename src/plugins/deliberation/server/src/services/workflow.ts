import type { Core } from '@strapi/strapi';
import { quorum, passed, DEFAULT_RULE, type CouncilRule } from './rules';
import { invalid, notFound } from './errors';

const UID = {
  council: 'plugin::deliberation.council',
  topic: 'plugin::deliberation.topic',
  meeting: 'plugin::deliberation.meeting',
  item: 'plugin::deliberation.action-item',
  revision: 'plugin::deliberation.revision',
  evaluation: 'plugin::deliberation.evaluation',
} as const;

type Decision = { key: string; text: string; topicDocumentId?: string; votes?: { for: number; against: number; abstain: number } | null; passed?: boolean | null };

/** The rules of the deliberation flow: every write goes through here, one transaction each. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const docs = (uid: string) => strapi.documents(uid as any) as any;
  const log = () => strapi.plugin('deliberation').service('transition');
  const tx = <T>(fn: () => Promise<T>) => strapi.db.transaction(fn) as Promise<T>;

  async function load(uid: string, documentId: string, populate?: any) {
    const found = await docs(uid).findOne({ documentId, populate });
    if (!found) throw notFound(uid.split('.').pop()!);
    return found;
  }

  async function councilOf(meeting: any) {
    const c = meeting.council ?? (await load(UID.meeting, meeting.documentId, { council: true })).council;
    if (!c) throw invalid('council', 'meeting has no council');
    return c;
  }

  /** Votes must add up to no more than the present members; passed is computed from the council's rule. */
  function judge(council: any, attendance: any[], decisions: Decision[]): Decision[] {
    const rule: CouncilRule = council.rule ?? DEFAULT_RULE;
    const q = quorum(rule, (council.members ?? []).length, attendance);
    const keys = new Set<string>();
    return decisions.map((d, i) => {
      if (keys.has(d.key)) throw invalid(`decisions.${i}.key`, `duplicate decision key ${d.key}`);
      keys.add(d.key);
      if (!d.votes) return { ...d, votes: null, passed: null };
      const total = d.votes.for + d.votes.against + d.votes.abstain;
      if (total > q.present) throw invalid(`decisions.${i}.votes`, `${total} votes cast but only ${q.present} members present`);
      return { ...d, passed: passed(rule, d.votes, q.members, q.present) };
    });
  }

  function checkMembers(council: any, attendance: any[]) {
    const keys = new Set((council.members ?? []).map((m: any) => m.key));
    attendance.forEach((a, i) => {
      if (!keys.has(a.memberKey)) throw invalid(`attendance.${i}.memberKey`, `${a.memberKey} is not a member of the council`);
    });
  }

  async function moveTopic(documentId: string, to: string, actor: string, reason: string) {
    const t = await docs(UID.topic).findOne({ documentId });
    if (!t || t.status === to) return;
    log().assert('topic', t.status, to);
    await docs(UID.topic).update({ documentId, data: { status: to, ...(to === 'closed' ? { closedAt: new Date().toISOString() } : {}) } });
    await log().record('topic', documentId, t.status, to, actor, reason);
  }

  return {
    quorumOf(council: any, attendance: any[]) {
      return quorum(council.rule ?? DEFAULT_RULE, (council.members ?? []).length, attendance);
    },

    async createCouncil(data: any) {
      const { branch, grids, ...rest } = data;
      return docs(UID.council).create({ data: { ...rest, branch: branch ?? null, grids: grids ?? [] } });
    },

    async createTopic(data: any, actor: string) {
      return tx(async () => {
        const t = await docs(UID.topic).create({ data: { ...data, grid: data.grid ?? null, council: data.council ?? null, status: 'collected' } });
        await log().record('topic', t.documentId, null, 'collected', actor);
        return t;
      });
    },

    async transitionTopic(documentId: string, to: string, actor: string, reason?: string) {
      return tx(async () => {
        const t = await load(UID.topic, documentId);
        log().assert('topic', t.status, to);
        if (to === 'evaluated') throw invalid('status', 'a topic becomes evaluated through residents\' evaluations only');
        await docs(UID.topic).update({ documentId, data: { status: to, ...(to === 'closed' ? { closedAt: new Date().toISOString() } : {}) } });
        await log().record('topic', documentId, t.status, to, actor, reason);
        return load(UID.topic, documentId);
      });
    },

    async createMeeting(data: any, actor: string) {
      return tx(async () => {
        await load(UID.council, data.council);
        const m = await docs(UID.meeting).create({ data: { ...data, attendance: [], decisions: [], status: 'scheduled', revision: 0 } });
        await log().record('meeting', m.documentId, null, 'scheduled', actor);
        return m;
      });
    },

    async updateMeeting(documentId: string, patch: any) {
      return tx(async () => {
        const m = await load(UID.meeting, documentId, { council: true });
        if (m.status === 'minutes_approved' || m.status === 'published') {
          throw invalid('status', `minutes are ${m.status}: ${m.status === 'published' ? 'publish a correction instead' : 'return them to minutes_draft first'}`);
        }
        const council = await councilOf(m);
        const attendance = patch.attendance ?? m.attendance ?? [];
        if (patch.attendance) checkMembers(council, attendance);
        const data: any = { ...patch };
        if (patch.attendance) data.quorumRecorded = true;
        if (patch.decisions || patch.attendance) data.decisions = judge(council, attendance, patch.decisions ?? m.decisions ?? []);
        await docs(UID.meeting).update({ documentId, data });
        return load(UID.meeting, documentId, { council: true });
      });
    },

    async transitionMeeting(documentId: string, to: string, actor: string, reason?: string) {
      return tx(async () => {
        const m = await load(UID.meeting, documentId, { council: true });
        log().assert('meeting', m.status, to);
        if (to === 'minutes_approved') {
          if (!m.quorumRecorded) throw invalid('attendance', 'quorum must be recorded before minutes are approved');
          const q = this.quorumOf(await councilOf(m), m.attendance ?? []);
          if (!q.met) throw invalid('attendance', `quorum not met: ${q.present} present, ${q.needed} needed`);
          if (!m.minutes || !String(m.minutes).trim()) throw invalid('minutes', 'minutes are empty');
          const missing = (m.decisions ?? []).findIndex((d: Decision) => !d.votes);
          if (missing >= 0) throw invalid(`decisions.${missing}.votes`, 'every decision needs its vote before approval');
        }
        const data: any = { status: to };
        if (to === 'published') {
          data.noticeDocumentId = await strapi.plugin('deliberation').service('publication').upsert({ ...m, status: to });
          data.publishedOn = new Date().toISOString();
        }
        await docs(UID.meeting).update({ documentId, data });
        await log().record('meeting', documentId, m.status, to, actor, reason);
        if (to === 'minutes_approved') {
          for (const d of (m.decisions ?? []) as Decision[]) {
            if (d.topicDocumentId && d.passed) await moveTopic(d.topicDocumentId, 'decided', actor, `decision ${d.key}`);
          }
        }
        return load(UID.meeting, documentId, { council: true });
      });
    },

    /** A published record is never edited silently: the old text becomes a numbered revision and the notice is updated. */
    async correctMeeting(documentId: string, body: { reason: string; minutes?: string; decisions?: Decision[] }, actor: string) {
      return tx(async () => {
        const m = await load(UID.meeting, documentId, { council: true });
        if (m.status !== 'published') throw invalid('status', 'only published minutes take corrections; edit the draft instead');
        const council = await councilOf(m);
        const decisions = body.decisions ? judge(council, m.attendance ?? [], body.decisions) : m.decisions;
        if (decisions.some((d: Decision) => !d.votes)) throw invalid('decisions', 'every decision needs its vote');
        const number = (m.revision ?? 0) + 1;
        await docs(UID.revision).create({ data: { meeting: documentId, number, minutes: m.minutes, decisions: m.decisions, reason: body.reason, actor } });
        const next = { ...m, minutes: body.minutes ?? m.minutes, decisions, revision: number };
        await strapi.plugin('deliberation').service('publication').upsert(next, body.reason);
        await docs(UID.meeting).update({ documentId, data: { minutes: next.minutes, decisions, revision: number } });
        return load(UID.meeting, documentId, { council: true });
      });
    },

    async createActionItem(data: any, actor: string) {
      return tx(async () => {
        const m = await load(UID.meeting, data.meeting);
        if (m.status !== 'minutes_approved' && m.status !== 'published') throw invalid('meeting', 'action items follow approved minutes only');
        const d = (m.decisions ?? []).find((x: Decision) => x.key === data.decisionKey);
        if (!d) throw invalid('decisionKey', `no decision ${data.decisionKey} in this meeting`);
        if (!d.passed) throw invalid('decisionKey', `decision ${data.decisionKey} did not pass`);
        if (d.topicDocumentId) {
          // A closed topic is past 多方办事: more work on it belongs to a new topic, not a reopened one.
          const topic = await docs(UID.topic).findOne({ documentId: d.topicDocumentId, fields: ['status'] });
          if (topic && (topic.status === 'closed' || topic.status === 'evaluated')) {
            throw invalid('decisionKey', `the topic of decision ${data.decisionKey} is already ${topic.status}; raise a new topic for further work`);
          }
        }
        const item = await docs(UID.item).create({ data: { ...data, topic: d.topicDocumentId ?? null, status: 'open' } });
        await log().record('action_item', item.documentId, null, 'open', actor);
        if (d.topicDocumentId) await moveTopic(d.topicDocumentId, 'implementing', actor, `action item ${item.documentId}`);
        return item;
      });
    },

    async transitionActionItem(documentId: string, body: { to: string; reason?: string; resultNote?: string; evidence?: string }, actor: string) {
      return tx(async () => {
        const item = await load(UID.item, documentId, { meeting: true, topic: true });
        log().assert('action_item', item.status, body.to);
        const resultNote = body.resultNote ?? item.resultNote;
        if (body.to === 'done' && !resultNote) throw invalid('resultNote', 'a done item needs a result note');
        const now = new Date().toISOString();
        const data: any = { status: body.to, resultNote: resultNote ?? null, evidence: body.evidence ?? item.evidence ?? null };
        if (body.to === 'done') data.doneAt = now;
        if (body.to === 'verified') data.verifiedAt = now;
        if (body.to === 'in_progress') data.doneAt = null;
        await docs(UID.item).update({ documentId, data });
        await log().record('action_item', documentId, item.status, body.to, actor, body.reason);
        if (body.to === 'verified' && item.topic) {
          // The last verified item of a decision closes its topic (销号 → 办结).
          const open = await strapi.db.query(UID.item).count({
            where: { meeting: { documentId: item.meeting.documentId }, decisionKey: item.decisionKey, status: { $ne: 'verified' } },
          });
          if (open === 0) await moveTopic(item.topic.documentId, 'closed', actor, `all action items of decision ${item.decisionKey} verified`);
        }
        return load(UID.item, documentId);
      });
    },

    async evaluate(topicDocumentId: string, body: { verdict: string; comment?: string }, userId: number) {
      return tx(async () => {
        const t = await load(UID.topic, topicDocumentId);
        if (t.status !== 'closed' && t.status !== 'evaluated') throw invalid('topic', 'only closed topics can be evaluated');
        const { evaluationWindowDays } = await strapi.plugin('deliberation').service('settings').get();
        const closes = new Date(t.closedAt).getTime() + evaluationWindowDays * 86400000;
        if (Date.now() > closes) throw invalid('topic', `the evaluation window of ${evaluationWindowDays} days has closed`);
        const already = await strapi.db.query(UID.evaluation).count({ where: { topic: { documentId: topicDocumentId }, userId } });
        if (already) throw invalid('topic', 'you have already evaluated this topic');
        const e = await docs(UID.evaluation).create({ data: { topic: topicDocumentId, verdict: body.verdict, comment: body.comment ?? null, userId } });
        if (t.status === 'closed') {
          await docs(UID.topic).update({ documentId: topicDocumentId, data: { status: 'evaluated' } });
          await log().record('topic', topicDocumentId, 'closed', 'evaluated', 'resident', 'first evaluation');
        }
        return e;
      });
    },
  };
};
