import { scopeSchemaAttributes, scopeSchemaIndexes } from '@grassroots/kit/server';

export default {
  kind: 'collectionType',
  collectionName: 'deliberation_meetings',
  info: {
    singularName: 'meeting',
    pluralName: 'meetings',
    displayName: '会议',
    description: '议程、出席、纪要、决议；纪要批准后发布为公示',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    council: { type: 'relation', relation: 'manyToOne', target: 'plugin::deliberation.council' },
    title: { type: 'string', required: true, maxLength: 200 },
    startAt: { type: 'datetime', required: true },
    endAt: { type: 'datetime' },
    place: { type: 'string', maxLength: 200 },
    convener: { type: 'string', maxLength: 100 },
    recorder: { type: 'string', maxLength: 100 },
    // [{ position, topicDocumentId?, title, presenter, plannedMinutes }]
    agenda: { type: 'json' },
    // [{ memberKey, status: present|absent|excused, delegate? }]
    attendance: { type: 'json' },
    quorumRecorded: { type: 'boolean', default: false },
    minutes: { type: 'richtext' },
    // [{ key, text, topicDocumentId?, votes: { for, against, abstain } | null, passed: boolean | null }]
    decisions: { type: 'json' },
    status: {
      type: 'enumeration',
      required: true,
      default: 'scheduled',
      enum: ['scheduled', 'held', 'minutes_draft', 'minutes_approved', 'published'],
    },
    revision: { type: 'integer', default: 0 },
    noticeDocumentId: { type: 'string', maxLength: 64 },
    publishedOn: { type: 'datetime' },
    // Organisation scope (数据权限): written by the kit's scope middleware, read by the 本组织及下级 condition.
    ...scopeSchemaAttributes(),
  },
  indexes: [
    ...scopeSchemaIndexes('deliberation_meetings'),
    { name: 'deliberation_meetings_status_start_idx', columns: ['status', 'start_at'] },
  ],
};
