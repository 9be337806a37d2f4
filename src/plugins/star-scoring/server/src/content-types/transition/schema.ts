/** Append-only log of status changes; the plugin never updates or deletes these rows. */
export default {
  kind: 'collectionType',
  collectionName: 'ss_transitions',
  info: {
    singularName: 'transition',
    pluralName: 'transitions',
    displayName: '考评流转记录',
    description: '谁、何时、从何状态到何状态、原因（只增不改）',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    assessmentRef: { type: 'integer', required: true },
    fromStatus: { type: 'string', maxLength: 20 },
    toStatus: { type: 'string', required: true, maxLength: 20 },
    actor: { type: 'string', maxLength: 120 },
    reason: { type: 'text' },
    at: { type: 'datetime', required: true },
  },
  indexes: [{ name: 'ss_transitions_assessment_idx', columns: ['assessment_ref'] }],
};
