import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';
import { CASE_STATUSES, EVENT_ACTIONS } from '../../../../shared';

export default {
  kind: 'collectionType',
  collectionName: 'gc_case_events',
  info: {
    singularName: 'case-event',
    pluralName: 'case-events',
    displayName: '事项记录',
    description: '事项的每一步：谁、何时、从、到、原因（只追加）',
  },
  options: { draftAndPublish: false },
  // An internal, append-only trail: shown on the case it belongs to, never edited.
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    case: { type: 'relation', relation: 'manyToOne', target: 'plugin::grid-cases.case', inversedBy: 'events' },
    fromStatus: { type: 'enumeration', enum: [...CASE_STATUSES] },
    toStatus: { type: 'enumeration', required: true, enum: [...CASE_STATUSES] },
    action: { type: 'enumeration', required: true, enum: [...EVENT_ACTIONS] },
    actorKind: { type: 'enumeration', required: true, enum: ['staff', 'account', 'system'] },
    actorId: { type: 'string', maxLength: 200, private: true },
    reason: { type: 'text' },
    at: { type: 'datetime', required: true },
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('gc_case_events'), { name: 'gc_case_events_at_idx', columns: ['at'] }],
};
