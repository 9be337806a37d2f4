export default {
  kind: 'collectionType',
  collectionName: 'ss_criteria',
  info: {
    singularName: 'criterion',
    pluralName: 'criteria',
    displayName: '评分细则',
    description: '某颗星评分表中的一项：分值、一票否决、责任部门、佐证要求、自动指标',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    code: { type: 'string', required: true, unique: true, maxLength: 40, regex: '^[A-Za-z0-9_.-]+$' },
    star: { type: 'relation', relation: 'manyToOne', target: 'plugin::star-scoring.star', inversedBy: 'criteria' },
    title: { type: 'string', required: true, maxLength: 200 },
    maxPoints: { type: 'decimal', required: true, min: 0 },
    veto: { type: 'boolean', default: false },
    department: { type: 'string', maxLength: 80 },
    evidenceRequired: { type: 'boolean', default: false },
    metricKey: { type: 'string', maxLength: 80 },
    sortOrder: { type: 'integer', default: 0 },
  },
};
