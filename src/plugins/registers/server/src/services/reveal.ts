import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { currentAdmin, invalid, notFound, requireInScope } from '@grassroots/kit/server';
import { PERSONAL } from '../personal/fields';
import { GRID, UID } from '../uids';

/** What can be revealed: a register's personal field, or the phone of one of a grid's heads (`heads.2.phone`). */
export const REVEAL_TYPES = ['resident', 'rental', 'shop', 'firm', 'grid'] as const;
export type RevealType = (typeof REVEAL_TYPES)[number];
export const TYPE_UID: Record<RevealType, string> = {
  resident: UID.resident,
  rental: UID.rental,
  shop: UID.shop,
  firm: UID.firm,
  grid: GRID,
};
const HEAD_PHONE = /^heads\.(\d{1,3})\.phone$/;

export interface RevealInput {
  type: RevealType;
  documentId: string;
  field: string;
  reason: string;
}
export interface RevealLogEntry {
  adminUserName: string | null;
  field: string;
  reason: string;
  at: string;
}

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** Reads the one stored value asked for (Query Engine: the raw value, never through the masking middleware). */
async function storedValue(strapi: Core.Strapi, input: RevealInput): Promise<string | null> {
  const uid = TYPE_UID[input.type] as StrapiUID.Schema;
  if (input.type === 'grid') {
    const index = Number(HEAD_PHONE.exec(input.field)?.[1]);
    const grid = (await strapi.db
      .query(uid)
      .findOne({ where: { documentId: input.documentId }, populate: { heads: true } })) as {
      heads?: Row[];
    } | null;
    const head = grid?.heads?.[index];
    if (!head) throw invalid('field', `no head at position ${index} (该网格没有第 ${index + 1} 位“五长”)`);
    return typeof head.phone === 'string' ? head.phone : null;
  }
  const row = (await strapi.db
    .query(uid)
    .findOne({ where: { documentId: input.documentId }, select: [input.field] })) as Row | null;
  if (!row) throw notFound('documentId', '记录');
  const value = row[input.field];
  return typeof value === 'string' ? value : null;
}

/**
 * 查看个人信息: one stored value for a staff user with `reveal`, within their organisation, with a
 * reason; the reveal log row (who, what, field, why, when) is written in the same transaction, so no
 * value leaves unrecorded.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async reveal(input: RevealInput): Promise<{ value: string | null }> {
    const allowed =
      input.type === 'grid' ? HEAD_PHONE.test(input.field) : input.field in PERSONAL[TYPE_UID[input.type]];
    if (!allowed) {
      const fields = input.type === 'grid' ? ['heads.<n>.phone'] : Object.keys(PERSONAL[TYPE_UID[input.type]]);
      throw invalid('field', `must be one of ${fields.join(', ')} for ${input.type} (该类记录可查看的个人信息项)`);
    }
    await requireInScope(strapi, TYPE_UID[input.type], input.documentId, 'documentId');
    const admin = currentAdmin(strapi) as (Row & { id: number }) | undefined;
    if (!admin) throw invalid('user', 'reveal needs a staff user (需以工作人员身份查看)');
    const name = [admin.firstname, admin.lastname].filter((s) => typeof s === 'string' && s).join(' ');
    return strapi.db.transaction(async () => {
      const value = await storedValue(strapi, input);
      await strapi.db.query(UID.revealLog).create({
        data: {
          adminUserId: admin.id,
          adminUserName: name || (typeof admin.email === 'string' ? admin.email : null),
          subjectType: TYPE_UID[input.type],
          subjectDocumentId: input.documentId,
          field: input.field,
          reason: input.reason,
          at: new Date(),
        },
      });
      return { value };
    });
  },

  /** Who revealed what of one record, newest first (the record must lie within the caller's organisation). */
  async log(type: RevealType, documentId: string): Promise<RevealLogEntry[]> {
    await requireInScope(strapi, TYPE_UID[type], documentId, 'documentId');
    const rows = (await strapi.db.query(UID.revealLog).findMany({
      where: { subjectType: TYPE_UID[type], subjectDocumentId: documentId },
      select: ['adminUserName', 'field', 'reason', 'at'],
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit: 200,
    })) as Row[];
    return rows.map((r) => ({
      adminUserName: (r.adminUserName as string | null) ?? null,
      field: String(r.field),
      reason: String(r.reason),
      at: iso(r.at),
    }));
  },
});
