import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'deliberation_action_items',
  info: {
    singularName: 'action-item',
    pluralName: 'action-items',
    displayName: '交办事项',
    description: '决议的落实：open → in_progress → done → verified（销号）',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    meeting: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.meeting' },
    decisionKey: { type: 'string', required: true, maxLength: 40 },
    topic: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.topic' },
    title: { type: 'string', required: true, maxLength: 200 },
    ownerKind: { type: 'enumeration', required: true, enum: ['unit', 'branch', 'person'] },
    ownerName: { type: 'string', required: true, maxLength: 100 },
    ownerPhone: { type: 'string', private: true, maxLength: 30 },
    dueDate: { type: 'date', required: true },
    status: { type: 'enumeration', required: true, default: 'open', enum: ['open', 'in_progress', 'done', 'verified'] },
    resultNote: { type: 'text' },
    evidence: { type: 'text' },
    doneAt: { type: 'datetime' },
    verifiedAt: { type: 'datetime' },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('deliberation_action_items'),
    { name: 'deliberation_action_items_board_idx', columns: ['status', 'due_date'] },
    { name: 'deliberation_action_items_owner_idx', columns: ['owner_name'] },
  ],
};
