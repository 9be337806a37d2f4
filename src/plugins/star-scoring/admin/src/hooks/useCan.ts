import { useRBAC } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';

const ask = (action: string) => ({ action: `plugin::${PLUGIN_ID}.${action}`, subject: null });

/**
 * Which campaign actions the signed-in admin holds, so pages offer only the buttons the server would allow.
 * Hiding is a convenience; the routes still check the same actions (admin::hasPermissions).
 */
export const useCan = () => {
  const { allowedActions, isLoading } = useRBAC([ask('assess'), ask('review'), ask('approve')] as any);
  return { loading: isLoading, assess: !!allowedActions.canAssess, review: !!allowedActions.canReview, approve: !!allowedActions.canApprove };
};
