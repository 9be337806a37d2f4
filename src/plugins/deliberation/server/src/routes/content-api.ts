import { z } from 'zod';
import { cached } from '@grassroots/kit/server';
import { listQuery, actionItemQuery, evaluationBody } from '../validation/schemas';
import { CACHE } from '../cache';

// These schemas shape the answers (the kit's run() parses every answer through its route's
// `response`) and are what the OpenAPI document publishes: one definition, no drift.
const pagination = z.object({ page: z.number(), pageSize: z.number(), total: z.number() });
const decision = z.object({
  key: z.string(),
  text: z.string(),
  topicDocumentId: z.string().nullable(),
  votes: z.object({ for: z.number(), against: z.number(), abstain: z.number() }).nullable(),
  passed: z.boolean().nullable(),
});
const meeting = z.object({
  documentId: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string().nullable(),
  place: z.string().nullable(),
  convener: z.string().nullable(),
  recorder: z.string().nullable(),
  status: z.literal('published'),
  revision: z.number().nullable(),
  publishedOn: z.string().nullable(),
  council: z.object({ documentId: z.string(), name: z.string(), kind: z.string() }).nullable(),
  decisions: z.array(decision),
});
const agendaItem = z.object({
  position: z.number(),
  title: z.string(),
  topicDocumentId: z.string().optional(),
  presenter: z.string(),
  plannedMinutes: z.number(),
});
const item = z.object({
  documentId: z.string(),
  title: z.string(),
  ownerKind: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.string(),
  resultNote: z.string().nullable(),
  decisionKey: z.string(),
  overdue: z.boolean(),
  meetingDocumentId: z.string(),
  meetingTitle: z.string(),
});
const topic = z.object({
  documentId: z.string(),
  title: z.string(),
  raisedBy: z.string(),
  sourceText: z.string().nullable(),
  status: z.string(),
  closedAt: z.string().nullable(),
  needRef: z.string().nullable(),
  grid: z.object({ code: z.string(), name: z.string() }).nullable(),
  trail: z.array(
    z.object({ from: z.string().nullable(), to: z.string(), at: z.string(), reason: z.string().nullable() }),
  ),
  evaluations: z.record(z.string(), z.number()).describe("residents' evaluations counted by verdict"),
});
const params = z.object({ documentId: z.string() });

/** Public follow-up view (read-only, published data only) and residents' evaluations. */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/meetings',
      handler: 'public.meetings',
      config: { auth: false, middlewares: [cached(CACHE.publicMeetings)] },
      request: { query: listQuery.shape },
      response: z.object({ data: z.array(meeting), meta: z.object({ pagination }) }),
    },
    {
      method: 'GET',
      path: '/meetings/:documentId',
      handler: 'public.meeting',
      config: { auth: false, middlewares: [cached(CACHE.publicMeeting)] },
      request: { params: params.shape },
      response: z.object({
        data: meeting.extend({
          minutes: z.string(),
          agenda: z.array(agendaItem),
          attendance: z.object({ present: z.number(), members: z.number() }),
          noticeDocumentId: z.string().nullable(),
          revisions: z.array(
            z.object({ number: z.number(), reason: z.string(), createdAt: z.string(), minutes: z.string().nullable() }),
          ),
          actionItems: z.array(item),
        }),
      }),
    },
    {
      method: 'GET',
      path: '/topics',
      handler: 'public.topics',
      config: { auth: false, middlewares: [cached(CACHE.publicTopics)] },
      request: { query: listQuery.shape },
      response: z.object({ data: z.array(topic), meta: z.object({ pagination }) }),
    },
    {
      method: 'GET',
      path: '/topics/:documentId',
      handler: 'public.topic',
      config: { auth: false, middlewares: [cached(CACHE.publicTopics)] },
      request: { params: params.shape },
      response: z.object({ data: topic }),
    },
    {
      method: 'GET',
      path: '/action-items',
      handler: 'public.actionItems',
      config: { auth: false, middlewares: [cached(CACHE.publicItems)] },
      request: { query: actionItemQuery.shape },
      response: z.object({
        data: z.array(item),
        meta: z.object({
          pagination: pagination.extend({ overdue: z.number().describe('overdue items in the filter') }),
        }),
      }),
    },
    {
      method: 'POST',
      path: '/topics/:documentId/evaluations',
      handler: 'public.evaluate',
      config: {},
      request: { params: params.shape, body: { 'application/json': evaluationBody } },
      response: z.object({ data: z.object({ documentId: z.string(), verdict: z.string() }) }),
    },
  ],
};
