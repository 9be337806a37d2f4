/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS = [
  { section: 'plugins', displayName: '查看 Read', uid: 'read', pluginName: 'star-scoring' },
];
