import { COMMON, pick } from './common';
import type { Label, LabelRegistry } from './types';

// Values shared by several types mean the same thing everywhere (one concept, one name).
const CATEGORY = pick('urban', 'rural');
const NOTICE_CATEGORY: Record<string, Label> = {
  notice: ['通知', 'Notice'],
  announcement: ['公告', 'Announcement'],
  publicity: ['公示', 'Publicity'],
  news: ['动态', 'News'],
};

/** The app's own types (src/api) and components. */
export const APP_LABELS: LabelRegistry = {
  'api::branch.branch': {
    name: ['党组织', 'Party organisation'],
    fields: {
      name: ['名称', 'Name'],
      code: ['编码', 'Code'],
      level: ['层级', 'Level'],
      category: ['类别', 'Category'],
      parent: ['上级党组织', 'Parent organisation'],
      children: ['下级党组织', 'Subordinate organisations'],
      secretary: ['书记', 'Secretary'],
      memberCount: ['党员人数', 'Members'],
      phone: ['联系电话（不公开）', 'Phone (private)'],
      address: ['地址', 'Address'],
      established: ['成立日期', 'Established'],
      grids: ['所辖网格', 'Grids'],
      compounds: ['联系小区', 'Compounds'],
    },
    enums: {
      level: {
        county_committee: ['县委', 'County committee'],
        street_committee: ['街道党工委', 'Street committee'],
        community_branch: ['社区党支部', 'Community branch'],
        compound_group: ['小区党小组', 'Compound group'],
        member_household: ['党员中心户', 'Member household'],
        project_branch: ['红色项目党组织', 'Project branch'],
        alliance: ['党建联盟', 'Alliance'],
        unit_branch: ['机关企事业单位党组织', 'Unit branch'],
      },
      category: CATEGORY,
    },
  },
  'api::grid.grid': {
    name: ['网格', 'Grid'],
    fields: {
      name: ['名称', 'Name'],
      code: ['编码', 'Code'],
      level: ['网格层级', 'Grid level'],
      parent: ['上级网格', 'Parent grid'],
      children: ['下级网格', 'Sub-grids'],
      branch: ['所属党组织', 'Party organisation'],
      households: ['户数', 'Households'],
      population: ['人口', 'Population'],
      boundary: ['网格边界（在地图上绘制）', 'Boundary (drawn on the map)'],
      heads: ['“五长”及网格员', 'Grid heads and workers'],
      compounds: ['小区', 'Compounds'],
      representatives: ['两代表一委员', 'Representatives'],
    },
    enums: {
      level: {
        base: ['基础网格', 'Base grid'],
        secondary: ['二级网格', 'Second-level grid'],
        dedicated: ['专属网格', 'Dedicated grid'],
      },
    },
  },
  'grid.head': {
    name: ['网格“五长”及网格员', 'Grid head'],
    fields: {
      role: ['职务', 'Role'],
      name: ['姓名', 'Name'],
      phone: ['电话（不公开）', 'Phone (private)'],
      building: ['楼栋', 'Building'],
      unit: ['单元', 'Unit'],
    },
    enums: {
      role: {
        grid_head: ['网格长', 'Grid head'],
        street_head: ['街长', 'Street head'],
        party_group_head: ['党小组长', 'Party group head'],
        building_head: ['楼长', 'Building head'],
        unit_head: ['单元长', 'Unit head'],
        grid_worker: ['网格员', 'Grid worker'],
        generalist_worker: ['全科网格员', 'Generalist grid worker'],
      },
    },
  },
  'api::compound.compound': {
    name: ['小区', 'Compound'],
    fields: {
      name: ['名称', 'Name'],
      code: ['编码', 'Code'],
      grid: ['所属网格', 'Grid'],
      address: ['地址', 'Address'],
      households: ['户数', 'Households'],
      buildYear: ['建成年份', 'Year built'],
      isOld: ['老旧小区', 'Old compound'],
      isUnmanaged: ['三无小区', 'Unmanaged compound'],
      redPropertyManagement: ['红色物业', 'Red property management'],
      ownersCommittee: ['业主委员会', "Owners' committee"],
      partyGroup: ['小区党小组', 'Compound party group'],
      stewardCount: ['红色管家人数', 'Red stewards'],
    },
    enums: {
      ownersCommittee: {
        none: ['未成立', 'None'],
        standard: ['业主委员会', "Owners' committee"],
        red: ['红色业主委员会', "Red owners' committee"],
      },
    },
  },
  'api::representative.representative': {
    name: ['两代表一委员', 'Representative'],
    fields: {
      name: ['姓名', 'Name'],
      kind: ['类别', 'Kind'],
      level: ['层级', 'Level'],
      grid: ['所在网格', 'Grid'],
      liaisonStation: ['联络阵地', 'Liaison station'],
      phone: ['电话（不公开）', 'Phone (private)'],
      gridAccount: ['网格通账号', 'Grid account'],
      duties: ['履职情况', 'Duties'],
    },
    enums: {
      kind: {
        party_congress: ['党代表', 'Party congress deputy'],
        peoples_congress: ['人大代表', "People's congress deputy"],
        cppcc: ['政协委员', 'CPPCC member'],
      },
      level: {
        province: ['省级', 'Province'],
        city: ['市级', 'City'],
        county: ['县级', 'County'],
        township: ['乡镇级', 'Township'],
      },
      liaisonStation: {
        party_room: ['党代表活动室', 'Party deputies’ room'],
        peoples_station: ['人大代表联络站', "People's deputies’ station"],
        cppcc_home: ['政协委员之家', 'CPPCC members’ home'],
      },
    },
  },
  'api::notice.notice': {
    name: ['通知公告', 'Notice'],
    fields: {
      title: ['标题', 'Title'],
      slug: ['网址标识', 'Slug'],
      summary: ['摘要', 'Summary'],
      body: ['正文', 'Body'],
      category: ['类别', 'Category'],
      cover: ['封面', 'Cover'],
      attachments: ['附件', 'Attachments'],
      audienceGrids: ['面向网格', 'Audience grids'],
      audienceBranches: ['面向党组织', 'Audience organisations'],
    },
    enums: { category: NOTICE_CATEGORY },
  },
  'api::staff-assignment.staff-assignment': {
    name: ['员工所属组织', 'Staff assignment'],
    fields: {
      adminEmail: ['管理员邮箱', 'Administrator e-mail'],
      branch: ['所属组织', 'Organisation'],
      note: ['备注', 'Note'],
    },
  },
  'api::webhook-subscriber.webhook-subscriber': {
    name: ['通知推送订阅', 'Notice subscriber'],
    fields: {
      name: ['名称', 'Name'],
      url: ['推送地址', 'URL'],
      secret: ['签名密钥', 'Signing secret'],
      active: ['启用', 'Active'],
      filterCategory: ['仅推送类别', 'Category filter'],
      filterGrid: ['仅推送网格', 'Grid filter'],
      filterBranch: ['仅推送党组织', 'Organisation filter'],
      deliveries: ['推送记录', 'Deliveries'],
    },
    enums: { filterCategory: NOTICE_CATEGORY },
  },
  'api::webhook-delivery.webhook-delivery': {
    name: ['通知推送记录', 'Notice delivery'],
    fields: {
      subscriber: ['订阅方', 'Subscriber'],
      event: ['事件', 'Event'],
      noticeDocumentId: ['通知文档 ID', 'Notice document ID'],
      payload: ['推送内容', 'Payload'],
      status: ['状态', 'Status'],
      attempts: ['尝试次数', 'Attempts'],
      nextAttemptAt: ['下次尝试', 'Next attempt'],
      lastStatusCode: ['最近状态码', 'Last status code'],
      lastError: ['最近错误', 'Last error'],
      log: ['日志', 'Log'],
    },
    enums: {
      event: {
        'notice.published': ['通知发布', 'Notice published'],
        'notice.unpublished': ['通知撤销发布', 'Notice unpublished'],
      },
      status: {
        pending: COMMON.pending,
        sending: ['发送中', 'Sending'],
        succeeded: ['已送达', 'Delivered'],
        failed: COMMON.failed,
      },
    },
  },
};
