import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'ss_rectifications',
  info: {
    singularName: 'rectification',
    pluralName: 'rectifications',
    displayName: '整改任务',
    description: '未得满分的评分细则转为整改任务：责任人、期限、状态',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    // The assessment decides the task's organisation scope (and follows it when the branch moves).
    assessment: { type: 'relation', relation: 'manyToOne', target: 'plugin::star-scoring.assessment' },
    assessmentRef: { type: 'integer', required: true },
    branchRef: { type: 'integer', required: true },
    year: { type: 'integer', required: true },
    starKey: { type: 'string', required: true, maxLength: 40 },
    criterionCode: { type: 'string', required: true, maxLength: 40 },
    title: { type: 'string', required: true, maxLength: 200 },
    owner: { type: 'string', required: true, maxLength: 60 },
    dueDate: { type: 'date', required: true },
    status: { type: 'enumeration', enum: ['open', 'done'], default: 'open' },
    // Organisation scope (数据权限), written by the kit's scope middleware.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('ss_rect'),
    { name: 'ss_rect_branch_year_idx', columns: ['branch_ref', 'year'] },
    { name: 'ss_rect_assessment_code_uq', columns: ['assessment_ref', 'criterion_code'], type: 'unique' },
  ],
};
