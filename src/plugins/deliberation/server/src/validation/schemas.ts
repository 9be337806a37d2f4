import { z } from 'zod';

const fraction = z.union([
  z.object({ type: z.literal('more_than_half') }),
  z.object({ type: z.literal('two_thirds') }),
  z.object({
    type: z.literal('fraction'),
    numerator: z.number().int().positive(),
    denominator: z.number().int().positive(),
    strict: z.boolean().optional(),
  }),
]);

export const member = z.object({
  key: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  role: z.string().max(60).default(''),
  organisation: z.string().max(120).default(''),
  representativeDocumentId: z.string().max(64).optional(),
  gridHeadName: z.string().max(60).optional(),
  phone: z.string().max(30).optional(),
});

export const council = z.object({
  name: z.string().min(1).max(200),
  code: z.string().min(1).max(40),
  kind: z.enum(['neighbourhood_council', 'joint_meeting', 'sentiment_forum', 'residents_forum']),
  branch: z.string().max(64).optional(),
  grids: z.array(z.string().max(64)).optional(),
  members: z.array(member).min(1),
  rule: z.object({
    quorum: fraction,
    vote: z.intersection(fraction, z.object({ base: z.enum(['present', 'members']).optional() })),
  }),
  cadence: z.enum(['monthly', 'quarterly', 'as_needed']).default('as_needed'),
});

export const topic = z.object({
  title: z.string().min(1).max(200),
  raisedBy: z.enum(['resident', 'grid_head', 'representative', 'double_report_need']),
  raisedByName: z.string().max(100).optional(),
  sourceText: z.string().min(1).max(5000),
  grid: z.string().max(64).optional(),
  council: z.string().max(64).optional(),
  needRef: z.string().max(64).optional(),
});

export const agendaItem = z.object({
  position: z.number().int().min(1),
  title: z.string().min(1).max(200),
  topicDocumentId: z.string().max(64).optional(),
  presenter: z.string().max(60).default(''),
  plannedMinutes: z.number().int().min(1).max(600).default(15),
});

export const attendance = z.object({
  memberKey: z.string().min(1).max(40),
  status: z.enum(['present', 'absent', 'excused']),
  delegate: z.string().max(60).optional(),
});

export const votes = z.object({
  for: z.number().int().min(0),
  against: z.number().int().min(0),
  abstain: z.number().int().min(0),
});

export const decision = z.object({
  key: z.string().min(1).max(40),
  text: z.string().min(1).max(2000),
  topicDocumentId: z.string().max(64).optional(),
  votes: votes.nullable().optional(),
});

export const meetingCreate = z.object({
  council: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  startAt: z.iso.datetime({ offset: true }),
  endAt: z.iso.datetime({ offset: true }).optional(),
  place: z.string().max(200).optional(),
  convener: z.string().max(100).optional(),
  recorder: z.string().max(100).optional(),
  agenda: z.array(agendaItem).default([]),
});

export const meetingUpdate = z.object({
  title: z.string().min(1).max(200).optional(),
  startAt: z.iso.datetime({ offset: true }).optional(),
  endAt: z.iso.datetime({ offset: true }).optional(),
  place: z.string().max(200).optional(),
  convener: z.string().max(100).optional(),
  recorder: z.string().max(100).optional(),
  agenda: z.array(agendaItem).optional(),
  attendance: z.array(attendance).optional(),
  minutes: z.string().max(100000).optional(),
  decisions: z.array(decision).optional(),
});

export const correction = z.object({
  reason: z.string().min(1).max(2000),
  minutes: z.string().max(100000).optional(),
  decisions: z.array(decision).optional(),
});

export const transitionBody = z.object({
  to: z.string().min(1).max(40),
  reason: z.string().max(2000).optional(),
  resultNote: z.string().max(5000).optional(),
  evidence: z.string().max(5000).optional(),
});

export const actionItemCreate = z.object({
  meeting: z.string().min(1).max(64),
  decisionKey: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  ownerKind: z.enum(['unit', 'branch', 'person']),
  ownerName: z.string().min(1).max(100),
  ownerPhone: z.string().max(30).optional(),
  dueDate: z.iso.date(),
});

export const evaluationBody = z.object({
  verdict: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
  comment: z.string().max(500).optional(),
});

export const settings = z.object({ evaluationWindowDays: z.number().int().min(1).max(365) });

export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const actionItemQuery = listQuery.extend({
  status: z.enum(['open', 'in_progress', 'done', 'verified']).optional(),
  owner: z.string().max(100).optional(),
});

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
