// 导入任务: a big Excel import running in the background (more rows than `importInBackgroundAbove`).
// Kept in the database so that every instance behind the load balancer answers the page's polls;
// written by the import's own instance through the pool (knex), never through the Document Service.
export default {
  kind: 'collectionType',
  collectionName: 'rg_import_jobs',
  info: {
    singularName: 'import-job',
    pluralName: 'import-jobs',
    displayName: '导入任务',
    description: '后台运行的 Excel 导入：进度与结果（任一实例可读）',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    registry: { type: 'string', required: true, maxLength: 40 },
    ownerId: { type: 'integer', required: true },
    // the caller's organisation scope when the upload came: `all`, `none` or `<scope column>:<documentId>`
    scope: { type: 'string', required: true, maxLength: 120 },
    status: {
      type: 'enumeration',
      required: true,
      enum: ['queued', 'validating', 'committing', 'done', 'failed'],
    },
    dryRun: { type: 'boolean', required: true },
    // data rows read from the file (final once the status leaves `validating`)
    rowsTotal: { type: 'integer', required: true },
    // rows written by the commit
    rowsDone: { type: 'integer', required: true },
    // { rows, created, updated, unchanged, errors (at most 1000), dryRun, committed } once done
    result: { type: 'json' },
    error: { type: 'text' },
    finishedAt: { type: 'datetime' },
  },
  // the purge of old finished jobs
  indexes: [{ name: 'rg_import_jobs_finished_idx', columns: ['finished_at'] }],
};
