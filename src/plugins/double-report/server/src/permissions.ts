/** Admin RBAC actions of this plugin (Settings → Roles shows them under Plugins). */
export const ACTIONS = [
  { section: 'plugins', displayName: '查看 Read', uid: 'read', pluginName: 'double-report' },
  {
    section: 'plugins',
    displayName: '活动二维码 Activity QR codes',
    uid: 'activities.manage',
    pluginName: 'double-report',
  },
  {
    section: 'plugins',
    displayName: '审核评价签到 Verify and rate check-ins',
    uid: 'check-ins.verify',
    pluginName: 'double-report',
  },
  { section: 'plugins', displayName: '年度统计 Yearly dashboards', uid: 'dashboard.read', pluginName: 'double-report' },
  {
    section: 'plugins',
    displayName: '补录签到 Record manual check-ins',
    uid: 'check-ins.manual',
    pluginName: 'double-report',
  },
  {
    section: 'plugins',
    displayName: '评价清单事项 Evaluate list items',
    uid: 'lists.evaluate',
    pluginName: 'double-report',
  },
  {
    section: 'plugins',
    displayName: '接收报到 Accept report-ins',
    uid: 'registrations.accept',
    pluginName: 'double-report',
  },
];
