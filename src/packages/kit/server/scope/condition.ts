import type { Core } from '@strapi/strapi';
import { scopeFilter } from './organisation';
import type { AdminUser } from './types';

/** The condition's name; Strapi stores it on permissions as `api::in-organisation`. */
export const ORGANISATION_CONDITION = 'in-organisation';
export const ORGANISATION_CONDITION_ID = `api::${ORGANISATION_CONDITION}`;

interface ConditionProvider {
  register(condition: {
    name: string;
    displayName: string;
    category?: string;
    handler: (user: AdminUser) => Promise<unknown>;
  }): Promise<unknown>;
  has(id: string): boolean;
}

/**
 * Registers the RBAC condition 本组织及下级 (call in bootstrap, before roles are assigned). Its
 * handler is scopeFilter itself: the Content Manager filters lists, opens, updates, deletes,
 * publishes, bulk actions and relation pickers with exactly the rule the plugins' admin routes use.
 */
export async function registerScopeCondition(strapi: Core.Strapi): Promise<void> {
  // Strapi types its admin services loosely: the provider as Strapi 5.54 defines it.
  const provider = (strapi.service('admin::permission') as unknown as { conditionProvider: ConditionProvider })
    .conditionProvider;
  if (provider.has(ORGANISATION_CONDITION_ID)) return;
  await provider.register({
    name: ORGANISATION_CONDITION,
    displayName: '本组织及下级 In own organisation and below',
    category: 'default',
    handler: (user) => scopeFilter(strapi, user),
  });
}
