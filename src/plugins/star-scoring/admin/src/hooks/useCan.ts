import { useAuth } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/**
 * Which campaign actions the signed-in admin holds, so pages offer only the buttons the server would allow.
 * Hiding is a convenience; the routes still check the same actions (admin::hasPermissions).
 *
 * Read from the permissions the admin app loads at sign-in, re-rendered when they arrive. Not useRBAC:
 * in 5.54 it checks once, and a page mounted before the permissions have loaded keeps "not allowed" for
 * good (its re-check only runs when the list of actions asked for changes) — the assess button then
 * never appeared in a browser test on a slow machine. These actions carry no conditions to evaluate.
 */
type AuthState = { permissions: { action: string }[]; isLoading: boolean };

export const useCan = () => {
  const permissions: AuthState['permissions'] = useAuth('useCan', (state: AuthState) => state.permissions);
  const loading: boolean = useAuth('useCan', (state: AuthState) => state.isLoading);
  const has = (action: string) => permissions.some((p) => p.action === `plugin::${PLUGIN_ID}.${action}`);
  return { loading, assess: has('assess'), review: has('review'), approve: has('approve') };
};
