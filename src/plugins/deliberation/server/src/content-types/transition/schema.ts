import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'deliberation_transitions',
  info: {
    singularName: 'transition',
    pluralName: 'transitions',
    displayName: '状态记录',
    description: '每一次状态变化：谁、何时、从、到、原因',
  },
  options: { draftAndPublish: false },
  // An internal trail: shown on the pages that own it, not as a list of its own.
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    subjectType: { type: 'enumeration', required: true, enum: ['topic', 'meeting', 'action_item'] },
    subjectId: { type: 'string', required: true, maxLength: 64 },
    fromStatus: { type: 'string', maxLength: 40 },
    toStatus: { type: 'string', required: true, maxLength: 40 },
    actor: { type: 'string', maxLength: 200 },
    reason: { type: 'text' },
    at: { type: 'datetime', required: true },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('deliberation_transitions'),
    { name: 'deliberation_transitions_subject_idx', columns: ['subject_type', 'subject_id', 'at'] },
  ],
};
