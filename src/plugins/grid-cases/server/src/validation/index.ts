import { z } from 'zod';
import { OWNER_ACCOUNT_KINDS, OWNER_KINDS, SATISFACTION, SOURCES } from '../../../shared';

/** Input schemas: the controllers parse with them (400 naming the field), the routes publish them. */
export const documentId = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export const reportBody = z.strictObject({
  title: text(120),
  description: text(4000),
  category: documentId.describe('documentId of an active case category'),
  source: z.enum(SOURCES),
  grid: documentId.describe("documentId of the reporter's own grid"),
  compound: documentId.optional(),
  building: text(60).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  reporterContact: text(60).optional().describe('private: never leaves through a public route'),
});
export type ReportInput = z.infer<typeof reportBody>;

export const handleBody = z.strictObject({ result: text(4000) });
export const extensionBody = z.strictObject({
  days: z.number().int().min(1).max(60).describe('working days to add to the deadline'),
  reason: text(1000),
});
export const rateBody = z.strictObject({ satisfaction: z.enum(SATISFACTION) });

export const reasonBody = z.strictObject({ reason: text(1000) });
export const optionalReasonBody = z.strictObject({ reason: text(1000).optional() });
export const dispatchBody = z
  .strictObject({
    ownerKind: z.enum(OWNER_KINDS).optional().describe("omitted: the category's default owner"),
    ownerUnit: documentId.optional().describe('documentId of a double-report unit (ownerKind unit)'),
    ownerAccount: documentId
      .optional()
      .describe('documentId of an owner account in scope (承办方账号, ownerKind department or property)'),
    ownerName: text(120).optional().describe('department, community or property company (other kinds)'),
  })
  .superRefine((v, ctx) => {
    if (v.ownerAccount && !(OWNER_ACCOUNT_KINDS as readonly string[]).includes(v.ownerKind ?? ''))
      ctx.addIssue({
        code: 'custom',
        path: ['ownerAccount'],
        message: `only with ownerKind ${OWNER_ACCOUNT_KINDS.join(' or ')} (承办方账号仅用于县直部门、物业公司)`,
      });
    if (!v.ownerKind) return;
    if (v.ownerKind === 'unit' && !v.ownerUnit)
      ctx.addIssue({ code: 'custom', path: ['ownerUnit'], message: 'required when ownerKind is unit' });
    if (v.ownerKind !== 'unit' && !v.ownerName && !v.ownerAccount)
      ctx.addIssue({ code: 'custom', path: ['ownerName'], message: `required when ownerKind is ${v.ownerKind}` });
  });
export type DispatchInput = z.infer<typeof dispatchBody>;
export const decisionBody = z.strictObject({ approve: z.boolean(), reason: text(1000).optional() });
export const mergeBody = z.strictObject({ into: documentId.describe('documentId of the original (open) case') });

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(100).default(20);
export const publicListQuery = z.strictObject({
  page: page.optional(),
  pageSize: pageSize.optional(),
  status: z.string().max(20).optional(),
  grid: documentId.optional().describe('documentId of a grid'),
});
export const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD (应为日期 YYYY-MM-DD)');
export const figuresQuery = z.strictObject({
  by: z.enum(['grid', 'community', 'street', 'owner', 'category']),
  from: dateText,
  to: dateText,
  format: z.enum(['json', 'csv', 'xlsx']).optional().describe('csv or xlsx: a download of the same table'),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;
/** 代表委员履职: the representatives' table, over an optional period of reporting dates (Shanghai). */
export const dutiesQuery = z.strictObject({
  from: dateText.optional(),
  to: dateText.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).optional().describe('csv or xlsx: a download of the same table'),
});
export type DutiesQuery = z.infer<typeof dutiesQuery>;

/** 事项目录: a category as staff create it (the catalogue page). */
export const categoryBody = z.strictObject({
  name: text(80),
  timeLimitDays: z.number().int().min(0).max(60).describe('working days, 0 = same day'),
  defaultOwnerKind: z.enum(OWNER_KINDS).nullable().optional(),
  defaultOwnerName: text(120).nullable().optional(),
  active: z.boolean().optional(),
});
export type CategoryInput = z.infer<typeof categoryBody>;
export const categoryPatch = categoryBody.partial();
export type CategoryPatch = z.infer<typeof categoryPatch>;

/** 工作日历: one day of the holiday table (a rest day, or a 调休 weekend that is worked). */
export const holidayBody = z.strictObject({
  date: dateText,
  kind: z.enum(['holiday', 'workday']),
  name: text(60).optional(),
});
export type HolidayInput = z.infer<typeof holidayBody>;
export const holidaysQuery = z.strictObject({ from: dateText, to: dateText });
export type HolidaysQuery = z.infer<typeof holidaysQuery>;

/** 派单's owner-account picker: optionally one kind. */
export const ownerAccountsQuery = z.strictObject({ kind: z.enum(OWNER_ACCOUNT_KINDS).optional() });
export type OwnerAccountsQuery = z.infer<typeof ownerAccountsQuery>;
