/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS = [
  { section: 'plugins', displayName: '查看 Read', uid: 'read', pluginName: 'deliberation' },
  {
    section: 'plugins',
    displayName: '管理议事会与议题 Manage councils and topics',
    uid: 'manage',
    pluginName: 'deliberation',
  },
  {
    section: 'plugins',
    displayName: '主持会议与纪要 Run meetings and minutes',
    uid: 'meetings',
    pluginName: 'deliberation',
  },
  {
    section: 'plugins',
    displayName: '督办交办事项 Follow up action items',
    uid: 'action-items',
    pluginName: 'deliberation',
  },
  { section: 'plugins', displayName: '设置 Settings', uid: 'settings', pluginName: 'deliberation' },
];
