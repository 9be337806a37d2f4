import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'dr_members',
  info: {
    singularName: 'member',
    pluralName: 'members',
    displayName: '在职党员',
    description: '在职党员到居住地社区报到',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 60 },
    unit: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.unit' },
    community: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    skills: { type: 'json' },
    phone: { type: 'string', private: true, maxLength: 32 },
    account: { type: 'relation', relation: 'oneToOne', target: 'plugin::users-permissions.user', private: true },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('dr_members')],
};
