import { z } from 'zod';
import { CASE_STATUSES, EVENT_ACTIONS, EXTENSION_STATES, LEVELS, SATISFACTION, SOURCES } from '../../../shared';
import { documentId } from '../validation';

// These schemas shape the answers (the kit's run() parses every answer through its route's
// `response`) and are what the OpenAPI document publishes: one definition, no drift.
const when = z.string().nullable();
const status = z.enum(CASE_STATUSES);

export const params = z.object({ documentId });
export const idemHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .describe('Required. The same key again answers the first case (200, Idempotent-Replayed); another body → 422'),
});

/** A case as its reporter, its owner and staff see it (never the reporter's account or contact). */
export const caseView = z.object({
  documentId: z.string(),
  title: z.string(),
  description: z.string(),
  status,
  level: z.enum(LEVELS),
  source: z.enum(SOURCES),
  category: z.object({ documentId: z.string(), name: z.string(), timeLimitDays: z.number() }).nullable(),
  grid: z.object({ documentId: z.string(), name: z.string() }).nullable(),
  building: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  owner: z
    .object({
      kind: z.string(),
      name: z.string(),
      unit: z.string().nullable().describe('documentId of the unit'),
      account: z
        .string()
        .nullable()
        .describe('documentId of the owner account (承办方账号: department, property company)'),
    })
    .nullable(),
  reportedAt: z.string(),
  acceptedAt: when,
  dispatchedAt: when,
  dueAt: when.describe('deadline: end of the last working day (Asia/Shanghai)'),
  signedAt: when,
  handledAt: when,
  verifiedAt: when,
  ratedAt: when,
  archivedAt: when,
  urgency: z.enum(['ok', 'warning', 'overdue']).nullable().describe('warning from 80 % of the limit'),
  handledOnTime: z.boolean().nullable(),
  result: z.string().nullable(),
  returnReason: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  reopened: z.boolean(),
  extension: z.object({
    status: z.enum(EXTENSION_STATES),
    days: z.number().nullable(),
    reason: z.string().nullable(),
  }),
  parent: z.string().nullable().describe('documentId of the case this one was escalated from'),
  mergedInto: z.string().nullable(),
});

/** The public status page of a case: nothing personal, no location, no accounts. */
export const publicCase = z.object({
  documentId: z.string(),
  title: z.string(),
  description: z.string(),
  status,
  level: z.enum(LEVELS),
  source: z.enum(SOURCES),
  category: z.string().nullable(),
  grid: z.string().nullable(),
  ownerName: z.string().nullable(),
  reportedAt: z.string(),
  dispatchedAt: when,
  dueAt: when,
  handledAt: when,
  archivedAt: when,
  result: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  mergedInto: z.string().nullable().describe('the original case when this one was merged'),
});
export const publicStep = z.object({
  from: status.nullable(),
  to: status,
  action: z.enum(EVENT_ACTIONS),
  at: z.string(),
  reason: z.string().nullable(),
});
export const pagination = z.object({ page: z.number(), pageSize: z.number(), total: z.number() });

/** 履职: a representative's suggestions (source 代表委员建议) with their counts. */
export const duties = z.object({
  representative: z.object({ documentId: z.string(), name: z.string() }),
  counts: z.object({
    raised: z.number(),
    closed: z.number().describe('archived'),
    rated: z.number(),
    satisfied: z.number().describe('satisfied or basically satisfied'),
  }),
  cases: z.array(caseView),
});
