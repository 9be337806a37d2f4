import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';
import { CASE_STATUSES, EXTENSION_STATES, LEVELS, OWNER_KINDS, SATISFACTION, SOURCES } from '../../../../shared';

export default {
  kind: 'collectionType',
  collectionName: 'gc_cases',
  info: {
    singularName: 'case',
    pluralName: 'cases',
    displayName: '网格事项',
    description: '上报 → 受理 → 派单 → 签收 → 处置 → 办结 → 核查 → 回访 → 归档',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    title: { type: 'string', required: true, maxLength: 120 },
    description: { type: 'text', required: true },
    category: { type: 'relation', relation: 'manyToOne', target: 'plugin::grid-cases.case-category' },
    source: { type: 'enumeration', required: true, enum: [...SOURCES] },
    level: { type: 'enumeration', required: true, enum: [...LEVELS], default: 'community' },
    grid: { type: 'relation', relation: 'manyToOne', target: 'api::grid.grid' },
    compound: { type: 'relation', relation: 'manyToOne', target: 'api::compound.compound' },
    building: { type: 'string', maxLength: 60 },
    // WGS-84 degrees as double precision: Strapi's `decimal` is decimal(10,2) on PostgreSQL, about 1 km,
    // which would put every case of a neighbourhood on one point and break the 50 m duplicates.
    lat: { type: 'float' },
    lng: { type: 'float' },
    reporter: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.user', private: true },
    reporterContact: { type: 'string', maxLength: 60, private: true },
    // `${account id}:${Idempotency-Key}`: a repeated submission finds its first case (unique index).
    clientKey: { type: 'string', maxLength: 240, private: true, configurable: false, visible: false },
    status: { type: 'enumeration', required: true, enum: [...CASE_STATUSES], default: 'reported' },
    ownerKind: { type: 'enumeration', enum: [...OWNER_KINDS] },
    ownerUnit: { type: 'relation', relation: 'manyToOne', target: 'plugin::double-report.unit' },
    // a department or property company with its own login (承办方账号): it signs and handles itself
    ownerAccount: { type: 'relation', relation: 'manyToOne', target: 'plugin::grid-cases.owner-account' },
    ownerName: { type: 'string', maxLength: 120 },
    reportedAt: { type: 'datetime', required: true },
    acceptedAt: { type: 'datetime' },
    dispatchedAt: { type: 'datetime' },
    dueAt: { type: 'datetime' },
    signedAt: { type: 'datetime' },
    handledAt: { type: 'datetime' },
    verifiedAt: { type: 'datetime' },
    ratedAt: { type: 'datetime' },
    archivedAt: { type: 'datetime' },
    // 响应: handled by the deadline in force when it was handled (for the 三率 in one statement).
    handledOnTime: { type: 'boolean' },
    result: { type: 'text' },
    returnReason: { type: 'text' },
    satisfaction: { type: 'enumeration', enum: [...SATISFACTION] },
    reopened: { type: 'boolean', required: true, default: false },
    extensionStatus: { type: 'enumeration', required: true, enum: [...EXTENSION_STATES], default: 'not_requested' },
    extensionDays: { type: 'integer', min: 1, max: 60 },
    extensionReason: { type: 'text' },
    parent: { type: 'relation', relation: 'manyToOne', target: 'plugin::grid-cases.case', inversedBy: 'escalations' },
    escalations: { type: 'relation', relation: 'oneToMany', target: 'plugin::grid-cases.case', mappedBy: 'parent' },
    mergedInto: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::grid-cases.case',
      inversedBy: 'mergedCases',
    },
    mergedCases: { type: 'relation', relation: 'oneToMany', target: 'plugin::grid-cases.case', mappedBy: 'mergedInto' },
    events: { type: 'relation', relation: 'oneToMany', target: 'plugin::grid-cases.case-event', mappedBy: 'case' },
    // 照片: before (the grid account, while open) and after (the owner at 办结); images only, judged by their bytes.
    photosBefore: { type: 'media', multiple: true, allowedTypes: ['images'] },
    photosAfter: { type: 'media', multiple: true, allowedTypes: ['images'] },
    // 督办: the automatic warning (80 %) and 催办 (overdue) of the deadline in force, once each; cleared
    // whenever the deadline changes (dispatch, extension, reopen) so the new deadline is watched again.
    warnedAt: { type: 'datetime' },
    urgedAt: { type: 'datetime' },
    // Links into the suite, kept as plain documentIds so this plugin does not depend on the others' schemas.
    topicRef: { type: 'string', maxLength: 64 },
    needRef: { type: 'string', maxLength: 64 },
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('gc_cases'),
    { name: 'gc_cases_client_key_uq', columns: ['client_key'], type: 'unique' },
    { name: 'gc_cases_status_due_idx', columns: ['status', 'due_at'] },
    { name: 'gc_cases_reported_idx', columns: ['reported_at'] },
    // 受理台's duplicates: a ±50 m box around each new case is a range on lat, then lng, in the index.
    { name: 'gc_cases_point_idx', columns: ['lat', 'lng'] },
    // 三率 of a street or community over a period reads only these (index-only on PostgreSQL): the
    // scope and the period lead, then what the sums and the groups need (services/figures.ts).
    {
      name: 'gc_cases_street_figures_idx',
      columns: [
        'scope_street',
        'reported_at',
        'scope_community',
        'status',
        'accepted_at',
        'dispatched_at',
        'handled_on_time',
        'satisfaction',
      ],
    },
    {
      name: 'gc_cases_community_figures_idx',
      columns: [
        'scope_community',
        'reported_at',
        'status',
        'accepted_at',
        'dispatched_at',
        'handled_on_time',
        'satisfaction',
      ],
    },
  ],
};
