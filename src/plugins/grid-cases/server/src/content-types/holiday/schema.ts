export default {
  kind: 'collectionType',
  collectionName: 'gc_holidays',
  info: {
    singularName: 'holiday',
    pluralName: 'holidays',
    displayName: '工作日历',
    description: '法定节假日与调休上班日；未列出的日期按周一至周五上班计算',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: true }, 'content-type-builder': { visible: false } },
  attributes: {
    date: { type: 'date', required: true, unique: true },
    kind: { type: 'enumeration', required: true, enum: ['holiday', 'workday'], default: 'holiday' },
    name: { type: 'string', maxLength: 60 },
  },
  indexes: [{ name: 'gc_holidays_date_uq', columns: ['date'], type: 'unique' }],
};
