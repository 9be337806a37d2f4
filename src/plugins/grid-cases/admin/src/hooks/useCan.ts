import { useAuth } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/**
 * Which grid-cases actions the signed-in admin holds, so pages offer only the buttons the server
 * would allow (the routes still check the same actions). Read from the permissions the admin app
 * loads at sign-in, like star-scoring's useCan: useRBAC in 5.54 checks once and can stay "not allowed".
 */
type AuthState = { permissions: { action: string }[] };
export type Permission = 'read' | 'intake' | 'dispatch' | 'verify' | 'figures' | 'catalogue';

export const useCan = (): Record<Permission, boolean> => {
  const permissions: AuthState['permissions'] = useAuth('useCan', (state: AuthState) => state.permissions) ?? [];
  const has = (action: Permission) => permissions.some((p) => p.action === `plugin::${PLUGIN_ID}.${action}`);
  return {
    read: has('read'),
    intake: has('intake'),
    dispatch: has('dispatch'),
    verify: has('verify'),
    figures: has('figures'),
    catalogue: has('catalogue'),
  };
};
