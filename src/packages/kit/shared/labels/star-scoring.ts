import { COMMON, pick } from './common';
import type { LabelRegistry } from './types';

const CATEGORY = pick('urban', 'rural');

/** Plugin star-scoring (五星支部创建). */
export const STAR_SCORING_LABELS: LabelRegistry = {
  'plugin::star-scoring.star': {
    name: ['星级定义', 'Star'],
    fields: {
      key: ['标识', 'Key'],
      category: ['适用类别', 'Category'],
      name: ['名称', 'Name'],
      passThreshold: ['达标分数', 'Pass threshold'],
      sortOrder: ['排序', 'Order'],
      criteria: ['评分细则', 'Criteria'],
    },
    enums: { category: CATEGORY },
  },
  'plugin::star-scoring.criterion': {
    name: ['评分细则', 'Criterion'],
    fields: {
      code: ['编码', 'Code'],
      star: ['所属星', 'Star'],
      title: ['内容', 'Title'],
      maxPoints: ['分值', 'Points'],
      veto: ['一票否决', 'Veto'],
      department: ['责任部门', 'Department'],
      evidenceRequired: ['需证明材料', 'Evidence required'],
      metricKey: ['指标', 'Metric'],
      sortOrder: ['排序', 'Order'],
    },
  },
  'plugin::star-scoring.assessment': {
    name: ['星级考评', 'Assessment'],
    fields: {
      branch: ['党组织', 'Party organisation'],
      branchRef: ['党组织编号', 'Organisation ref'],
      parentRef: ['上级编号', 'Parent ref'],
      category: ['类别', 'Category'],
      year: ['年度', 'Year'],
      starKey: ['星', 'Star'],
      status: ['状态', 'Status'],
      items: ['评分项', 'Items'],
      selfScore: ['自评分', 'Self score'],
      reviewedScore: ['审核分', 'Reviewed score'],
      vetoFailed: ['触发一票否决', 'Veto failed'],
      passed: ['达标', 'Passed'],
      publicityEndsOn: ['公示截止', 'Publicity ends'],
      reason: ['原因', 'Reason'],
    },
    enums: {
      category: CATEGORY,
      status: {
        draft: COMMON.draft,
        self_assessed: ['已自评', 'Self-assessed'],
        reviewed: ['已审核', 'Reviewed'],
        publicized: ['公示中', 'In publicity'],
        approved: ['已授星', 'Approved'],
        rejected: COMMON.rejected,
        revoked: ['已摘星', 'Revoked'],
      },
    },
  },
  'plugin::star-scoring.transition': {
    name: ['考评流转记录', 'Assessment transition'],
    fields: {
      assessmentRef: ['考评编号', 'Assessment ref'],
      fromStatus: ['原状态', 'From'],
      toStatus: ['新状态', 'To'],
      actor: ['操作人', 'Actor'],
      reason: ['原因', 'Reason'],
      at: ['时间', 'At'],
    },
  },
  'plugin::star-scoring.rectification': {
    name: ['整改任务', 'Rectification'],
    fields: {
      assessment: ['考评', 'Assessment'],
      assessmentRef: ['考评编号', 'Assessment ref'],
      branchRef: ['党组织编号', 'Organisation ref'],
      year: ['年度', 'Year'],
      starKey: ['星', 'Star'],
      criterionCode: ['细则编码', 'Criterion'],
      title: ['整改内容', 'Title'],
      owner: ['责任人', 'Owner'],
      dueDate: ['整改时限', 'Due date'],
      status: ['状态', 'Status'],
    },
    enums: { status: pick('open', 'done') },
  },
  'plugin::star-scoring.evidence': {
    name: ['证明材料', 'Evidence'],
    fields: {
      assessment: ['考评', 'Assessment'],
      assessmentRef: ['考评编号', 'Assessment ref'],
      criterionCode: ['细则编码', 'Criterion'],
      file: ['文件', 'File'],
      internal: ['仅内部', 'Internal'],
      note: ['说明', 'Note'],
    },
  },
};
