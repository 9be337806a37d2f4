import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { conflict, invalid, notFound } from './http-error';
import { shapeCheckIn } from './check-in';

const community = async (strapi: Core.Strapi, documentId: string) => {
  const b: any = await strapi.db.query(UID.branch as any).findOne({ where: { documentId } });
  if (!b || !['community_branch'].includes(b.level)) throw invalid('community', 'must be a community branch (社区党支部)');
  return b;
};

const shapeMember = (m: any) => ({ documentId: m.documentId, name: m.name, community: m.community ? { documentId: m.community.documentId, name: m.community.name } : null, skills: m.skills ?? [] });

/** Units manage their own members and report in; members report in to where they live. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async members(unit: any) {
    const rows: any[] = await strapi.db.query(UID.member as any).findMany({ where: { unit: { id: unit.id } }, populate: { community: true }, orderBy: { name: 'asc' } });
    return rows.map(shapeMember);
  },
  async addMember(unit: any, input: { name: string; community: string; phone?: string; skills?: string[] }) {
    await community(strapi, input.community);
    const m: any = await strapi.documents(UID.member as any).create({
      data: { name: input.name, community: input.community, phone: input.phone ?? null, skills: input.skills ?? [], unit: unit.documentId } as any,
      populate: ['community'] as any,
    });
    return shapeMember(m);
  },
  async memberCheckIns(unit: any, memberDocumentId: string, year?: number) {
    const m: any = await strapi.db.query(UID.member as any).findOne({ where: { documentId: memberDocumentId, unit: { id: unit.id } } });
    if (!m) throw notFound('member: not found in your unit');
    const rows: any[] = await strapi.db.query(UID.checkIn as any).findMany({ where: { memberRef: m.id, ...(year ? { year } : {}) }, populate: { activity: true }, orderBy: { checkedInAt: 'desc' }, limit: 500 });
    return rows.map((r) => shapeCheckIn(r, r.activity));
  },
  async report(kind: 'unit' | 'member', who: any, communityDocumentId: string, now = new Date()) {
    await community(strapi, communityDocumentId);
    const where: any = { kind, community: { documentId: communityDocumentId }, status: { $ne: 'withdrawn' }, [kind]: { id: who.id } };
    const existing = await strapi.db.query(UID.registration as any).findOne({ where });
    if (existing) throw conflict('registration: already reported to this community (已报到)');
    const r: any = await strapi.documents(UID.registration as any).create({
      data: { kind, [kind]: who.documentId, community: communityDocumentId, reportedOn: now.toISOString().slice(0, 10), status: 'pending' } as any,
    });
    return { documentId: r.documentId, kind, community: communityDocumentId, reportedOn: r.reportedOn, status: r.status };
  },
  /** The caller's own registrations, newest first (withdrawn ones included, with their date). */
  async registrations(kind: 'unit' | 'member', who: any) {
    const rows: any[] = await strapi.db.query(UID.registration as any).findMany({ where: { kind, [kind]: { id: who.id } }, populate: { community: true }, orderBy: { id: 'desc' }, limit: 100 });
    return rows.map((r) => ({ documentId: r.documentId, kind, community: r.community?.documentId ?? '', communityName: r.community?.name ?? null, reportedOn: r.reportedOn, status: r.status, withdrawnOn: r.withdrawnOn ?? null }));
  },
  /** The unit or member withdraws its own registration; someone else's is a 404 and stays untouched. */
  async withdraw(kind: 'unit' | 'member', who: any, documentId: string, now = new Date()) {
    const r: any = await strapi.db.query(UID.registration as any).findOne({ where: { documentId, kind, [kind]: { id: who.id } }, populate: { community: true } });
    if (!r) throw notFound('registration: not found among your registrations');
    const withdrawnOn = now.toISOString().slice(0, 10);
    // Conditional update: a second (or racing) withdrawal finds nothing left to change.
    const { count } = await strapi.db.query(UID.registration as any).updateMany({ where: { id: r.id, status: { $ne: 'withdrawn' } }, data: { status: 'withdrawn', withdrawnOn } });
    if (!count) throw conflict('status: the registration is already withdrawn (已撤回)');
    return { documentId, kind, community: r.community?.documentId ?? '', reportedOn: r.reportedOn, status: 'withdrawn', withdrawnOn };
  },
});
