import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

// 企业: natural key 统一社会信用代码; its party organisation (if any) is a branch of the tree.
export default {
  kind: 'collectionType',
  collectionName: 'rg_firms',
  info: {
    singularName: 'firm',
    pluralName: 'firms',
    displayName: '企业',
    description: '辖区企业：统一社会信用代码、规模、从业人数、党组织',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 120 },
    creditCode: { type: 'string', required: true, maxLength: 18 },
    size: { type: 'enumeration', enum: ['large', 'medium', 'small', 'micro'], default: 'small' },
    employees: { type: 'integer', min: 0 },
    contactName: { type: 'string', maxLength: 60 },
    contactPhone: { type: 'string', private: true, searchable: false, maxLength: 32 },
    partyOrganisation: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    grid: { type: 'relation', relation: 'manyToOne', target: 'api::grid.grid' },
    address: { type: 'string', maxLength: 200 },
    lat: { type: 'float' },
    lng: { type: 'float' },
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('rg_firms'),
    { name: 'rg_firms_credit_code_uq', columns: ['credit_code'], type: 'unique' },
  ],
};
