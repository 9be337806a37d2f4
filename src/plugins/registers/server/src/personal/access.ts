import type { Core } from '@strapi/strapi';
import { currentAdmin } from '@grassroots/kit/server';
import { CARE_ACTION } from './fields';

interface Ability {
  can(action: string): boolean;
}

/** True inside an admin-panel request (Content Manager, our admin routes): answers go to staff and are masked. */
export const isStaffRequest = (strapi: Core.Strapi): boolean => currentAdmin(strapi) !== undefined;

/**
 * Whether the caller may read care tags: staff with the `care` action; code outside a request (the
 * seed, background jobs) reads them as stored.
 */
export function canReadCare(strapi: Core.Strapi): boolean {
  if (!isStaffRequest(strapi)) return true;
  const state = (strapi.requestContext.get() as { state?: { userAbility?: Ability } } | undefined)?.state;
  return state?.userAbility?.can(CARE_ACTION) === true;
}

/** True inside a Content Manager request: where staff type filters, sorts and searches themselves. */
export const isContentManagerRequest = (strapi: Core.Strapi): boolean =>
  isStaffRequest(strapi) &&
  ((strapi.requestContext.get() as { path?: string } | undefined)?.path ?? '').startsWith('/content-manager/');
