import { COMMON } from './common';
import type { Label, LabelRegistry } from './types';

// 一表三图. Scope columns are hidden in the Content Manager and need no label.
const USE: Record<string, Label> = {
  owner_occupied: ['自住', 'Owner-occupied'],
  rented: ['出租', 'Rented'],
  vacant: ['空置', 'Vacant'],
  shop: ['商铺', 'Shop'],
};
const RESIDENT_TYPE: Record<string, Label> = {
  permanent: ['常住', 'Permanent'],
  temporary: ['暂住', 'Temporary'],
  lodging: ['寄住', 'Lodging'],
  registered_elsewhere: ['人户分离', 'Registered elsewhere'],
};
const RELATION: Record<string, Label> = {
  householder: ['户主', 'Householder'],
  spouse: ['配偶', 'Spouse'],
  child: ['子女', 'Child'],
  parent: ['父母', 'Parent'],
  grandchild: ['孙辈', 'Grandchild'],
  sibling: ['兄弟姐妹', 'Sibling'],
  tenant: ['租户', 'Tenant'],
  other: ['其他', 'Other'],
};
const PURPOSE: Record<string, Label> = {
  living: ['居住', 'Living'],
  business: ['经营', 'Business'],
  storage: ['仓储', 'Storage'],
  other: ['其他', 'Other'],
};
const CATEGORY: Record<string, Label> = {
  catering: ['餐饮', 'Catering'],
  retail: ['零售', 'Retail'],
  beauty: ['美容美发', 'Beauty and hairdressing'],
  repair: ['维修', 'Repair'],
  education: ['教育培训', 'Education and training'],
  medical: ['医疗药店', 'Clinic or pharmacy'],
  entertainment: ['娱乐', 'Entertainment'],
  // `hotel`, not `lodging`: the edit select labels a value by the value alone, and 寄住 owns `lodging`
  hotel: ['住宿', 'Accommodation'],
  other: ['其他', 'Other'],
};
const SIZE: Record<string, Label> = {
  large: ['大型', 'Large'],
  medium: ['中型', 'Medium'],
  small: ['小型', 'Small'],
  micro: ['微型', 'Micro'],
};

/** 关爱标签 (care tags): values of resident.careTags (json), read only by holders of the `care` action. */
export const CARE_TAGS: Record<string, Label> = {
  over_80: ['80岁以上', 'Over 80'],
  living_alone: ['独居', 'Living alone'],
  disabled: ['残疾', 'Disabled'],
  subsistence: ['低保', 'Subsistence allowance'],
  left_behind: ['留守', 'Left behind'],
  veteran: ['退役军人', 'Veteran'],
};

