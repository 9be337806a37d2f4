import type { Label, LabelRegistry } from './types';

const STATUS: Record<string, Label> = {
  reported: ['已上报', 'Reported'],
  // 受理: the suite's one label for `accepted` (double-report registrations) is 已接收
  accepted: ['已接收', 'Accepted'],
  returned: ['已退回', 'Returned'],
  dispatched: ['已派单', 'Dispatched'],
  signed: ['已签收', 'Signed'],
  handling: ['处置中', 'Handling'],
  handled: ['已办结', 'Handled'],
  // 核查: the suite's one label for `verified` (double-report check-ins) is 已核验
  verified: ['已核验', 'Verified'],
  rated: ['已回访', 'Rated'],
  archived: ['已归档', 'Archived'],
  escalated: ['已上报上级', 'Escalated'],
  merged: ['已合并', 'Merged'],
};
/**
 * The states in which a case's owner is on the clock (a deadline runs): grid-cases' ON_THE_CLOCK
 * (shared/flow.ts takes it from here). It lives in the kit because the app's home page counts those
 * cases too, and the app compiles the kit but cannot load a plugin's source.
 */
export const GRID_CASES_ON_THE_CLOCK = ['dispatched', 'signed', 'handling'] as const;

const OWNER_KIND: Record<string, Label> = {
  unit: ['单位', 'Unit'],
  department: ['县直部门', 'County department'],
  community: ['社区', 'Community'],
  property: ['物业公司', 'Property company'],
};
const ACTION: Record<string, Label> = {
  report: ['上报', 'Report'],
  accept: ['受理', 'Accept'],
  return: ['退回', 'Return'],
  merge: ['合并', 'Merge'],
  dispatch: ['派单', 'Dispatch'],
  escalate: ['上报上级（吹哨）', 'Escalate'],
  sign: ['签收', 'Sign'],
  start: ['处置', 'Start handling'],
  handle: ['办结', 'Handle'],
  verify: ['核查', 'Verify'],
  sendBack: ['核查退回', 'Send back'],
  rate: ['回访', 'Rate'],
  reopen: ['不满意重办', 'Reopen'],
  archive: ['归档', 'Archive'],
  extension_requested: ['申请延期', 'Extension requested'],
  extension_approved: ['批准延期', 'Extension approved'],
  extension_refused: ['不予延期', 'Extension refused'],
  conclude: ['随上级办结归档', 'Concluded with the escalated case'],
  warned: ['督办预警（时限过 80%）', 'Deadline warning (80 %)'],
  urged: ['催办（已超期）', 'Urged (overdue)'],
  photos_added: ['补充照片', 'Photos added'],
  to_topic: ['转为议事议题', 'Made a deliberation topic'],
  to_need: ['转入需求清单', 'Added to the needs list'],
};

