import type { ActionDefinition } from '@grassroots/kit/server';

/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS: ActionDefinition[] = [
  { uid: 'read', displayName: '查看 Read' },
  { uid: 'intake', displayName: '受理、退回、合并 Accept, return, merge' },
  { uid: 'dispatch', displayName: '派单、延期审批、上报 Dispatch, extensions, escalate' },
  { uid: 'verify', displayName: '核查、归档 Verify and archive' },
  { uid: 'figures', displayName: '三率统计 Figures' },
  { uid: 'catalogue', displayName: '事项目录与工作日历 Catalogue and calendar' },
];
