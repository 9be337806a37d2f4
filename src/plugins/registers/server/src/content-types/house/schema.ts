import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

// 房屋: natural key (building, unit, room) — the house address. Its use is the colour of the 房屋四色图.
export default {
  kind: 'collectionType',
  collectionName: 'rg_houses',
  info: {
    singularName: 'house',
    pluralName: 'houses',
    displayName: '房屋',
    description: '楼栋内的房屋：单元、楼层、房号、面积、用途（自住、出租、空置、商铺）',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    building: { type: 'relation', relation: 'manyToOne', target: 'plugin::registers.building', inversedBy: 'houses' },
    unit: { type: 'integer', min: 1, max: 50 },
    floor: { type: 'integer', min: -5, max: 200 },
    room: { type: 'string', required: true, maxLength: 20 },
    area: { type: 'float', min: 0 },
    use: {
      type: 'enumeration',
      required: true,
      enum: ['owner_occupied', 'rented', 'vacant', 'shop'],
      default: 'owner_occupied',
    },
    // building id|unit|room, written with every write of the house: the unique index keeps one house per address
    addressKey: { type: 'string', maxLength: 80, private: true, configurable: false, visible: false, writable: false },
    residents: { type: 'relation', relation: 'oneToMany', target: 'plugin::registers.resident', mappedBy: 'house' },
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('rg_houses'),
    { name: 'rg_houses_address_uq', columns: ['address_key'], type: 'unique' },
  ],
};
