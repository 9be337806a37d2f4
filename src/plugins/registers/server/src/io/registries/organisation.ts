import { BRANCH, COMPOUND, GRID, REPRESENTATIVE } from '../../uids';
import type { Registry } from './types';

// The app's own organisation and territory (src/api): found again by their code; a representative
// by name within a grid (two namesakes in one grid are one person in practice).
const text = (max = 255) => ({ kind: 'text', max }) as const;
const int = (min = 0) => ({ kind: 'integer', min }) as const;
const phone = { kind: 'personal', mask: 'phone' } as const;

export const branch: Registry = {
  type: 'branch',
  uid: BRANCH,
  name: '党组织',
  filename: 'branches',
  key: ['code'],
  relations: [{ attribute: 'parent', target: 'branch' }],
  columns: [
    { header: '编码', path: 'code', cell: text(), required: true },
    { header: '名称', path: 'name', cell: text(), required: true },
    {
      header: '层级',
      path: 'level',
      required: true,
      cell: {
        kind: 'enumeration',
        values: [
          'county_committee',
          'street_committee',
          'community_branch',
          'compound_group',
          'member_household',
          'project_branch',
          'alliance',
          'unit_branch',
        ],
      },
    },
    { header: '类别', path: 'category', cell: { kind: 'enumeration', values: ['urban', 'rural'] } },
    { header: '上级党组织编码', path: 'parent.code', cell: text(), note: '本组织及下级范围内已有党组织的编码' },
    { header: '书记', path: 'secretary', cell: text() },
    { header: '党员人数', path: 'memberCount', cell: int() },
    { header: '联系电话', path: 'phone', cell: phone },
    { header: '地址', path: 'address', cell: text() },
    { header: '成立日期', path: 'established', cell: { kind: 'date' } },
  ],
};

export const grid: Registry = {
  type: 'grid',
  uid: GRID,
  name: '网格',
  filename: 'grids',
  key: ['code'],
  relations: [
    { attribute: 'branch', target: 'branch' },
    { attribute: 'parent', target: 'grid' },
  ],
  columns: [
    { header: '编码', path: 'code', cell: text(), required: true },
    { header: '名称', path: 'name', cell: text(), required: true },
    {
      header: '网格层级',
      path: 'level',
      required: true,
      cell: { kind: 'enumeration', values: ['base', 'secondary', 'dedicated'] },
    },
    { header: '所属党组织编码', path: 'branch.code', cell: text() },
    { header: '上级网格编码', path: 'parent.code', cell: text() },
    { header: '户数', path: 'households', cell: int() },
    { header: '人口', path: 'population', cell: int() },
  ],
};

export const compound: Registry = {
  type: 'compound',
  uid: COMPOUND,
  name: '小区',
  filename: 'compounds',
  key: ['code'],
  relations: [
    { attribute: 'grid', target: 'grid' },
    { attribute: 'partyGroup', target: 'branch' },
  ],
  columns: [
    { header: '编码', path: 'code', cell: text(), required: true },
    { header: '名称', path: 'name', cell: text(), required: true },
    { header: '网格编码', path: 'grid.code', cell: text() },
    { header: '小区党小组编码', path: 'partyGroup.code', cell: text() },
    { header: '地址', path: 'address', cell: text() },
    { header: '户数', path: 'households', cell: int() },
    { header: '建成年份', path: 'buildYear', cell: { kind: 'integer', min: 1900, max: 2100 } },
    { header: '老旧小区', path: 'isOld', cell: { kind: 'boolean' } },
    { header: '三无小区', path: 'isUnmanaged', cell: { kind: 'boolean' } },
    { header: '红色物业', path: 'redPropertyManagement', cell: { kind: 'boolean' } },
    {
      header: '业主委员会',
      path: 'ownersCommittee',
      cell: { kind: 'enumeration', values: ['none', 'standard', 'red'] },
    },
    { header: '红色管家人数', path: 'stewardCount', cell: int() },
  ],
};

export const representative: Registry = {
  type: 'representative',
  uid: REPRESENTATIVE,
  name: '两代表一委员',
  filename: 'representatives',
  key: ['name', 'grid.code'],
  relations: [{ attribute: 'grid', target: 'grid' }],
  columns: [
    { header: '姓名', path: 'name', cell: text(), required: true },
    { header: '网格编码', path: 'grid.code', cell: text(), required: true },
    {
      header: '类别',
      path: 'kind',
      required: true,
      cell: { kind: 'enumeration', values: ['party_congress', 'peoples_congress', 'cppcc'] },
    },
    {
      header: '层级',
      path: 'level',
      required: true,
      cell: { kind: 'enumeration', values: ['province', 'city', 'county', 'township'] },
    },
    {
      header: '联络站',
      path: 'liaisonStation',
      cell: { kind: 'enumeration', values: ['party_room', 'peoples_station', 'cppcc_home'] },
    },
    { header: '联系电话', path: 'phone', cell: phone },
    { header: '履职情况', path: 'duties', cell: { kind: 'text', max: 5000 } },
  ],
};
