import { z } from 'zod';
import { cached } from '@grassroots/kit/server';
import { listQuery, actionItemQuery, evaluationBody } from '../validation/schemas';
import { CACHE } from '../cache';

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
  place: z.string().nullable(),
  status: z.literal('published'),
  revision: z.number().nullable(),
  council: z.object({ name: z.string(), kind: z.string() }).nullable(),
  decisions: z.array(decision),
});
const item = z.object({
  documentId: z.string(),
  title: z.string(),
  ownerKind: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.string(),
  overdue: z.boolean(),
  meetingDocumentId: z.string(),
});
const topic = z.object({
  documentId: z.string(),
  title: z.string(),
  status: z.string(),
  trail: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: z.any() })),
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
          revisions: z.array(z.object({ number: z.number(), reason: z.string() })),
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
      response: z.object({ data: z.array(item), meta: z.object({ pagination }) }),
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
