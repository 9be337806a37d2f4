import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import { conflict, invalid, isUniqueViolation, lockRow, notFound } from '@grassroots/kit/server';
import { typeName } from '@grassroots/kit/shared';
import {
  ASSIGNABLE_MINUTES,
  FINISHED_TOPICS,
  FROZEN_MINUTES,
  passed,
  quorum,
  votesCast,
  type Attendance,
  type Quorum,
} from '../../../shared';
import { getService } from '../get-service';
import { repo } from '../documents';
import { UID, type DeliberationUid } from '../uids';
import type * as S from '../validation/schemas';
import type { ActionItem, Council, Decision, Doc, Evaluation, Meeting, Topic } from '../types';

type CouncilInput = z.infer<typeof S.council>;
type TopicInput = z.infer<typeof S.topic>;
type MeetingInput = z.infer<typeof S.meetingCreate>;
type MeetingPatch = z.infer<typeof S.meetingUpdate>;
type CorrectionInput = z.infer<typeof S.correction>;
type ActionItemInput = z.infer<typeof S.actionItemCreate>;
type ItemMove = z.infer<typeof S.transitionBody>;
type EvaluationInput = z.infer<typeof S.evaluationBody>;

const DAY_MS = 86400000;
const ALREADY_EVALUATED = 'you have already evaluated this topic (您已评议过该议题)';

