import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'dr_registrations',
  info: {
    singularName: 'registration',
    pluralName: 'registrations',
    displayName: '报到登记',
    description: '单位或党员向社区报到',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    kind: { type: 'enumeration', required: true, enum: ['unit', 'member'] },
    unit: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.unit' },
    member: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.member' },
    community: { type: 'relation', relation: 'manyToOne', target: 'api::branch.branch' },
    reportedOn: { type: 'date', required: true },
    status: { type: 'enumeration', required: true, default: 'pending', enum: ['pending', 'accepted', 'withdrawn'] },
    // Set when the unit or member withdraws; the row stays (the report-in history is kept).
    withdrawnOn: { type: 'date' },
    agreement: { type: 'media', multiple: false, allowedTypes: ['files', 'images'] },
    // "kind:unit-or-member id:community id" while not withdrawn, null once withdrawn: the unique index
    // keeps one live report-in per unit or member and community in the database itself.
    slot: { type: 'string', private: true, maxLength: 64, configurable: false, visible: false, writable: false },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('dr_registrations'),
    { name: 'dr_registrations_slot_uq', columns: ['slot'], type: 'unique' },
  ],
};
