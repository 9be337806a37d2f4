/** The content types this plugin reads and writes (tables and join tables come from the kit's metadata helpers). */
export const UID = {
  unit: 'plugin::double-report.unit',
  member: 'plugin::double-report.member',
  registration: 'plugin::double-report.registration',
  listItem: 'plugin::double-report.list-item',
  activity: 'plugin::double-report.activity',
  checkIn: 'plugin::double-report.check-in',
  points: 'plugin::double-report.points-entry',
  idem: 'plugin::double-report.idempotency-key',
  rules: 'plugin::double-report.rule-set',
  branch: 'api::branch.branch',
} as const;
