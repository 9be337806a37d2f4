import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

// 实有人口. Identity number and phone are personal information (PIPL): private, masked wherever they
// leave, revealed one value at a time with a recorded reason (reveal-log). Care tags are sensitive
// too: only a role that needs them reads them.
export default {
  kind: 'collectionType',
  collectionName: 'rg_residents',
  info: {
    singularName: 'resident',
    pluralName: 'residents',
    displayName: '实有人口',
    description: '房屋内的实有人口：与户主关系、人口类型（常住、暂住、寄住、人户分离）、关爱标签',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    house: { type: 'relation', relation: 'manyToOne', target: 'plugin::registers.house', inversedBy: 'residents' },
    name: { type: 'string', required: true, maxLength: 60 },
    idNumber: { type: 'string', private: true, searchable: false, maxLength: 18 },
    phone: { type: 'string', private: true, searchable: false, maxLength: 32 },
    relation: {
      type: 'enumeration',
      enum: ['householder', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'tenant', 'other'],
      default: 'householder',
    },
    type: {
      type: 'enumeration',
      required: true,
      enum: ['permanent', 'temporary', 'lodging', 'registered_elsewhere'],
      default: 'permanent',
    },
    // 关爱标签: over_80, living_alone, disabled, subsistence (低保), left_behind, veteran … (labels in the kit).
    careTags: { type: 'json', private: true },
    partyMember: { type: 'boolean', default: false },
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('rg_residents'),
    // natural key of the register (import upserts on it); empty identity numbers are NULL, which never collide
    { name: 'rg_residents_id_number_uq', columns: ['id_number'], type: 'unique' },
  ],
};