/** Plugin grid-cases (网格事项流转). */
export const GRID_CASES_LABELS: LabelRegistry = {
  'plugin::grid-cases.case-category': {
    name: ['事项类别', 'Case category'],
    fields: {
      name: ['名称', 'Name'],
      timeLimitDays: ['办理时限（工作日，0 为当日）', 'Time limit (working days, 0 = same day)'],
      defaultOwnerKind: ['默认承办方类型', 'Default owner kind'],
      defaultOwnerName: ['默认承办方', 'Default owner'],
      active: ['启用', 'Active'],
    },
    enums: { defaultOwnerKind: OWNER_KIND },
  },
  'plugin::grid-cases.case': {
    name: ['网格事项', 'Grid case'],
    fields: {
      title: ['标题', 'Title'],
      description: ['内容', 'Description'],
      category: ['事项类别', 'Category'],
      source: ['来源', 'Source'],
      level: ['层级', 'Level'],
      grid: ['所在网格', 'Grid'],
      compound: ['小区', 'Compound'],
      building: ['楼栋', 'Building'],
      lat: ['纬度', 'Latitude'],
      lng: ['经度', 'Longitude'],
      reporter: ['上报账号', 'Reporter'],
      reporterContact: ['群众联系方式', "Resident's contact"],
      clientKey: ['幂等键', 'Idempotency key'],
      status: ['状态', 'Status'],
      ownerKind: ['承办方类型', 'Owner kind'],
      ownerUnit: ['承办单位', 'Owner unit'],
      ownerAccount: ['承办方账号', 'Owner account'],
      ownerName: ['承办方', 'Owner'],
      reportedAt: ['上报时间', 'Reported at'],
      acceptedAt: ['受理时间', 'Accepted at'],
      dispatchedAt: ['派单时间', 'Dispatched at'],
      dueAt: ['办理期限', 'Due at'],
      signedAt: ['签收时间', 'Signed at'],
      handledAt: ['办结时间', 'Handled at'],
      verifiedAt: ['核查时间', 'Verified at'],
      ratedAt: ['回访时间', 'Rated at'],
      archivedAt: ['归档时间', 'Archived at'],
      handledOnTime: ['按期办结', 'Handled on time'],
      result: ['办理结果', 'Result'],
      returnReason: ['退回原因', 'Return reason'],
      satisfaction: ['满意度', 'Satisfaction'],
      reopened: ['已重办', 'Reopened'],
      extensionStatus: ['延期状态', 'Extension'],
      extensionDays: ['延期天数（工作日）', 'Extension (working days)'],
      extensionReason: ['延期理由', 'Extension reason'],
      parent: ['上报自', 'Escalated from'],
      escalations: ['上报上级的事项', 'Escalations'],
      mergedInto: ['合并至', 'Merged into'],
      mergedCases: ['合并进来的事项', 'Merged cases'],
      events: ['流转记录', 'History'],
      photosBefore: ['处置前照片', 'Photos before'],
      photosAfter: ['处置后照片', 'Photos after'],
      warnedAt: ['督办预警时间', 'Warned at'],
      urgedAt: ['催办时间', 'Urged at'],
      topicRef: ['议事议题', 'Deliberation topic'],
      needRef: ['需求清单事项', 'Need'],
    },
    enums: {
      source: {
        grid_patrol: ['网格员巡查', 'Grid patrol'],
        five_heads: ['五长上报', 'Five heads'],
        residents: ['群众反映', 'Residents'],
        representatives: ['代表委员建议', "Representatives' suggestion"],
        forum: ['民情恳谈会', 'Sentiment forum'],
        hotline_12345: ['12345热线', '12345 hotline'],
      },
      level: {
        community: ['社区', 'Community'],
        street: ['街道', 'Street'],
        county: ['县级', 'County'],
      },
      status: STATUS,
      ownerKind: OWNER_KIND,
      satisfaction: {
        satisfied: ['满意', 'Satisfied'],
        basically: ['基本满意', 'Basically satisfied'],
        dissatisfied: ['不满意', 'Dissatisfied'],
      },
      extensionStatus: {
        not_requested: ['未申请', 'Not requested'],
        requested: ['已申请', 'Requested'],
        granted: ['已准予延期', 'Granted'],
        refused: ['未批准', 'Refused'],
      },
    },
  },
  'plugin::grid-cases.case-event': {
    name: ['事项记录', 'Case event'],
    fields: {
      case: ['事项', 'Case'],
      fromStatus: ['原状态', 'From'],
      toStatus: ['新状态', 'To'],
      action: ['操作', 'Action'],
      actorKind: ['操作方', 'Actor kind'],
      actorId: ['操作人', 'Actor'],
      reason: ['原因', 'Reason'],
      at: ['时间', 'At'],
    },
    enums: {
      fromStatus: STATUS,
      toStatus: STATUS,
      action: ACTION,
      actorKind: {
        staff: ['工作人员', 'Staff'],
        account: ['账号', 'Account'],
        system: ['系统', 'System'],
      },
    },
  },
  'plugin::grid-cases.holiday': {
    name: ['工作日历', 'Working-day calendar'],
    fields: {
      date: ['日期', 'Date'],
      kind: ['类型', 'Kind'],
      name: ['名称', 'Name'],
    },
    enums: {
      kind: {
        holiday: ['节假日（休息）', 'Holiday (rest day)'],
        workday: ['调休上班', 'Make-up working day'],
      },
    },
  },
  'plugin::grid-cases.grid-account': {
    name: ['网格通账号', 'Grid account'],
    fields: {
      name: ['姓名', 'Name'],
      kind: ['身份', 'Role'],
      grid: ['所在网格', 'Grid'],
      account: ['登录账号', 'Account'],
      representative: ['代表委员', 'Representative'],
    },
    enums: {
      kind: {
        grid_worker: ['网格员', 'Grid worker'],
        five_head: ['五长', 'One of the five heads'],
        representative: ['两代表一委员', 'Representative'],
      },
    },
  },
  'plugin::grid-cases.owner-account': {
    name: ['承办方账号', 'Owner account'],
    fields: {
      name: ['名称', 'Name'],
      kind: ['承办方类型', 'Owner kind'],
      organisation: [
        '服务的组织（县直部门：县委；物业公司：社区）',
        'Serves (department: the county; property company: the community)',
      ],
      account: ['登录账号', 'Account'],
      contact: ['联系电话', 'Contact'],
    },
    enums: { kind: { department: OWNER_KIND.department, property: OWNER_KIND.property } },
  },
};
