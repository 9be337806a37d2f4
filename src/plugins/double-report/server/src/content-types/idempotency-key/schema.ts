export default {
  kind: 'collectionType',
  collectionName: 'dr_idempotency_keys',
  info: {
    singularName: 'idempotency-key',
    pluralName: 'idempotency-keys',
    displayName: '幂等键',
    description: '签到请求的幂等记录',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    scope: { type: 'string', required: true, maxLength: 64 },
    key: { type: 'string', required: true, maxLength: 200 },
    requestHash: { type: 'string', required: true, maxLength: 64 },
    state: { type: 'enumeration', required: true, enum: ['in_flight', 'done'] },
    responseStatus: { type: 'integer' },
    responseBody: { type: 'json' },
  },
  indexes: [{ name: 'dr_idempotency_scope_key_uq', columns: ['scope', 'key'], type: 'unique' }],
};
