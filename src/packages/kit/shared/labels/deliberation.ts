import { COMMON, pick } from './common';
import type { LabelRegistry } from './types';

/** Plugin deliberation (议事协商). */
export const DELIBERATION_LABELS: LabelRegistry = {
  'plugin::deliberation.council': {
    name: ['议事会', 'Council'],
    fields: {
      name: ['名称', 'Name'],
      code: ['编码', 'Code'],
      kind: ['类型', 'Kind'],
      branch: ['所属党组织', 'Party organisation'],
      grids: ['覆盖网格', 'Grids'],
      members: ['成员', 'Members'],
      rule: ['议事规则', 'Rules'],
      cadence: ['召开频次', 'Cadence'],
    },
    enums: {
      kind: {
        neighbourhood_council: ['红色邻里议事会', 'Neighbourhood council'],
        joint_meeting: ['联席会议', 'Joint meeting'],
        sentiment_forum: ['民情恳谈会', 'Sentiment forum'],
        residents_forum: ['居民代表座谈会', "Residents' forum"],
      },
      cadence: {
        monthly: ['每月', 'Monthly'],
        quarterly: ['每季度', 'Quarterly'],
        as_needed: ['按需召开', 'As needed'],
      },
    },
  },
  'plugin::deliberation.topic': {
    name: ['议题', 'Topic'],
    fields: {
      title: ['标题', 'Title'],
      raisedBy: ['提出方', 'Raised by'],
      raisedByName: ['提出人', 'Raised by (name)'],
      sourceText: ['原始诉求', 'Source text'],
      grid: ['所在网格', 'Grid'],
      council: ['议事会', 'Council'],
      needRef: ['关联需求', 'Linked need'],
      status: ['状态', 'Status'],
      closedAt: ['办结时间', 'Closed at'],
    },
    enums: {
      raisedBy: {
        resident: ['居民', 'Resident'],
        grid_head: ['网格长', 'Grid head'],
        representative: ['两代表一委员', 'Representative'],
        double_report_need: ['双报到需求', 'Double report-in need'],
      },
      status: {
        collected: ['已收集', 'Collected'],
        scheduled: COMMON.scheduled,
        deliberated: ['已协商', 'Deliberated'],
        decided: ['已决议', 'Decided'],
        implementing: ['落实中', 'Implementing'],
        closed: ['已办结', 'Closed'],
        evaluated: COMMON.evaluated,
      },
    },
  },
  'plugin::deliberation.meeting': {
    name: ['会议', 'Meeting'],
    fields: {
      council: ['议事会', 'Council'],
      title: ['标题', 'Title'],
      startAt: ['开始时间', 'Starts'],
      endAt: ['结束时间', 'Ends'],
      place: ['地点', 'Place'],
      convener: ['召集人', 'Convener'],
      recorder: ['记录人', 'Recorder'],
      agenda: ['议程', 'Agenda'],
      attendance: ['出席情况', 'Attendance'],
      quorumRecorded: ['已确认法定人数', 'Quorum recorded'],
      minutes: ['纪要', 'Minutes'],
      decisions: ['决议', 'Decisions'],
      status: ['状态', 'Status'],
      revision: ['修订号', 'Revision'],
      noticeDocumentId: ['公示通知', 'Published notice'],
      publishedOn: ['公示日期', 'Published on'],
    },
    enums: {
      status: {
        scheduled: COMMON.scheduled,
        held: ['已召开', 'Held'],
        minutes_draft: ['纪要起草中', 'Minutes drafted'],
        minutes_approved: ['纪要已审定', 'Minutes approved'],
        published: COMMON.published,
      },
    },
  },
  'plugin::deliberation.action-item': {
    name: ['交办事项', 'Action item'],
    fields: {
      meeting: ['会议', 'Meeting'],
      decisionKey: ['决议编号', 'Decision'],
      topic: ['议题', 'Topic'],
      title: ['事项', 'Title'],
      ownerKind: ['责任方类型', 'Owner kind'],
      ownerName: ['责任方', 'Owner'],
      ownerPhone: ['责任方电话（不公开）', 'Owner phone (private)'],
      dueDate: ['办结时限', 'Due date'],
      status: ['状态', 'Status'],
      resultNote: ['办理结果', 'Result'],
      evidence: ['佐证材料', 'Evidence'],
      doneAt: ['办结时间', 'Done at'],
      verifiedAt: ['销号时间', 'Verified at'],
    },
    enums: {
      ownerKind: { unit: COMMON.unit, branch: ['党组织', 'Party organisation'], person: ['个人', 'Person'] },
      status: pick('open', 'in_progress', 'done', 'verified'),
    },
  },
  'plugin::deliberation.transition': {
    name: ['状态记录', 'Transition'],
    fields: {
      subjectType: ['对象类型', 'Subject type'],
      subjectId: ['对象', 'Subject'],
      fromStatus: ['原状态', 'From'],
      toStatus: ['新状态', 'To'],
      actor: ['操作人', 'Actor'],
      reason: ['原因', 'Reason'],
      at: ['时间', 'At'],
    },
    enums: { subjectType: pick('topic', 'meeting', 'action_item') },
  },
  'plugin::deliberation.revision': {
    name: ['纪要修订', 'Minutes revision'],
    fields: {
      meeting: ['会议', 'Meeting'],
      number: ['修订号', 'Number'],
      minutes: ['纪要', 'Minutes'],
      decisions: ['决议', 'Decisions'],
      reason: ['修订原因', 'Reason'],
      actor: ['操作人', 'Actor'],
    },
  },
  'plugin::deliberation.evaluation': {
    name: ['公众评事', 'Evaluation'],
    fields: {
      topic: ['议题', 'Topic'],
      verdict: ['评价', 'Verdict'],
      comment: ['意见', 'Comment'],
      userId: ['评价人', 'User'],
      slot: ['评价标识', 'Slot'],
    },
    enums: {
      verdict: {
        satisfied: ['满意', 'Satisfied'],
        basically_satisfied: ['基本满意', 'Basically satisfied'],
        unsatisfied: ['不满意', 'Unsatisfied'],
      },
    },
  },
};
