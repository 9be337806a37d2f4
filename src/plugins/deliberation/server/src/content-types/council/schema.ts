import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'deliberation_councils',
  info: {
    singularName: 'council',
    pluralName: 'councils',
    displayName: '议事会',
    description: '红色邻里议事会、联席会议、民情恳谈会、居民代表座谈会',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 200 },
    code: { type: 'string', required: true, unique: true, maxLength: 40 },
    kind: {
      type: 'enumeration',
      required: true,
      enum: ['neighbourhood_council', 'joint_meeting', 'sentiment_forum', 'residents_forum'],
    },
    branch: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    grids: { type: 'relation', relation: 'manyToMany', target: 'api::grid.grid' },
    // [{ key, name, role, organisation, representativeDocumentId?, gridHeadName?, phone? }] — phone is private, never leaves.
    members: { type: 'json', required: true },
    // e.g. { quorum: { type: 'more_than_half' } | { type: 'fraction', numerator, denominator }, vote: { base: 'present' | 'members', type: ... } }
    rule: { type: 'json', required: true },
    cadence: { type: 'enumeration', enum: ['monthly', 'quarterly', 'as_needed'], default: 'as_needed' },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('deliberation_councils'),
    { name: 'deliberation_councils_code_uq', columns: ['code'], type: 'unique' },
  ],
};
