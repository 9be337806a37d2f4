import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'gc_grid_accounts',
  info: {
    singularName: 'grid-account',
    pluralName: 'grid-accounts',
    displayName: '网格通账号',
    description: '网格员、五长、两代表一委员的账号（grid-worker 角色）与其所在网格',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 60 },
    kind: {
      type: 'enumeration',
      required: true,
      enum: ['grid_worker', 'five_head', 'representative'],
      default: 'grid_worker',
    },
    grid: { type: 'relation', relation: 'manyToOne', target: 'api::grid.grid' },
    account: { type: 'relation', relation: 'oneToOne', target: 'plugin::users-permissions.user', private: true },
    // kind representative: the 两代表一委员 record whose 履职 this account's suggestions are.
    representative: { type: 'relation', relation: 'manyToOne', target: 'api::representative.representative' },
    ...scopeSchemaAttributes(),
  },
  indexes: [...scopeSchemaIndexes('gc_grid_accounts')],
};
