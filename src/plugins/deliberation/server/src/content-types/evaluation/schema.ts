export default {
  kind: 'collectionType',
  collectionName: 'deliberation_evaluations',
  info: {
    singularName: 'evaluation',
    pluralName: 'evaluations',
    displayName: '公众评事',
    description: '居民对已办结议题的评价',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    topic: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.topic' },
    verdict: { type: 'enumeration', required: true, enum: ['satisfied', 'basically_satisfied', 'unsatisfied'] },
    comment: { type: 'text', maxLength: 500 },
    userId: { type: 'integer', private: true },
  },
};
