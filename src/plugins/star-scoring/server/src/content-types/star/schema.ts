export default {
  kind: 'collectionType',
  collectionName: 'ss_stars',
  info: {
    singularName: 'star',
    pluralName: 'stars',
    displayName: '星级定义',
    description: '按党组织类别（城市/农村）定义的五颗星及其达标分数线',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    key: { type: 'string', required: true, maxLength: 40, regex: '^[a-z_]+$' },
    category: { type: 'enumeration', enum: ['urban', 'rural'], required: true },
    name: { type: 'string', required: true, maxLength: 40 },
    passThreshold: { type: 'decimal', required: true, default: 80, min: 0 },
    sortOrder: { type: 'integer', default: 0 },
    criteria: { type: 'relation', relation: 'oneToMany', target: 'plugin::star-scoring.criterion', mappedBy: 'star' },
  },
  indexes: [{ name: 'ss_stars_cat_key_uq', columns: ['category', 'key'], type: 'unique' }],
};
