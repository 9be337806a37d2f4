import { CARE_TAGS } from '@grassroots/kit/shared';
import { UID } from '../../uids';
import type { Column, Registry } from './types';

// 一表: the registers. A building is found again by (小区编码, 网格编码, 楼栋号) — a building outside any
// compound leaves 小区编码 empty; a house by its address (building, 单元, 房号); a resident by
// identity number; a letting by (house, 起租日期); shops and firms by 统一社会信用代码.
const text = (max = 255) => ({ kind: 'text', max }) as const;
const phone = { kind: 'personal', mask: 'phone' } as const;
const lat = { header: '纬度', path: 'lat', cell: { kind: 'float', min: -90, max: 90 }, note: 'WGS-84' } as const;
const lng = { header: '经度', path: 'lng', cell: { kind: 'float', min: -180, max: 180 }, note: 'WGS-84' } as const;

const buildingKey = (prefix: string): Column[] => [
  { header: '小区编码', path: `${prefix}compound.code`, cell: text(), note: '小区外的楼栋留空并填网格编码' },
  { header: '网格编码', path: `${prefix}grid.code`, cell: text() },
  { header: '楼栋号', path: `${prefix}number`, cell: text(40), required: true },
];
const houseKey = (prefix: string): Column[] => [
  ...buildingKey(`${prefix}building.`),
  { header: '单元', path: `${prefix}unit`, cell: { kind: 'integer', min: 1, max: 50 } },
  { header: '房号', path: `${prefix}room`, cell: text(20), required: true },
];
const keyPaths = (columns: Column[]) => columns.map((c) => c.path);

export const building: Registry = {
  type: 'building',
  uid: UID.building,
  name: '楼栋',
  filename: 'buildings',
  key: keyPaths(buildingKey('')),
  relations: [
    { attribute: 'compound', target: 'compound' },
    { attribute: 'grid', target: 'grid' },
  ],
  columns: [
    ...buildingKey(''),
    { header: '单元数', path: 'units', cell: { kind: 'integer', min: 1, max: 50 } },
    { header: '层数', path: 'floors', cell: { kind: 'integer', min: 1, max: 200 } },
    { header: '楼长', path: 'buildingHead', cell: text(60) },
    lat,
    lng,
  ],
};

export const house: Registry = {
  type: 'house',
  uid: UID.house,
  name: '房屋',
  filename: 'houses',
  key: keyPaths(houseKey('')),
  relations: [{ attribute: 'building', target: 'building' }],
  columns: [
    ...houseKey(''),
    { header: '楼层', path: 'floor', cell: { kind: 'integer', min: -5, max: 200 } },
    { header: '面积', path: 'area', cell: { kind: 'float', min: 0 }, note: '平方米' },
    {
      header: '用途',
      path: 'use',
      required: true,
      cell: { kind: 'enumeration', values: ['owner_occupied', 'rented', 'vacant', 'shop'] },
    },
  ],
};

export const resident: Registry = {
  type: 'resident',
  uid: UID.resident,
  name: '实有人口',
  filename: 'residents',
  key: ['idNumber'],
  // An exported file shows identity numbers masked: the person is then found by house and name.
  maskedKey: [...keyPaths(houseKey('house.')), 'name'],
  relations: [{ attribute: 'house', target: 'house' }],
  columns: [
    {
      header: '公民身份号码',
      path: 'idNumber',
      cell: { kind: 'personal', mask: 'idNumber', check: 'identity' },
      required: true,
      note: '18 位（GB 11643 校验码）；导出的遮蔽值原样导入表示不变',
    },
    { header: '姓名', path: 'name', cell: text(60), required: true },
    ...houseKey('house.'),
    { header: '联系电话', path: 'phone', cell: phone },
    {
      header: '与户主关系',
      path: 'relation',
      cell: {
        kind: 'enumeration',
        values: ['householder', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'tenant', 'other'],
      },
    },
    {
      header: '人口类型',
      path: 'type',
      required: true,
      cell: { kind: 'enumeration', values: ['permanent', 'temporary', 'lodging', 'registered_elsewhere'] },
    },
    {
      header: '关爱标签',
      path: 'careTags',
      cell: { kind: 'personal', mask: 'tags', tags: CARE_TAGS },
      note: '多个用“、”分隔；导出时遮蔽',
    },
    { header: '党员', path: 'partyMember', cell: { kind: 'boolean' } },
  ],
};

export const rental: Registry = {
  type: 'rental',
  uid: UID.rental,
  name: '出租房屋',
  filename: 'rentals',
  key: [...keyPaths(houseKey('house.')), 'from'],
  relations: [{ attribute: 'house', target: 'house' }],
  columns: [
    ...houseKey('house.'),
    { header: '起租日期', path: 'from', cell: { kind: 'date' }, required: true },
    { header: '到期日期', path: 'to', cell: { kind: 'date' } },
    { header: '房东', path: 'landlord', cell: text(60), required: true },
    { header: '房东电话', path: 'landlordPhone', cell: phone },
    { header: '居住人数', path: 'occupants', cell: { kind: 'integer', min: 0, max: 100 } },
    {
      header: '用途',
      path: 'purpose',
      cell: { kind: 'enumeration', values: ['living', 'business', 'storage', 'other'] },
    },
    { header: '治安责任书', path: 'securityPledge', cell: { kind: 'boolean' } },
  ],
};

export const shop: Registry = {
  type: 'shop',
  uid: UID.shop,
  name: '沿街商铺',
  filename: 'shops',
  key: ['creditCode'],
  relations: [{ attribute: 'grid', target: 'grid' }],
  columns: [
    { header: '统一社会信用代码', path: 'creditCode', cell: { kind: 'creditCode' }, required: true },
    { header: '店名', path: 'name', cell: text(120), required: true },
    { header: '经营者', path: 'operator', cell: text(60) },
    { header: '经营者电话', path: 'operatorPhone', cell: phone },
    {
      header: '类别',
      path: 'category',
      cell: {
        kind: 'enumeration',
        values: ['catering', 'retail', 'beauty', 'repair', 'education', 'medical', 'entertainment', 'hotel', 'other'],
      },
    },
    { header: '九小场所', path: 'smallVenue', cell: { kind: 'boolean' } },
    { header: '消防检查日期', path: 'fireCheckDate', cell: { kind: 'date' } },
    { header: '网格编码', path: 'grid.code', cell: text() },
    { header: '地址', path: 'address', cell: text(200) },
    lat,
    lng,
  ],
};

export const firm: Registry = {
  type: 'firm',
  uid: UID.firm,
  name: '企业',
  filename: 'firms',
  key: ['creditCode'],
  relations: [
    { attribute: 'grid', target: 'grid' },
    { attribute: 'partyOrganisation', target: 'branch' },
  ],
  columns: [
    { header: '统一社会信用代码', path: 'creditCode', cell: { kind: 'creditCode' }, required: true },
    { header: '企业名称', path: 'name', cell: text(120), required: true },
    { header: '规模', path: 'size', cell: { kind: 'enumeration', values: ['large', 'medium', 'small', 'micro'] } },
    { header: '从业人数', path: 'employees', cell: { kind: 'integer', min: 0 } },
    { header: '联系人', path: 'contactName', cell: text(60) },
    { header: '联系电话', path: 'contactPhone', cell: phone },
    { header: '党组织编码', path: 'partyOrganisation.code', cell: text() },
    { header: '网格编码', path: 'grid.code', cell: text() },
    { header: '地址', path: 'address', cell: text(200) },
    lat,
    lng,
  ],
};
