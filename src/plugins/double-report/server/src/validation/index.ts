import { z } from 'zod';
import activitySchema from '../content-types/activity/schema';

export const year = z.coerce.number().int().min(2000).max(2100);
export const documentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const checkInBody = z.discriminatedUnion('source', [
  z.object({ activity: documentId, source: z.literal('qr'), token: z.string().min(1).max(64) }).strict(),
  z
    .object({
      activity: documentId,
      source: z.literal('gps'),
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
    })
    .strict(),
]);
export const checkOutBody = z.object({ activity: documentId }).strict();
export const reportMemberBody = z.object({ community: documentId }).strict();
export const reportUnitBody = z.object({ community: documentId }).strict();
export const addMemberBody = z
  .object({
    name: z.string().trim().min(1).max(60),
    community: documentId,
    phone: z
      .string()
      .regex(/^[0-9+\- ]{5,32}$/)
      .optional(),
    skills: z.array(z.string().max(40)).max(20).optional(),
  })
  .strict();
export const progressBody = z.object({ status: z.enum(['in_progress', 'done']) }).strict();
export const verifyBody = z
  .object({
    status: z.enum(['verified', 'rejected']),
    rating: z.number().int().min(1).max(5).optional(),
    comment: z.string().max(500).optional(),
  })
  .strict();
export const yearQuery = z.object({ year }).strict();

const instant = z.string().datetime({ offset: true });
export const manualCheckInBody = z
  .object({
    member: documentId,
    activity: documentId,
    checkedInAt: instant,
    checkedOutAt: instant.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export const revokeBody = z.object({ reason: z.string().trim().min(2).max(150) }).strict();
export const evaluateBody = z
  .object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() })
  .strict();

const ACTIVITY_KINDS = activitySchema.attributes.kind.enum as [string, ...string[]];
/** A service activity staff create from the activities tab (its community is the page's). */
export const newActivityBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    kind: z.enum(ACTIVITY_KINDS),
    startsAt: instant,
    endsAt: instant,
    place: z.string().trim().max(200).optional(),
    capacity: z.number().int().min(1).max(100000).optional(),
  })
  .strict()
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt (须晚于开始时间)',
  });
export type NewActivity = z.infer<typeof newActivityBody>;
