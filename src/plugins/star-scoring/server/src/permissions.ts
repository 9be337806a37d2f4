import type { ActionDefinition } from '@grassroots/kit/server';

/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS: ActionDefinition[] = [
  { uid: 'read', displayName: '查看 Read' },
  { uid: 'assess', displayName: '自评 Assess' },
  { uid: 'review', displayName: '考评 Review' },
  { uid: 'approve', displayName: '审定 Approve' },
];
