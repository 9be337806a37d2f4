import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'dr_units',
  info: {
    singularName: 'unit',
    pluralName: 'units',
    displayName: '报到单位',
    description: '机关企事业单位党组织到所在社区报到',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 120 },
    branch: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    community: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    contactName: { type: 'string', maxLength: 60 },
    contactPhone: { type: 'string', private: true, maxLength: 32 },
    // The party-unit account that manages this unit through the API.
    account: { type: 'relation', relation: 'oneToOne', target: 'plugin::users-permissions.user', private: true },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('dr_units')],
};
