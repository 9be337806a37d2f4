import type { Core } from '@strapi/strapi';
import { conflict, documentData, inTransaction, invalid, isUniqueViolation, notFound } from '@grassroots/kit/server';
import { UID } from '../uids';
import { shapeCheckIn, type ActivityRef, type CheckInRecord } from '../check-in/view';
import type { UnitRef } from './actors';

type Kind = 'unit' | 'member';
/** The unit or member acting, as actors.ts gives it. */
interface Who {
  id: number;
  documentId: string;
}
interface BranchRow {
  id: number;
  documentId: string;
  name: string;
  level: string;
}
interface MemberRow {
  id: number;
  documentId: string;
  name: string;
  skills?: string[] | null;
  community?: { documentId: string; name: string } | null;
}
interface RegistrationRow {
  id: number;
  documentId: string;
  reportedOn: string;
  status: string;
  withdrawnOn?: string | null;
  community?: { documentId: string; name: string } | null;
}

const community = async (strapi: Core.Strapi, documentId: string): Promise<BranchRow> => {
  const b: BranchRow | null = await strapi.db.query(UID.branch).findOne({ where: { documentId } });
  if (!b || b.level !== 'community_branch') throw invalid('community', 'must be a community branch (须为社区党支部)');
  return b;
};

// Names and skills only: a member's phone and account never leave.
const shapeMember = (m: MemberRow) => ({
  documentId: m.documentId,
  name: m.name,
  community: m.community ? { documentId: m.community.documentId, name: m.community.name } : null,
  skills: m.skills ?? [],
});

const today = (now: Date) => now.toISOString().slice(0, 10);

const ALREADY_REPORTED = 'already reported to this community (已报到)';
/** The live registration's slot (schema: dr_registrations_slot_uq): one per unit or member and community. */
export const registrationSlot = (kind: Kind, whoId: number, communityId: number) => `${kind}:${whoId}:${communityId}`;

/** Units manage their own members and report in; members report in to where they live. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async members(unit: UnitRef) {
    const rows: MemberRow[] = await strapi.db
      .query(UID.member)
      .findMany({ where: { unit: { id: unit.id } }, populate: { community: true }, orderBy: { name: 'asc' } });
    return rows.map(shapeMember);
  },
  async addMember(unit: UnitRef, input: { name: string; community: string; phone?: string; skills?: string[] }) {
    await community(strapi, input.community);
    const m = (await strapi.documents(UID.member).create({
      data: documentData(UID.member, {
        name: input.name,
        community: input.community,
        phone: input.phone ?? null,
        skills: input.skills ?? [],
        unit: unit.documentId,
      }),
      populate: ['community'],
    })) as unknown as MemberRow;
    return shapeMember(m);
  },
  async memberCheckIns(unit: UnitRef, memberDocumentId: string, year?: number) {
    const m: MemberRow | null = await strapi.db
      .query(UID.member)
      .findOne({ where: { documentId: memberDocumentId, unit: { id: unit.id } } });
    if (!m) throw notFound('member (in your unit)', '本单位的在职党员');
    const rows: Array<CheckInRecord & { activity?: ActivityRef | null }> = await strapi.db.query(UID.checkIn).findMany({
      where: { memberRef: m.id, ...(year ? { year } : {}) },
      populate: { activity: true },
      orderBy: { checkedInAt: 'desc' },
      limit: 500,
    });
    return rows.map((r) => shapeCheckIn(r, r.activity));
  },
  async report(kind: Kind, who: Who, communityDocumentId: string, now = new Date()) {
    const c = await community(strapi, communityDocumentId);
    const existing = await strapi.db.query(UID.registration).findOne({
      where: {
        kind,
        community: { documentId: communityDocumentId },
        status: { $ne: 'withdrawn' },
        [kind]: { id: who.id },
      },
    });
    if (existing) throw conflict('registration', ALREADY_REPORTED);
    try {
      const r = await inTransaction(strapi, async () => {
        const created = (await strapi.documents(UID.registration).create({
          data: documentData(UID.registration, {
            kind,
            [kind]: who.documentId,
            community: communityDocumentId,
            reportedOn: today(now),
            status: 'pending',
          }),
        })) as unknown as RegistrationRow;
        // Of ten identical report-ins at once, the slot's unique index lets one row stay.
        await strapi.db
          .query(UID.registration)
          .update({ where: { id: created.id }, data: { slot: registrationSlot(kind, who.id, c.id) } });
        return created;
      });
      return {
        documentId: r.documentId,
        kind,
        community: communityDocumentId,
        reportedOn: r.reportedOn,
        status: r.status,
      };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('registration', ALREADY_REPORTED);
      throw err;
    }
  },
  /** The caller's own registrations, newest first (withdrawn ones included, with their date). */
  async registrations(kind: Kind, who: Who) {
    const rows: RegistrationRow[] = await strapi.db.query(UID.registration).findMany({
      where: { kind, [kind]: { id: who.id } },
      populate: { community: true },
      orderBy: { id: 'desc' },
      limit: 100,
    });
    return rows.map((r) => ({
      documentId: r.documentId,
      kind,
      community: r.community?.documentId ?? '',
      communityName: r.community?.name ?? null,
      reportedOn: r.reportedOn,
      status: r.status,
      withdrawnOn: r.withdrawnOn ?? null,
    }));
  },
  /** The unit or member withdraws its own registration; someone else's is a 404 and stays untouched. */
  async withdraw(kind: Kind, who: Who, documentId: string, now = new Date()) {
    const r: RegistrationRow | null = await strapi.db
      .query(UID.registration)
      .findOne({ where: { documentId, kind, [kind]: { id: who.id } }, populate: { community: true } });
    if (!r) throw notFound('registration (among your registrations)', '本单位的报到登记');
    const withdrawnOn = today(now);
    // Conditional update: a second (or racing) withdrawal finds nothing left to change.
    const { count } = await strapi.db.query(UID.registration).updateMany({
      where: { id: r.id, status: { $ne: 'withdrawn' } },
      data: { status: 'withdrawn', withdrawnOn, slot: null },
    });
    if (!count) throw conflict('status', 'the registration is already withdrawn (已撤回)');
    return {
      documentId,
      kind,
      community: r.community?.documentId ?? '',
      reportedOn: r.reportedOn,
      status: 'withdrawn' as const,
      withdrawnOn,
    };
  },
});
