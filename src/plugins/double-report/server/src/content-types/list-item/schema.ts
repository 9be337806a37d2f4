import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'dr_list_items',
  info: {
    singularName: 'list-item',
    pluralName: 'list-items',
    displayName: '清单事项',
    description: '三张清单：需求、资源、项目',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    type: { type: 'enumeration', required: true, enum: ['need', 'resource', 'project'] },
    title: { type: 'string', required: true, maxLength: 200 },
    description: { type: 'text' },
    community: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    claimedBy: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.unit' },
    status: {
      type: 'enumeration',
      required: true,
      default: 'open',
      enum: ['open', 'claimed', 'in_progress', 'done', 'evaluated'],
    },
    dueDate: { type: 'date' },
    claimedAt: { type: 'datetime' },
    doneAt: { type: 'datetime' },
    // Calendar years kept as plain integers so yearly aggregates need no date functions (SQLite and PostgreSQL differ).
    claimedYear: { type: 'integer' },
    doneYear: { type: 'integer' },
    // Community evaluation of a done item (done → evaluated). The evaluator is staff: private.
    rating: { type: 'integer', min: 1, max: 5 },
    ratingComment: { type: 'text' },
    evaluatedAt: { type: 'datetime' },
    evaluatedBy: { type: 'string', maxLength: 120, private: true },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('dr_list_items'), { name: 'dr_list_items_status_idx', columns: ['status'] }],
};
