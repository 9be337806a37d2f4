import type { Core } from '@strapi/strapi';
import { columnOf } from '../db';
import { forbidden } from '../errors';
import { insideOrganisation } from './middleware';
import { isSuperAdmin, organisationOf, scopeFilter, type ScopeFilter } from './organisation';
import type { AdminUser, Organisation, Scope } from './types';

/**
 * What a plugin's admin route needs when it reads governed rows itself (aggregates, detail pages,
 * flow actions): the same rule as the RBAC condition, with one refusal for an administrator who has
 * no organisation (as the Content Manager refuses their list).
 */
const unassigned = () => forbidden('organisation: no organisation assigned to you 你尚未分配所属组织', 'organisation');

/** The caller's filter (`true`: Super Admin, everything); 403 without an assignment. */
export async function requireScope(strapi: Core.Strapi, user: AdminUser): Promise<ScopeFilter | true> {
  const filter = await scopeFilter(strapi, user);
  if (filter === false) throw unassigned();
  return filter;
}

/**
 * 403 (naming `field`) unless a governed row lies in the caller's organisation. Returns the caller's
 * organisation (null for a Super Admin) for rules that depend on where the caller works.
 */
export async function requireInOrganisation(
  strapi: Core.Strapi,
  user: AdminUser,
  row: Partial<Scope>,
  field: string,
): Promise<Organisation | null> {
  if (isSuperAdmin(user)) return null;
  const organisation = await organisationOf(strapi, user);
  if (!organisation) throw unassigned();
  const scope: Scope = {
    scopeCounty: row.scopeCounty ?? null,
    scopeStreet: row.scopeStreet ?? null,
    scopeCommunity: row.scopeCommunity ?? null,
  };
  if (!insideOrganisation(organisation, scope))
    throw forbidden(`${field}: outside your organisation (${organisation.name}) 不在本组织及下级范围内`, field);
  return organisation;
}

/**
 * A scope filter as a SQL condition on a table alias, for single-statement aggregates: `''` for
 * everything, else `alias.scope_x = ?` and its binding (column names from Strapi's metadata).
 */
export function scopeSql(
  strapi: Core.Strapi,
  filter: ScopeFilter | true,
  uid: string,
  alias: string,
): { sql: string; bindings: string[] } {
  if (filter === true) return { sql: '', bindings: [] };
  const [attribute, condition] = Object.entries(filter)[0] as [string, { $eq: string }];
  return { sql: `${alias}.${columnOf(strapi, uid, attribute)} = ?`, bindings: [condition.$eq] };
}
