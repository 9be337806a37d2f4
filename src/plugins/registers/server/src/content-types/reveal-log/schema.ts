// 查看记录 (PIPL): who revealed which personal value of which record, when and why. Append-only:
// written by the reveal route in the same transaction as the answer, never updated or deleted.
export default {
  kind: 'collectionType',
  collectionName: 'rg_reveal_logs',
  info: {
    singularName: 'reveal-log',
    pluralName: 'reveal-logs',
    displayName: '个人信息查看记录',
    description: '谁在何时因何查看了哪条记录的哪项个人信息（只增不改）',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    adminUserId: { type: 'integer', required: true },
    adminUserName: { type: 'string', maxLength: 120 },
    subjectType: { type: 'string', required: true, maxLength: 80 },
    subjectDocumentId: { type: 'string', required: true, maxLength: 40 },
    field: { type: 'string', required: true, maxLength: 40 },
    reason: { type: 'string', required: true, maxLength: 200 },
    at: { type: 'datetime', required: true },
  },
  indexes: [{ name: 'rg_reveal_logs_subject_idx', columns: ['subject_type', 'subject_document_id', 'at'] }],
};
