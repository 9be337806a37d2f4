import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'deliberation_evaluations',
  info: {
    singularName: 'evaluation',
    pluralName: 'evaluations',
    displayName: '公众评事',
    description: '居民对已办结议题的评价',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    topic: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.topic' },
    verdict: { type: 'enumeration', required: true, enum: ['satisfied', 'basically_satisfied', 'unsatisfied'] },
    comment: { type: 'text', maxLength: 500 },
    userId: { type: 'integer', private: true },
    // "topic id:user id": the unique index keeps one evaluation per resident and topic under races.
    slot: { type: 'string', private: true, maxLength: 64, configurable: false, visible: false, writable: false },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('deliberation_evaluations'),
    { name: 'deliberation_evaluations_slot_uq', columns: ['slot'], type: 'unique' },
  ],
};
