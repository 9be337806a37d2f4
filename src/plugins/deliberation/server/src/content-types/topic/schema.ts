import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'deliberation_topics',
  info: {
    singularName: 'topic',
    pluralName: 'topics',
    displayName: '议题',
    description: '百姓点事 → 两委定事 → 居民议事 → 与会决事 → 多方办事 → 公众评事',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    title: { type: 'string', required: true, maxLength: 200 },
    raisedBy: {
      type: 'enumeration',
      required: true,
      enum: ['resident', 'grid_head', 'representative', 'double_report_need'],
    },
    raisedByName: { type: 'string', maxLength: 100 },
    sourceText: { type: 'text', required: true },
    grid: { type: 'relation', relation: 'manyToOne', target: 'api::grid.grid' },
    council: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.council' },
    // documentId of a double-report need, kept as a plain string so this plugin does not depend on that one.
    needRef: { type: 'string', maxLength: 64 },
    status: {
      type: 'enumeration',
      required: true,
      default: 'collected',
      enum: ['collected', 'scheduled', 'deliberated', 'decided', 'implementing', 'closed', 'evaluated'],
    },
    closedAt: { type: 'datetime' },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('deliberation_topics'),
    { name: 'deliberation_topics_status_idx', columns: ['status'] },
  ],
};
