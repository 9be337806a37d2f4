import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'dr_activities',
  info: {
    singularName: 'activity',
    pluralName: 'activities',
    displayName: '服务活动',
    description: '党员签到的服务活动',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    title: { type: 'string', required: true, maxLength: 200 },
    kind: {
      type: 'enumeration',
      required: true,
      default: 'other',
      enum: ['policy_talk', 'sentiment_talk', 'dispute_screening', 'livelihood_project', 'home_visit', 'other'],
    },
    community: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    unit: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.unit' },
    listItem: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.list-item' },
    startsAt: { type: 'datetime', required: true },
    endsAt: { type: 'datetime', required: true },
    place: { type: 'string', maxLength: 200 },
    lat: { type: 'float' },
    lng: { type: 'float' },
    radius: { type: 'integer', min: 10, default: 200 },
    capacity: { type: 'integer', min: 1 },
    // Rotating QR token: private, only shown to staff on the printable activity page.
    qrToken: { type: 'string', private: true, maxLength: 64 },
    qrRotatedAt: { type: 'datetime' },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('dr_activities'), { name: 'dr_activities_starts_idx', columns: ['starts_at'] }],
};