/**
 * The rules of the deliberation flow: every write goes through here, one transaction each.
 * Bad input is a 400 naming the field; a move the stored state forbids is a 409.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => getService(strapi, 'transition');
  const tx = <T>(fn: () => Promise<T>) => strapi.db.transaction(fn) as Promise<T>;
  const topics = () => repo<Topic>(strapi, UID.topic);
  const meetings = () => repo<Meeting>(strapi, UID.meeting);
  const items = () => repo<ActionItem>(strapi, UID.item);

  async function load<T extends Doc>(
    uid: DeliberationUid,
    documentId: string,
    populate?: Record<string, boolean>,
  ): Promise<T> {
    const found = await repo<T>(strapi, uid).findOne({ documentId, populate });
    if (!found) throw notFound(uid.split('.').pop() ?? uid, typeName(uid));
    return found;
  }

  /**
   * Locks the subject's row first, then reads it: two moves of one topic, meeting or item at once run
   * one after the other on PostgreSQL, the second checking its move against the first's outcome (409).
   */
  async function lockAndLoad<T extends Doc>(
    uid: DeliberationUid,
    documentId: string,
    populate?: Record<string, boolean>,
  ): Promise<T> {
    await lockRow(strapi, uid, { documentId });
    return load<T>(uid, documentId, populate);
  }

  async function councilOf(meeting: Meeting): Promise<Council> {
    const c = meeting.council ?? (await load<Meeting>(UID.meeting, meeting.documentId, { council: true })).council;
    if (!c) throw conflict('council', 'the meeting has no council (会议未关联议事会)');
    return c;
  }

  const quorumOf = (
    council: Pick<Council, 'rule' | 'members'> | null | undefined,
    attendance: readonly Attendance[],
  ): Quorum => quorum(council?.rule, (council?.members ?? []).length, attendance);

  /** Votes must add up to no more than the present members; passed is computed from the council's rule. */
  function judge(council: Council, attendance: readonly Attendance[], decisions: readonly Decision[]): Decision[] {
    const q = quorumOf(council, attendance);
    const keys = new Set<string>();
    return decisions.map((d, i) => {
      if (keys.has(d.key))
        throw invalid(`decisions.${i}.key`, `duplicate decision key ${d.key} (决议标识 ${d.key} 重复)`);
      keys.add(d.key);
      if (!d.votes) return { ...d, votes: null, passed: null };
      const total = votesCast(d.votes);
      if (total > q.present)
        throw invalid(
          `decisions.${i}.votes`,
          `${total} votes cast but only ${q.present} members present (投票 ${total} 票，多于出席人数 ${q.present})`,
        );
      return { ...d, passed: passed(council.rule, d.votes, q.members, q.present) };
    });
  }

  function checkMembers(council: Council, attendance: readonly Attendance[]): void {
    const keys = new Set((council.members ?? []).map((m) => m.key));
    attendance.forEach((a, i) => {
      if (!keys.has(a.memberKey))
        throw invalid(
          `attendance.${i}.memberKey`,
          `${a.memberKey} is not a member of the council (${a.memberKey} 不是本议事会成员)`,
        );
    });
  }

  const closing = (to: string) => (to === 'closed' ? { closedAt: new Date().toISOString() } : {});

  /** Moves a topic as a consequence of another write (approval, assignment, verification); a topic already there stays. */
  async function moveTopic(documentId: string, to: string, actor: string, reason: string): Promise<void> {
    await lockRow(strapi, UID.topic, { documentId });
    const t = await topics().findOne({ documentId });
    if (!t || t.status === to) return;
    log().assert('topic', t.status, to);
    await topics().update({ documentId, data: { status: to, ...closing(to) } });
    await log().record('topic', documentId, t.status, to, actor, reason);
  }

  return {
    quorumOf,

    async createCouncil(data: CouncilInput): Promise<Council> {
      const { branch, grids, ...rest } = data;
      return repo<Council>(strapi, UID.council).create({
        data: { ...rest, branch: branch ?? null, grids: grids ?? [] },
      });
    },

    async createTopic(data: TopicInput, actor: string): Promise<Topic> {
      return tx(async () => {
        const t = await topics().create({
          data: { ...data, grid: data.grid ?? null, council: data.council ?? null, status: 'collected' },
        });
        await log().record('topic', t.documentId, null, 'collected', actor);
        return t;
      });
    },

    async transitionTopic(documentId: string, to: string, actor: string, reason?: string): Promise<Topic> {
      return tx(async () => {
        const t = await lockAndLoad<Topic>(UID.topic, documentId);
        log().assert('topic', t.status, to);
        if (to === 'evaluated')
          throw conflict(
            'status',
            "a topic becomes evaluated through residents' evaluations only (议题只能经居民评议变为已评价)",
          );
        await topics().update({ documentId, data: { status: to, ...closing(to) } });
        await log().record('topic', documentId, t.status, to, actor, reason);
        return load<Topic>(UID.topic, documentId);
      });
    },

    async createMeeting(data: MeetingInput, actor: string): Promise<Meeting> {
      return tx(async () => {
        await load<Council>(UID.council, data.council);
        const m = await meetings().create({
          data: { ...data, attendance: [], decisions: [], status: 'scheduled', revision: 0 },
        });
        await log().record('meeting', m.documentId, null, 'scheduled', actor);
        return m;
      });
    },

    /** Agenda, attendance, minutes and decisions of minutes not yet approved. */
    async updateMeeting(documentId: string, patch: MeetingPatch): Promise<Meeting> {
      return tx(async () => {
        const m = await lockAndLoad<Meeting>(UID.meeting, documentId, { council: true });
        if ((FROZEN_MINUTES as readonly string[]).includes(m.status)) {
          throw conflict(
            'status',
            `minutes are ${m.status}: ${m.status === 'published' ? 'publish a correction instead (纪要已公开，请发布更正)' : 'return them to minutes_draft first (纪要已提交，请先退回草稿)'}`,
          );
        }
        const council = await councilOf(m);
        const attendance = patch.attendance ?? m.attendance ?? [];
        if (patch.attendance) checkMembers(council, attendance);
        const data: Record<string, unknown> = { ...patch };
        if (patch.attendance) data.quorumRecorded = true;
        if (patch.decisions || patch.attendance)
          data.decisions = judge(council, attendance, patch.decisions ?? m.decisions ?? []);
        await meetings().update({ documentId, data });
        return load<Meeting>(UID.meeting, documentId, { council: true });
      });
    },

    async transitionMeeting(documentId: string, to: string, actor: string, reason?: string): Promise<Meeting> {
      return tx(async () => {
        const m = await lockAndLoad<Meeting>(UID.meeting, documentId, { council: true });
        log().assert('meeting', m.status, to);
        if (to === 'minutes_approved') {
          // The request is well formed; what the stored record lacks makes approval a wrong state (409).
          if (!m.quorumRecorded)
            throw conflict(
              'attendance',
              'quorum must be recorded before minutes are approved (审定纪要前须登记出席人数)',
            );
          const q = quorumOf(await councilOf(m), m.attendance ?? []);
          if (!q.met)
            throw conflict(
              'attendance',
              `quorum not met: ${q.present} present, ${q.needed} needed (出席 ${q.present} 人，未达法定人数 ${q.needed} 人)`,
            );
          if (!m.minutes || !String(m.minutes).trim()) throw conflict('minutes', 'minutes are empty (纪要内容为空)');
          const missing = (m.decisions ?? []).findIndex((d) => !d.votes);
          if (missing >= 0)
            throw conflict(
              `decisions.${missing}.votes`,
              'every decision needs its vote before approval (审定前每项决议都须表决)',
            );
        }
        const data: Record<string, unknown> = { status: to };
        if (to === 'published') {
          data.noticeDocumentId = await getService(strapi, 'publication').upsert({ ...m, status: to });
          data.publishedOn = new Date().toISOString();
        }
        await meetings().update({ documentId, data });
        await log().record('meeting', documentId, m.status, to, actor, reason);
        if (to === 'minutes_approved') {
          for (const d of m.decisions ?? []) {
            if (d.topicDocumentId && d.passed)
              await moveTopic(d.topicDocumentId, 'decided', actor, `decision ${d.key}`);
          }
        }
        return load<Meeting>(UID.meeting, documentId, { council: true });
      });
    },

    /** A published record is never edited silently: the old text becomes a numbered revision and the notice is updated. */
    async correctMeeting(documentId: string, body: CorrectionInput, actor: string): Promise<Meeting> {
      return tx(async () => {
        const m = await lockAndLoad<Meeting>(UID.meeting, documentId, { council: true });
        if (m.status !== 'published')
          throw conflict(
            'status',
            'only published minutes take corrections; edit the draft instead (只有已公开的纪要可更正，请直接修改草稿)',
          );
        const council = await councilOf(m);
        const decisions = body.decisions ? judge(council, m.attendance ?? [], body.decisions) : (m.decisions ?? []);
        if (decisions.some((d) => !d.votes))
          throw invalid('decisions', 'every decision needs its vote (每项决议都须表决)');
        const number = (m.revision ?? 0) + 1;
        await repo(strapi, UID.revision).create({
          data: { meeting: documentId, number, minutes: m.minutes, decisions: m.decisions, reason: body.reason, actor },
        });
        const next: Meeting = { ...m, minutes: body.minutes ?? m.minutes, decisions, revision: number };
        await getService(strapi, 'publication').upsert(next, body.reason);
        await meetings().update({ documentId, data: { minutes: next.minutes, decisions, revision: number } });
        return load<Meeting>(UID.meeting, documentId, { council: true });
      });
    },

    async createActionItem(data: ActionItemInput, actor: string): Promise<ActionItem> {
      return tx(async () => {
        const m = await lockAndLoad<Meeting>(UID.meeting, data.meeting);
        if (!(ASSIGNABLE_MINUTES as readonly string[]).includes(m.status))
          throw conflict(
            'meeting',
            `action items follow approved minutes only (minutes are ${m.status}) (纪要审定后才能交办事项)`,
          );
        const d = (m.decisions ?? []).find((x) => x.key === data.decisionKey);
        if (!d) throw invalid('decisionKey', `no decision ${data.decisionKey} in this meeting (本次会议没有该决议)`);
        if (!d.passed) throw conflict('decisionKey', `decision ${data.decisionKey} did not pass (该决议未通过)`);
        if (d.topicDocumentId) {
          // A closed topic is past 多方办事: more work on it belongs to a new topic, not a reopened one.
          const topic = await topics().findOne({ documentId: d.topicDocumentId, fields: ['status'] });
          if (topic && (FINISHED_TOPICS as readonly string[]).includes(topic.status)) {
            throw conflict(
              'decisionKey',
              `the topic of decision ${data.decisionKey} is already ${topic.status}; raise a new topic for further work (该决议的议题已办结，后续工作请另立议题)`,
            );
          }
        }
        const item = await items().create({ data: { ...data, topic: d.topicDocumentId ?? null, status: 'open' } });
        await log().record('action_item', item.documentId, null, 'open', actor);
        if (d.topicDocumentId)
          await moveTopic(d.topicDocumentId, 'implementing', actor, `action item ${item.documentId}`);
        return item;
      });
    },

    async transitionActionItem(documentId: string, body: ItemMove, actor: string): Promise<ActionItem> {
      return tx(async () => {
        const item = await lockAndLoad<ActionItem>(UID.item, documentId, { meeting: true, topic: true });
        log().assert('action_item', item.status, body.to);
        const resultNote = body.resultNote ?? item.resultNote;
        if (body.to === 'done' && !resultNote)
          throw invalid('resultNote', 'a done item needs a result note (办结须填写办理结果)');
        const now = new Date().toISOString();
        const data: Record<string, unknown> = {
          status: body.to,
          resultNote: resultNote ?? null,
          evidence: body.evidence ?? item.evidence ?? null,
        };
        if (body.to === 'done') data.doneAt = now;
        if (body.to === 'verified') data.verifiedAt = now;
        if (body.to === 'in_progress') data.doneAt = null;
        await items().update({ documentId, data });
        await log().record('action_item', documentId, item.status, body.to, actor, body.reason);
        if (body.to === 'verified' && item.topic && item.meeting) {
          // The last verified item of a decision closes its topic (销号 → 办结).
          const open = await strapi.db.query(UID.item).count({
            where: {
              meeting: { documentId: item.meeting.documentId },
              decisionKey: item.decisionKey,
              status: { $ne: 'verified' },
            },
          });
          if (open === 0)
            await moveTopic(
              item.topic.documentId,
              'closed',
              actor,
              `all action items of decision ${item.decisionKey} verified`,
            );
        }
        return load<ActionItem>(UID.item, documentId);
      });
    },

    /** 公众评事: one evaluation per resident and closed topic, within the window the settings give. */
    async evaluate(topicDocumentId: string, body: EvaluationInput, userId: number): Promise<Evaluation> {
      return tx(async () => {
        const t = await lockAndLoad<Topic>(UID.topic, topicDocumentId);
        if (!(FINISHED_TOPICS as readonly string[]).includes(t.status))
          throw conflict('topic', 'only closed topics can be evaluated (只有已办结的议题可以评议)');
        const { evaluationWindowDays } = await getService(strapi, 'settings').get();
        const closes = new Date(t.closedAt ?? 0).getTime() + evaluationWindowDays * DAY_MS;
        if (Date.now() > closes)
          throw conflict(
            'topic',
            `the evaluation window of ${evaluationWindowDays} days has closed (${evaluationWindowDays} 天评议期已结束)`,
          );
        const already = await strapi.db
          .query(UID.evaluation)
          .count({ where: { topic: { documentId: topicDocumentId }, userId } });
        if (already) throw conflict('topic', ALREADY_EVALUATED);
        const e = await repo<Evaluation>(strapi, UID.evaluation).create({
          data: { topic: topicDocumentId, verdict: body.verdict, comment: body.comment ?? null, userId },
        });
        // One per resident and topic in the database itself (deliberation_evaluations_slot_uq).
        await strapi.db
          .query(UID.evaluation)
          .update({ where: { documentId: e.documentId }, data: { slot: `${t.id}:${userId}` } });
        if (t.status === 'closed') {
          await topics().update({ documentId: topicDocumentId, data: { status: 'evaluated' } });
          await log().record('topic', topicDocumentId, 'closed', 'evaluated', 'resident', 'first evaluation');
        }
        return e;
      }).catch((err: unknown) => {
        if (isUniqueViolation(err)) throw conflict('topic', ALREADY_EVALUATED);
        throw err;
      });
    },
  };
};
