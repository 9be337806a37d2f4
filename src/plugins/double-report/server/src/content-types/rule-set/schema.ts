export default {
  kind: 'singleType',
  collectionName: 'dr_rule_sets',
  info: {
    singularName: 'rule-set',
    pluralName: 'rule-sets',
    displayName: '双报到规则',
    description: '年度服务时长要求与积分规则',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    annualHoursRequired: { type: 'decimal', required: true, default: 12, min: 0 },
    pointsPerVerifiedHour: { type: 'decimal', required: true, default: 1, min: 0 },
    pointsPerRatingStar: { type: 'decimal', required: true, default: 0.5, min: 0 },
    pointsPerItemDone: { type: 'decimal', required: true, default: 5, min: 0 },
    // Points to the claiming unit per star of the community's evaluation of a done item (0 = none).
    pointsPerItemRatingStar: { type: 'decimal', required: true, default: 0, min: 0 },
    qrTokenTtlMinutes: { type: 'integer', required: true, default: 10, min: 1 },
  },
};
