import type { ActionDefinition } from '@grassroots/kit/server';

/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS: ActionDefinition[] = [
  { uid: 'read', displayName: '查看 Read' },
  { uid: 'activities.manage', displayName: '活动二维码 Activity QR codes' },
  { uid: 'check-ins.verify', displayName: '审核评价签到 Verify and rate check-ins' },
  { uid: 'dashboard.read', displayName: '年度统计 Yearly dashboards' },
  { uid: 'check-ins.manual', displayName: '补录签到 Record manual check-ins' },
  { uid: 'lists.evaluate', displayName: '评价清单事项 Evaluate list items' },
  { uid: 'registrations.accept', displayName: '接收报到 Accept report-ins' },
];
