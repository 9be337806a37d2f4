import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'dr_points_entries',
  info: {
    singularName: 'points-entry',
    pluralName: 'points-entries',
    displayName: '积分流水',
    description: '积分台账：每一次加分与扣分',
  },
  options: { draftAndPublish: false },
  // An internal trail: shown on the pages that own it, not as a list of its own.
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    member: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.member' },
    unit: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.unit' },
    memberRef: { type: 'integer', private: true },
    unitRef: { type: 'integer', private: true },
    points: { type: 'decimal', required: true },
    reason: { type: 'string', required: true, maxLength: 200 },
    source: {
      type: 'enumeration',
      required: true,
      enum: ['verified_hours', 'rating', 'item_done', 'manual', 'reversal'],
    },
    sourceRef: { type: 'string', maxLength: 64 },
    year: { type: 'integer', required: true },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('dr_points_entries'),
    { name: 'dr_points_member_year_idx', columns: ['member_ref', 'year'] },
    { name: 'dr_points_source_uq', columns: ['source', 'source_ref'], type: 'unique' },
  ],
};
