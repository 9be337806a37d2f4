import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';
import { OWNER_ACCOUNT_KINDS } from '../../../../shared';

/**
 * 承办方账号: a county department or a property company that signs and handles its own cases.
 * `organisation` is the branch it serves (the county committee for a department, the community for
 * a property company): the organisation scope follows it, so the county keeps its departments and a
 * community its property companies, and 派单 offers only the accounts within the dispatcher's scope.
 */
export default {
  kind: 'collectionType',
  collectionName: 'gc_owner_accounts',
  info: {
    singularName: 'owner-account',
    pluralName: 'owner-accounts',
    displayName: '承办方账号',
    description: '县直部门、物业公司的账号（case-owner 角色）：自行签收、处置、办结派给本单位的网格事项',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 120 },
    kind: { type: 'enumeration', required: true, enum: [...OWNER_ACCOUNT_KINDS], default: 'department' },
    organisation: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    account: { type: 'relation', relation: 'oneToOne', target: 'plugin::users-permissions.user', private: true },
    contact: { type: 'string', maxLength: 60, private: true },
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('gc_owner_accounts')],
};
