import { useAuth } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

/**
 * Which registers actions the signed-in admin holds, so pages offer only what the server would
 * allow (the routes check the same actions). Read from the permissions loaded at sign-in.
 */
type AuthState = { permissions: { action: string }[] };
export type Permission = 'read' | 'import' | 'export' | 'reveal' | 'care' | 'map';

export const useCan = (): Record<Permission, boolean> => {
  const permissions: AuthState['permissions'] = useAuth('useCan', (state: AuthState) => state.permissions) ?? [];
  const has = (action: Permission) => permissions.some((p) => p.action === `plugin::${PLUGIN_ID}.${action}`);
  return {
    read: has('read'),
    import: has('import'),
    export: has('export'),
    reveal: has('reveal'),
    care: has('care'),
    map: has('map'),
  };
};
