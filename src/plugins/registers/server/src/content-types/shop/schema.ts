import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

// 沿街商铺: natural key 统一社会信用代码 (GB 32100-2015, 18 characters with a check character).
export default {
  kind: 'collectionType',
  collectionName: 'rg_shops',
  info: {
    singularName: 'shop',
    pluralName: 'shops',
    displayName: '沿街商铺',
    description: '沿街商铺：经营者、统一社会信用代码、类别、九小场所、消防检查日期',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 120 },
    operator: { type: 'string', maxLength: 60 },
    operatorPhone: { type: 'string', private: true, maxLength: 32 },
    creditCode: { type: 'string', required: true, maxLength: 18 },
    category: {
      type: 'enumeration',
      enum: ['catering', 'retail', 'beauty', 'repair', 'education', 'medical', 'entertainment', 'hotel', 'other'],
      default: 'retail',
    },
    // 九小场所: small venues (小餐饮、小旅馆、小网吧 …) under the fire brigade's closer watch
    smallVenue: { type: 'boolean', default: false },
    fireCheckDate: { type: 'date' },
    grid: { type: 'relation', relation: 'manyToOne', target: 'api::grid.grid' },
    house: { type: 'relation', relation: 'manyToOne', target: 'plugin::registers.house' },
    address: { type: 'string', maxLength: 200 },
    lat: { type: 'float' },
    lng: { type: 'float' },
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('rg_shops')],
};
