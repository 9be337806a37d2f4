import { z } from 'zod';
import { EXPORT_FORMATS } from '@grassroots/kit/shared';

export const documentId = z.string().regex(/^[a-z0-9]{10,40}$/, 'must be a documentId');
export const year = z.coerce.number().int().min(2000).max(2100);
const item = z.object({
  code: z.string().min(1).max(40),
  score: z.number().min(0),
  evidence: z.string().max(4000).optional(),
  internal: z.boolean().optional(),
});
export const itemsBody = z.object({ items: z.array(item).min(1).max(100) });
export const createBody = z.object({
  branch: documentId,
  year: z.number().int().min(2000).max(2100),
  star: z.string().regex(/^[a-z_]+$/),
});
export const reviewBody = itemsBody.extend({ reason: z.string().max(2000).optional() });
export const reasonBody = z.object({ reason: z.string().trim().min(2).max(2000) });
export const publicizeBody = z.object({ endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD') });
export const rectBody = z.object({
  assessment: documentId,
  criterion: z.string().min(1).max(40),
  owner: z.string().trim().min(1).max(60),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  title: z.string().max(200).optional(),
});
/** Multipart form fields arrive as strings, hence the coercions; `file` is a media-library id when no upload is sent. */
export const evidenceBody = z.object({
  criterion: z.string().trim().min(1).max(40),
  file: z.coerce.number().int().positive().optional(),
  internal: z.union([z.boolean(), z.enum(['true', 'false']).transform((x) => x === 'true')]).optional(),
  note: z.string().max(200).optional(),
});
export const rankingQuery = z.object({
  year,
  category: z.enum(['urban', 'rural']).optional(),
  parent: documentId.optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).optional(),
});
export const scorecardQuery = z.object({ year });
export const categoryQuery = rankingQuery.pick({ category: true });
export const formatQuery = z.object({
  format: z.enum(['json', ...EXPORT_FORMATS], { error: 'must be json, csv or xlsx' }).optional(),
});
