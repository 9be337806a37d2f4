import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'deliberation_revisions',
  info: {
    singularName: 'revision',
    pluralName: 'revisions',
    displayName: '纪要修订',
    description: '已发布纪要的更正记录，公开显示',
  },
  options: { draftAndPublish: false },
  // An internal trail: shown on the pages that own it, not as a list of its own.
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    meeting: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.meeting' },
    number: { type: 'integer', required: true },
    minutes: { type: 'richtext' },
    decisions: { type: 'json' },
    reason: { type: 'text', required: true },
    actor: { type: 'string', maxLength: 200 },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('deliberation_revisions')],
};
