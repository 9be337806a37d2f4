import type { Core } from '@strapi/strapi';
import {
  SCOPE_ATTRIBUTES,
  forbidden,
  notFound,
  requireInOrganisation,
  requireScope,
  type AdminUser,
  type Scope,
  type ScopeFilter,
} from '@grassroots/kit/server';
import { ASSESSMENT, BRANCH, RECTIFICATION } from '../cache';
import type { Action } from '../../../shared/flow';

type Scoped = Scope & { id: number };

/** The 403 of the separation of duties: the rule it names, in both languages. */
const OWN_COMMUNITY: Record<Exclude<Action, 'assess'>, string> = {
  review:
    'nobody reviews or publicises an assessment of their own community (separation of duties) 不得审核、公示本社区的星级考评',
  approve: 'nobody approves or revokes a star of their own community (separation of duties) 不得审定、撤销本社区的星级',
};

/**
 * Who may see and act on which star-scoring rows: the kit's organisation scope (the same rule as the
 * Content Manager's 本组织及下级 condition) and the separation of duties. Admin controllers call it
 * before the service; public routes never do (they show published results of every organisation).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scoped = async (uid: string, documentId: string, what: string): Promise<Scoped> => {
    const row = (await strapi.db
      .query(uid)
      .findOne({ where: { documentId }, select: ['id', ...SCOPE_ATTRIBUTES] })) as Scoped | null;
    if (!row) throw notFound(what);
    return row;
  };

  return {
    /** Users & Permissions grants; the public routes are auth:false and need none. */
    contentApiGrants(): Record<string, string[]> {
      return {};
    },

    /** The caller's organisation as a filter for aggregates (true: Super Admin); 403 without an assignment. */
    filter(user: AdminUser): Promise<ScopeFilter | true> {
      return requireScope(strapi, user);
    },

    /** 404 for an unknown community branch, 403 for one outside the caller's organisation. */
    async branch(user: AdminUser, documentId: string, field = 'branch'): Promise<void> {
      await requireInOrganisation(strapi, user, await scoped(BRANCH, documentId, field), field);
    },

    /**
     * An assessment the caller may act on: inside their organisation (else 403), and for review and
     * approval not of their own community, whatever actions their role holds (else 403 naming the rule).
     */
    async assessment(user: AdminUser, documentId: string, duty: Action | 'read' = 'read'): Promise<void> {
      const row = await scoped(ASSESSMENT, documentId, 'assessment');
      const organisation = await requireInOrganisation(strapi, user, row, 'assessment');
      if (duty === 'read' || duty === 'assess' || !organisation) return;
      const own = organisation.scope.scopeCommunity;
      if (own !== null && row.scopeCommunity === own)
        throw forbidden(`assessment: ${OWN_COMMUNITY[duty]} (${organisation.name})`, 'assessment');
    },

    /** A rectification task inside the caller's organisation. */
    async rectification(user: AdminUser, documentId: string): Promise<void> {
      await requireInOrganisation(
        strapi,
        user,
        await scoped(RECTIFICATION, documentId, 'rectification'),
        'rectification',
      );
    },
  };
};
