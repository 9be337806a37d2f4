import { z } from 'zod';
import { SHEET_COUNTS } from '../../services/sheet-sql';

// Answers of the registers' routes: the kit's run() shapes every answer by them and the OpenAPI
// document publishes them. Personal values in them are masked (`138****5678`) or absent.
const counts = Object.fromEntries(SHEET_COUNTS.map((k) => [k, z.number().int()])) as Record<
  (typeof SHEET_COUNTS)[number],
  z.ZodNumber
>;
export const sheetRow = z.object({ documentId: z.string(), code: z.string(), name: z.string(), ...counts });
export const gridSheet = sheetRow.extend({
  level: z.string(),
  community: z.string().nullable(),
  heads: z.array(
    z.object({
      role: z.string(),
      name: z.string(),
      phone: z.string().nullable().describe('masked: 138****5678'),
      building: z.string().nullable(),
      unit: z.string().nullable(),
    }),
  ),
  compoundNames: z.array(z.string()),
});
export const revealed = z.object({
  value: z.string().nullable().describe('the stored value, once; the reveal is logged'),
});
export const revealLog = z.array(
  z.object({ adminUserName: z.string().nullable(), field: z.string(), reason: z.string(), at: z.string() }),
);
export const listPage = z.object({
  data: z.array(
    z.record(z.string(), z.unknown()).describe('a register row: personal values masked, care tags only with `care`'),
  ),
  meta: z.object({
    pagination: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), pageCount: z.number() }),
  }),
});
