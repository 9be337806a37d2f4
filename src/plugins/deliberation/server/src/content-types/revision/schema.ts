export default {
  kind: 'collectionType',
  collectionName: 'deliberation_revisions',
  info: {
    singularName: 'revision',
    pluralName: 'revisions',
    displayName: '纪要修订',
    description: '已发布纪要的更正记录，公开显示',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    meeting: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.meeting' },
    number: { type: 'integer', required: true },
    minutes: { type: 'richtext' },
    decisions: { type: 'json' },
    reason: { type: 'text', required: true },
    actor: { type: 'string', maxLength: 200 },
  },
};
