import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { conflict, notFound, scopeWhere, type RouteScope } from '@grassroots/kit/server';

interface RegistrationRow {
  id: number;
  documentId: string;
  kind: string;
  reportedOn: string;
  status: string;
  community?: { documentId: string; name: string } | null;
  unit?: { documentId: string; name: string } | null;
  member?: { documentId: string; name: string; unit?: { name: string } | null } | null;
}

/**
 * Community staff receive report-ins (报到接收). Strapi's Content Manager refuses edits of an attribute named
 * `status` (it is the draft/publish parameter in Strapi 5), so accepting needs its own route.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Registrations waiting for a community (all communities when none given), oldest first. */
  async pending(communityDocumentId?: string, scope: RouteScope = { all: true }) {
    const where: Record<string, unknown> = {
      status: 'pending',
      ...scopeWhere(scope),
      ...(communityDocumentId ? { community: { documentId: communityDocumentId } } : {}),
    };
    const rows: RegistrationRow[] = await strapi.db.query(UID.registration).findMany({
      where,
      populate: {
        unit: { select: ['documentId', 'name'] },
        member: { select: ['documentId', 'name'], populate: { unit: { select: ['name'] } } },
        community: { select: ['documentId', 'name'] },
      },
      orderBy: [{ reportedOn: 'asc' }, { id: 'asc' }],
      limit: 200,
    });
    // Names only: a member's phone and account never leave, even to staff lists.
    return rows.map((r) => ({
      documentId: r.documentId,
      kind: r.kind,
      reportedOn: r.reportedOn,
      status: r.status,
      community: r.community ? { documentId: r.community.documentId, name: r.community.name } : null,
      unit: r.unit ? { documentId: r.unit.documentId, name: r.unit.name } : null,
      member: r.member
        ? { documentId: r.member.documentId, name: r.member.name, unit: r.member.unit?.name ?? null }
        : null,
    }));
  },

  /** pending → accepted; anything else is a 409 (a withdrawn report-in is not brought back by staff). */
  async accept(documentId: string) {
    const r: RegistrationRow | null = await strapi.db.query(UID.registration).findOne({ where: { documentId } });
    if (!r) throw notFound('registration', '报到登记');
    // Conditional update: two staff clicking at once, or a withdrawal racing the click, leave one outcome.
    const { count } = await strapi.db
      .query(UID.registration)
      .updateMany({ where: { id: r.id, status: 'pending' }, data: { status: 'accepted' } });
    if (!count)
      throw conflict(
        'status',
        `only a pending registration can be accepted (this one is ${r.status === 'pending' ? 'changing' : r.status}) (只有待处理的报到可以接收)`,
      );
    return { documentId, kind: r.kind, reportedOn: r.reportedOn, status: 'accepted' };
  },
});
