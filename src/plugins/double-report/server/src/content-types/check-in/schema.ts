import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'dr_check_ins',
  info: {
    singularName: 'check-in',
    pluralName: 'check-ins',
    displayName: '签到',
    description: '党员服务活动签到签退',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    member: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.member' },
    activity: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.activity' },
    checkedInAt: { type: 'datetime', required: true },
    checkedOutAt: { type: 'datetime' },
    minutes: { type: 'integer', min: 0, default: 0 },
    source: { type: 'enumeration', required: true, enum: ['qr', 'gps', 'manual'] },
    status: { type: 'enumeration', required: true, default: 'pending', enum: ['pending', 'verified', 'rejected'] },
    rating: { type: 'integer', min: 1, max: 5 },
    ratingComment: { type: 'text' },
    verifiedAt: { type: 'datetime' },
    verifiedBy: { type: 'string', maxLength: 120 },
    // Staff who entered a manual check-in (source manual); private: an administrator's e-mail.
    recordedBy: { type: 'string', maxLength: 120, private: true },
    note: { type: 'string', maxLength: 500 },
    year: { type: 'integer', required: true },
    // Plain copies of the two relations (which live in join tables) so that the database itself can
    // enforce "one open check-in per member per activity" and aggregates avoid two joins.
    memberRef: { type: 'integer', private: true },
    activityRef: { type: 'integer', private: true },
    // "memberRef:activityRef" while open, null once checked out: a real unique index keeps it single.
    openSlot: { type: 'string', private: true, maxLength: 64 },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('dr_check_ins'),
    { name: 'dr_check_ins_open_slot_uq', columns: ['open_slot'], type: 'unique' },
    // Covers the yearly member summary (an index-only scan: the aggregate reads no table page).
    { name: 'dr_check_ins_member_year_cover_idx', columns: ['member_ref', 'year', 'status', 'minutes', 'rating'] },
    { name: 'dr_check_ins_activity_idx', columns: ['activity_ref'] },
  ],
};
