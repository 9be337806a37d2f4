import { z } from 'zod';
import { EXPORT_FORMATS } from '@grassroots/kit/shared';
import { LIST_TYPES } from '../services/lists';
import { REVEAL_TYPES } from '../services/reveal';

/** Input schemas: the controllers parse with them (400 naming the field), the routes publish them. */
export const documentId = z.string().min(1).max(64);

export const revealBody = z.strictObject({
  type: z.enum(REVEAL_TYPES),
  documentId: documentId.describe('documentId of the record (a grid for a head’s phone)'),
  field: z
    .string()
    .min(1)
    .max(40)
    .describe(
      'idNumber or phone (resident), landlordPhone (rental), operatorPhone (shop), contactPhone (firm), heads.<n>.phone (grid)',
    ),
  reason: z
    .string()
    .trim()
    .min(2, 'reason: at least 2 characters (查看事由至少2个字)')
    .max(200)
    .describe('why the value is needed, kept in the reveal log (查看事由)'),
});
export type RevealBody = z.infer<typeof revealBody>;

export const revealLogParams = z.object({ type: z.enum(REVEAL_TYPES), documentId });
export const listParams = z.object({ type: z.enum(LIST_TYPES) });
export const listQuery = z.strictObject({
  grid: documentId.optional().describe('documentId of a grid: its rows and its child grids’'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const sheetParams = z.object({ gridDocumentId: documentId });
export const summaryQuery = z.strictObject({
  branch: documentId.optional().describe('documentId of a street office or community: its grids only'),
  format: z.enum(EXPORT_FORMATS).optional().describe('xlsx or csv: the summary as a file'),
});
