import { z } from 'zod';
import {
  checkInBody,
  checkOutBody,
  reportMemberBody,
  addMemberBody,
  progressBody,
  verifyBody,
  documentId,
  year,
} from '../validation';

export const params = z.object({ documentId });
export const yearQ = z.object({ year });
export const idemHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .describe('Required. Same key + same body replays the first response; another body → 422; in flight → 409'),
});

export const checkIn = z.object({
  documentId: z.string(),
  activity: z.object({ documentId: z.string(), title: z.string(), kind: z.string() }).optional(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  minutes: z.number(),
  source: z.enum(['qr', 'gps', 'manual']),
  status: z.enum(['pending', 'verified', 'rejected']),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  year: z.number(),
});
export const memberSummary = z.object({
  year: z.number(),
  sessions: z.number(),
  verifiedHours: z.number(),
  pendingHours: z.number(),
  averageRating: z.number().nullable(),
  points: z.number(),
  requiredHours: z.number(),
  meetsRequirement: z.boolean(),
});
export const memberRow = z.object({
  documentId: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  sessions: z.number(),
  verifiedHours: z.number(),
  pendingHours: z.number(),
  averageRating: z.number().nullable(),
  points: z.number(),
});
export const unitSummary = z.object({
  year: z.number(),
  unit: z.object({ documentId: z.string(), name: z.string() }),
  members: z.number(),
  reportedMembers: z.number(),
  reportInRate: z.number(),
  sessions: z.number(),
  verifiedHours: z.number(),
  points: z.number(),
  itemsClaimed: z.number(),
  itemsDone: z.number(),
  itemsEvaluated: z.number(),
  averageItemRating: z.number().nullable(),
  fiveOnes: z.record(z.string(), z.boolean()),
  memberRows: z.array(memberRow),
});
export const member = z.object({
  documentId: z.string(),
  name: z.string(),
  community: z.object({ documentId: z.string(), name: z.string() }).nullable(),
  skills: z.array(z.string()),
});
export const registration = z.object({
  documentId: z.string(),
  kind: z.enum(['unit', 'member']),
  community: z.string(),
  reportedOn: z.string(),
  status: z.string(),
});
export const ownRegistration = registration.extend({
  communityName: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
});
export const withdrawn = registration.extend({ status: z.literal('withdrawn'), withdrawnOn: z.string() });
export const publicNeed = z.object({
  documentId: z.string(),
  type: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
});
export const publicActivity = z.object({
  documentId: z.string(),
  title: z.string(),
  kind: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  capacity: z.number().nullable(),
});
export { checkInBody, checkOutBody, reportMemberBody, addMemberBody, progressBody, verifyBody };
