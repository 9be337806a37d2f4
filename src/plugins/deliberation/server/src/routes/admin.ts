import { cached, requireAction } from '@grassroots/kit/server';
import type { CacheRule } from '@grassroots/kit/server';
import { CACHE } from '../cache';

const can = requireAction('deliberation');
/** A staff route; a cached read answers from the kit cache after the RBAC policy admitted the caller. */
const r = (method: 'GET' | 'POST' | 'PUT', path: string, handler: string, action: string, cache?: CacheRule) => ({
  method,
  path,
  handler: `admin.${handler}`,
  config: can(action, cache ? { middlewares: [cached(cache)] } : {}),
});

/** Staff routes under /deliberation (admin panel JWT + RBAC action). */
export default {
  type: 'admin' as const,
  routes: [
    r('GET', '/councils', 'councils', 'read', CACHE.councils),
    r('POST', '/councils', 'createCouncil', 'manage'),
    r('GET', '/topics', 'topics', 'read', CACHE.topics),
    r('POST', '/topics', 'createTopic', 'manage'),
    r('POST', '/topics/:documentId/transition', 'transitionTopic', 'manage'),
    r('GET', '/meetings', 'meetings', 'read', CACHE.meetings),
    r('GET', '/meetings/:documentId', 'meeting', 'read', CACHE.workspace),
    r('POST', '/meetings', 'createMeeting', 'meetings'),
    r('PUT', '/meetings/:documentId', 'updateMeeting', 'meetings'),
    r('POST', '/meetings/:documentId/transition', 'transitionMeeting', 'meetings'),
    r('POST', '/meetings/:documentId/corrections', 'correctMeeting', 'meetings'),
    r('GET', '/action-items', 'board', 'read', CACHE.board),
    r('GET', '/action-items/owners', 'owners', 'read', CACHE.owners),
    r('POST', '/action-items', 'createActionItem', 'action-items'),
    r('POST', '/action-items/:documentId/transition', 'transitionActionItem', 'action-items'),
    r('GET', '/calendar', 'calendar', 'read', CACHE.calendar),
    r('GET', '/settings', 'getSettings', 'read'),
    r('PUT', '/settings', 'setSettings', 'settings'),
  ],
};
