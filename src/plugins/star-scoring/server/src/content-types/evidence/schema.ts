import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

/**
 * 证明材料: one file from the media library attached to one criterion of one assessment.
 * The file itself is an ordinary upload-plugin media field (so it lives in the Media Library, with its
 * provider, thumbnails and size limits); this row only says where it belongs and whether it is internal.
 * `assessmentRef` is a plain indexed column, like the transition log, so a scorecard reads every file of a
 * branch-year in one query without a join table. Hidden from the Content Manager: attaching and removing
 * go through the plugin's routes, which enforce the status rule (draft / self_assessed only).
 */
export default {
  kind: 'collectionType',
  collectionName: 'ss_evidence',
  info: {
    singularName: 'evidence',
    pluralName: 'evidences',
    displayName: '证明材料',
    description: '考评细则的证明材料文件（可标记为内部，不公开）',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    // The assessment decides the file's organisation scope (and follows it when the branch moves).
    assessment: { type: 'relation', relation: 'manyToOne', target: 'plugin::star-scoring.assessment' },
    assessmentRef: { type: 'integer', required: true },
    criterionCode: { type: 'string', required: true, maxLength: 40 },
    file: { type: 'media', multiple: false, required: true, allowedTypes: ['images', 'files', 'videos'] },
    internal: { type: 'boolean', default: false },
    note: { type: 'string', maxLength: 200 },
    // Organisation scope (数据权限), written by the kit's scope middleware.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('ss_evidence'),
    { name: 'ss_evidence_assessment_code_idx', columns: ['assessment_ref', 'criterion_code'] },
  ],
};
