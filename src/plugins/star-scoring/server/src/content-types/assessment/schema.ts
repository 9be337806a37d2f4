import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

/**
 * One branch × year × star. Item scores live in `items` (JSON, one entry per criterion code) because the
 * sheet is always read and written whole; the figures rankings need (branchRef, year, status, points) are
 * plain indexed columns so aggregates are single SQL statements without join tables.
 */
export default {
  kind: 'collectionType',
  collectionName: 'ss_assessments',
  info: {
    singularName: 'assessment',
    pluralName: 'assessments',
    displayName: '星级考评',
    description: '支部×年度×星：自评、考评组审核、公示、授星或摘星',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    branch: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    branchRef: { type: 'integer', required: true },
    parentRef: { type: 'integer' },
    category: { type: 'enumeration', enum: ['urban', 'rural'], required: true },
    year: { type: 'integer', required: true, min: 2000, max: 2100 },
    starKey: { type: 'string', required: true, maxLength: 40 },
    status: {
      type: 'enumeration',
      enum: ['draft', 'self_assessed', 'reviewed', 'publicized', 'approved', 'rejected', 'revoked'],
      default: 'draft',
      required: true,
    },
    items: { type: 'json' },
    selfScore: { type: 'decimal', default: 0 },
    reviewedScore: { type: 'decimal' },
    vetoFailed: { type: 'boolean', default: false },
    passed: { type: 'boolean', default: false },
    publicityEndsOn: { type: 'date' },
    reason: { type: 'text' },
    // Organisation scope (数据权限), written by the kit's scope middleware.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('ss_assessments'),
    { name: 'ss_assessments_branch_year_star_uq', columns: ['branch_ref', 'year', 'star_key'], type: 'unique' },
    // Covering index of rankings and the dashboard: (year, status) finds the approved stars of a year in
    // branch order, and reviewed_score + star_key make it an index-only scan that never reads the JSON items.
    { name: 'ss_assessments_rank_idx', columns: ['year', 'status', 'branch_ref', 'reviewed_score', 'star_key'] },
    // Dashboard progress (count per star and status of a year): an ordered index-only scan, no heap.
    { name: 'ss_assessments_year_star_status_idx', columns: ['year', 'star_key', 'status'] },
  ],
};