export const REGISTERS_LABELS: LabelRegistry = {
  'plugin::registers.building': {
    name: ['楼栋', 'Building'],
    fields: {
      compound: ['所属小区', 'Compound'],
      grid: ['所属网格', 'Grid'],
      number: ['楼号', 'Number'],
      units: ['单元数', 'Units'],
      floors: ['层数', 'Floors'],
      buildingHead: ['楼长', 'Building head'],
      unitHeads: ['单元长', 'Unit heads'],
      lat: ['纬度', 'Latitude'],
      lng: ['经度', 'Longitude'],
      houses: ['房屋', 'Houses'],
    },
  },
  'plugin::registers.house': {
    name: ['房屋', 'House'],
    fields: {
      building: ['所属楼栋', 'Building'],
      unit: ['单元', 'Unit'],
      floor: ['楼层', 'Floor'],
      room: ['房号', 'Room'],
      area: ['面积（㎡）', 'Area (m²)'],
      use: ['用途', 'Use'],
      addressKey: ['房屋地址键', 'Address key'],
      residents: ['实有人口', 'Residents'],
    },
    enums: { use: USE },
  },
  'plugin::registers.resident': {
    name: ['实有人口', 'Resident'],
    fields: {
      house: ['所住房屋', 'House'],
      name: ['姓名', 'Name'],
      idNumber: ['公民身份号码', 'Identity number'],
      phone: ['联系电话', 'Phone'],
      relation: ['与户主关系', 'Relation to householder'],
      type: ['人口类型', 'Type'],
      careTags: ['关爱标签', 'Care tags'],
      partyMember: ['党员', 'Party member'],
    },
    enums: { relation: RELATION, type: RESIDENT_TYPE },
  },
  'plugin::registers.rental': {
    name: ['出租房屋', 'Rental'],
    fields: {
      house: ['房屋', 'House'],
      landlord: ['房东', 'Landlord'],
      landlordPhone: ['房东电话', 'Landlord phone'],
      tenants: ['承租人', 'Tenants'],
      from: ['起租日期', 'From'],
      to: ['到期日期', 'To'],
      occupants: ['居住人数', 'Occupants'],
      purpose: ['用途', 'Purpose'],
      securityPledge: ['已签治安责任书', 'Security pledge signed'],
    },
    enums: { purpose: PURPOSE },
  },
  'plugin::registers.shop': {
    name: ['沿街商铺', 'Shop'],
    fields: {
      name: ['店名', 'Name'],
      operator: ['经营者', 'Operator'],
      operatorPhone: ['经营者电话', 'Operator phone'],
      creditCode: ['统一社会信用代码', 'Unified social credit code'],
      category: ['类别', 'Category'],
      smallVenue: ['九小场所', 'Small venue (fire watch)'],
      fireCheckDate: ['消防检查日期', 'Fire-safety check'],
      grid: ['所属网格', 'Grid'],
      house: ['所在房屋', 'House'],
      address: ['地址', 'Address'],
      lat: ['纬度', 'Latitude'],
      lng: ['经度', 'Longitude'],
    },
    enums: { category: CATEGORY },
  },
  'plugin::registers.firm': {
    name: ['企业', 'Firm'],
    fields: {
      name: ['企业名称', 'Name'],
      creditCode: ['统一社会信用代码', 'Unified social credit code'],
      size: ['规模', 'Size'],
      employees: ['从业人数', 'Employees'],
      contactName: ['联系人', 'Contact'],
      contactPhone: ['联系电话', 'Contact phone'],
      partyOrganisation: ['党组织', 'Party organisation'],
      grid: ['所属网格', 'Grid'],
      address: ['地址', 'Address'],
      lat: ['纬度', 'Latitude'],
      lng: ['经度', 'Longitude'],
    },
    enums: { size: SIZE },
  },
  'plugin::registers.reveal-log': {
    name: ['个人信息查看记录', 'Personal data reveal log'],
    fields: {
      adminUserId: ['查看人 ID', 'Viewer ID'],
      adminUserName: ['查看人', 'Viewer'],
      subjectType: ['记录类型', 'Record type'],
      subjectDocumentId: ['记录', 'Record'],
      field: ['查看项', 'Field'],
      reason: ['查看事由', 'Reason'],
      at: ['查看时间', 'At'],
    },
  },
  'plugin::registers.import-job': {
    name: ['导入任务', 'Import job'],
    fields: {
      registry: ['登记表', 'Registry'],
      ownerId: ['导入人 ID', 'Started by (ID)'],
      scope: ['组织范围', 'Organisation scope'],
      status: ['状态', 'Status'],
      dryRun: ['试导入', 'Dry run'],
      rowsTotal: ['已读行数', 'Rows read'],
      rowsDone: ['已写入行数', 'Rows written'],
      result: ['导入结果', 'Result'],
      error: ['失败原因', 'Error'],
      finishedAt: ['结束时间', 'Finished at'],
    },
    enums: {
      status: {
        queued: ['排队中', 'Queued'],
        validating: ['校验中', 'Validating'],
        committing: ['写入中', 'Committing'],
        done: COMMON.done,
        failed: COMMON.failed,
      },
    },
  },
};
