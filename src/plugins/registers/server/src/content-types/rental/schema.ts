import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

// 出租房屋: one letting of a house, natural key (house, from). Tenants are residents of the house
// (type 暂住 / 寄住) named here; the landlord's phone is personal information.
export default {
  kind: 'collectionType',
  collectionName: 'rg_rentals',
  info: {
    singularName: 'rental',
    pluralName: 'rentals',
    displayName: '出租房屋',
    description: '出租登记：房东、承租人、租期、居住人数、用途、治安责任书',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    house: { type: 'relation', relation: 'manyToOne', target: 'plugin::registers.house' },
    landlord: { type: 'string', required: true, maxLength: 60 },
    landlordPhone: { type: 'string', private: true, searchable: false, maxLength: 32 },
    tenants: { type: 'relation', relation: 'manyToMany', target: 'plugin::registers.resident' },
    from: { type: 'date', required: true },
    to: { type: 'date' },
    occupants: { type: 'integer', min: 0, max: 100 },
    purpose: { type: 'enumeration', enum: ['living', 'business', 'storage', 'other'], default: 'living' },
    // 治安责任书 signed with the police station
    securityPledge: { type: 'boolean', default: false },
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('rg_rentals')],
};
