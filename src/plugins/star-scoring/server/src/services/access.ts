import type { Core } from '@strapi/strapi';
import {
  currentAdmin,
  forbidden,
  organisationOf,
  requireInScope,
  routeScope,
  type RouteScope,
} from '@grassroots/kit/server';
import { ASSESSMENT, BRANCH, RECTIFICATION } from '../cache';
import type { Action } from '../../../shared/flow';

/** The 403 of the separation of duties: the rule it names, in both languages. */
const OWN_COMMUNITY: Record<Exclude<Action, 'assess'>, [en: string, zh: string]> = {
  review: [
    'nobody reviews or publicises an assessment of their own community (separation of duties)',
    '不得审核、公示本社区的星级考评',
  ],
  approve: [
    'nobody approves or revokes a star of their own community (separation of duties)',
    '不得审定、撤销本社区的星级',
  ],
};

/**
 * Who may see and act on which star-scoring rows, for the administrator of the current request: the
 * kit's organisation scope (the rule of the Content Manager's 本组织及下级 condition) and the separation
 * of duties. Admin controllers call it before the service; public routes never do (they show published
 * results of every organisation).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Users & Permissions grants; the public routes are auth:false and need none. */
  contentApiGrants(): Record<string, string[]> {
    return {};
  },

  /** The caller's organisation, for aggregates (rankings, dashboard, streets). */
  scope(): Promise<RouteScope> {
    return routeScope(strapi);
  },

  /** 404 for an unknown branch, 403 for one outside the caller's organisation. */
  branch(documentId: string, field = 'branch'): Promise<void> {
    return requireInScope(strapi, BRANCH, documentId, field);
  },

  /**
   * An assessment the caller may act on: inside their organisation (else 403), and for review and
   * approval not of their own community, whatever actions their role holds (else 403 naming the rule).
   */
  async assessment(documentId: string, duty: Action | 'read' = 'read'): Promise<void> {
    await requireInScope(strapi, ASSESSMENT, documentId, 'assessment');
    if (duty === 'read' || duty === 'assess') return;
    const admin = currentAdmin(strapi);
    const organisation = admin ? await organisationOf(strapi, admin) : null;
    const own = organisation?.scope.scopeCommunity;
    if (!organisation || !own) return; // Super Admins and street or county staff
    const row = (await strapi.db.query(ASSESSMENT).findOne({ where: { documentId }, select: ['scopeCommunity'] })) as {
      scopeCommunity: string | null;
    } | null;
    if (row?.scopeCommunity === own)
      throw forbidden(
        `assessment: ${OWN_COMMUNITY[duty][0]} (${organisation.name}) (${OWN_COMMUNITY[duty][1]}：${organisation.name})`,
        'assessment',
      );
  },

  /** A rectification task inside the caller's organisation. */
  rectification(documentId: string): Promise<void> {
    return requireInScope(strapi, RECTIFICATION, documentId, 'rectification');
  },
});
