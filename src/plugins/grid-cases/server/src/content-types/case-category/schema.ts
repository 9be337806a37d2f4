import { OWNER_KINDS } from '../../../../shared';

export default {
  kind: 'collectionType',
  collectionName: 'gc_case_categories',
  info: {
    singularName: 'case-category',
    pluralName: 'case-categories',
    displayName: '事项类别',
    description: '事项目录：每类的办理时限（工作日，0 为当日）和通常的承办单位',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 80 },
    timeLimitDays: { type: 'integer', required: true, min: 0, max: 60, default: 3 },
    defaultOwnerKind: { type: 'enumeration', enum: [...OWNER_KINDS] },
    defaultOwnerName: { type: 'string', maxLength: 120 },
    active: { type: 'boolean', required: true, default: true },
  },
};
