import type { ActionDefinition } from '@grassroots/kit/server';

/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS: ActionDefinition[] = [
  { uid: 'read', displayName: '查看 Read' },
  { uid: 'manage', displayName: '管理议事会与议题 Manage councils and topics' },
  { uid: 'meetings', displayName: '主持会议与纪要 Run meetings and minutes' },
  { uid: 'action-items', displayName: '督办交办事项 Follow up action items' },
  { uid: 'settings', displayName: '设置 Settings' },
];
