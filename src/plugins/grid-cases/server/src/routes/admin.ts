import { requireAction } from '@grassroots/kit/server';

const can = requireAction('grid-cases');
const r = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string, action: string) => ({
  method,
  path,
  handler: `admin.${handler}`,
  config: can(action),
});

/** Staff routes under /grid-cases (admin panel JWT + RBAC action; scope and level checked in the service). */
export default {
  type: 'admin' as const,
  routes: [
    r('GET', '/intake', 'intake', 'read'),
    r('GET', '/supervision', 'supervision', 'read'),
    r('GET', '/figures', 'figures', 'figures'),
    r('GET', '/units', 'units', 'dispatch'),
    r('GET', '/owner-accounts', 'ownerAccounts', 'dispatch'),
    // 事项目录与工作日历: county-wide configuration, no organisation scope (one calendar for every deadline)
    r('GET', '/catalogue/categories', 'categories', 'read'),
    r('POST', '/catalogue/categories', 'createCategory', 'catalogue'),
    r('PUT', '/catalogue/categories/:documentId', 'updateCategory', 'catalogue'),
    r('GET', '/catalogue/holidays', 'holidays', 'read'),
    r('POST', '/catalogue/holidays', 'addHoliday', 'catalogue'),
    r('DELETE', '/catalogue/holidays/:date', 'removeHoliday', 'catalogue'),
    r('GET', '/cases/:documentId', 'case', 'read'),
    r('POST', '/cases/:documentId/accept', 'accept', 'intake'),
    r('POST', '/cases/:documentId/return', 'return', 'intake'),
    r('POST', '/cases/:documentId/merge', 'merge', 'intake'),
    r('POST', '/cases/:documentId/dispatch', 'dispatch', 'dispatch'),
    r('POST', '/cases/:documentId/extension', 'extension', 'dispatch'),
    r('POST', '/cases/:documentId/escalate', 'escalate', 'dispatch'),
    // 代为登记: an owner without an account (department, property company, the community by name)
    r('POST', '/cases/:documentId/sign', 'sign', 'dispatch'),
    r('POST', '/cases/:documentId/start', 'start', 'dispatch'),
    r('POST', '/cases/:documentId/handle', 'handle', 'dispatch'),
    r('POST', '/cases/:documentId/verify', 'verify', 'verify'),
    r('POST', '/cases/:documentId/send-back', 'sendBack', 'verify'),
    r('POST', '/cases/:documentId/archive', 'archive', 'verify'),
    // Links into the suite: the case becomes a deliberation topic or a double-report need (派单's call).
    r('POST', '/cases/:documentId/to-topic', 'toTopic', 'dispatch'),
    r('POST', '/cases/:documentId/to-need', 'toNeed', 'dispatch'),
    // 履职: a representative's suggestions and their counts (the representative within the caller's organisation).
    r('GET', '/representatives/:documentId/duties', 'duties', 'read'),
    // 代表委员履职: every representative within the caller's organisation with their counts (one statement).
    r('GET', '/representatives/duties', 'dutiesTable', 'read'),
  ],
};
