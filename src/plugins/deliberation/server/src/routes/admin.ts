const can = (action: string) => [{ name: 'admin::hasPermissions', config: { actions: [`plugin::deliberation.${action}`] } }];
const r = (method: string, path: string, handler: string, action: string) => ({ method, path, handler: `admin.${handler}`, config: { policies: can(action) } });

/** Staff routes under /deliberation (admin panel JWT + RBAC action). */
export default {
  type: 'admin' as const,
  routes: [
    r('GET', '/councils', 'councils', 'read'),
    r('POST', '/councils', 'createCouncil', 'manage'),
    r('GET', '/topics', 'topics', 'read'),
    r('POST', '/topics', 'createTopic', 'manage'),
    r('POST', '/topics/:documentId/transition', 'transitionTopic', 'manage'),
    r('GET', '/meetings', 'meetings', 'read'),
    r('GET', '/meetings/:documentId', 'meeting', 'read'),
    r('POST', '/meetings', 'createMeeting', 'meetings'),
    r('PUT', '/meetings/:documentId', 'updateMeeting', 'meetings'),
    r('POST', '/meetings/:documentId/transition', 'transitionMeeting', 'meetings'),
    r('POST', '/meetings/:documentId/corrections', 'correctMeeting', 'meetings'),
    r('GET', '/action-items', 'board', 'read'),
    r('GET', '/action-items/owners', 'owners', 'read'),
    r('POST', '/action-items', 'createActionItem', 'action-items'),
    r('POST', '/action-items/:documentId/transition', 'transitionActionItem', 'action-items'),
    r('GET', '/calendar', 'calendar', 'read'),
    r('GET', '/settings', 'getSettings', 'read'),
    r('PUT', '/settings', 'setSettings', 'settings'),
  ],
};
