import type { ActionDefinition } from '@grassroots/kit/server';

/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS: ActionDefinition[] = [
  { uid: 'read', displayName: '查看 Read' },
  { uid: 'import', displayName: 'Excel 导入 Import' },
  { uid: 'export', displayName: 'Excel 导出 Export' },
  { uid: 'reveal', displayName: '查看个人信息（留痕） Reveal personal data (logged)' },
  { uid: 'care', displayName: '查看关爱标签 Read care tags' },
  { uid: 'map', displayName: '三图 Maps' },
];
