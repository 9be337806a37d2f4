/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS = [
  { section: 'plugins', displayName: '查看 Read', uid: 'read', pluginName: 'star-scoring' },
  { section: 'plugins', displayName: '自评 Assess', uid: 'assess', pluginName: 'star-scoring' },
  { section: 'plugins', displayName: '考评 Review', uid: 'review', pluginName: 'star-scoring' },
  { section: 'plugins', displayName: '审定 Approve', uid: 'approve', pluginName: 'star-scoring' },
];
