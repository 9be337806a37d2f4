import { MEMBER, UNIT } from '../../uids';
import type { Registry } from './types';

// 双报到: a unit is found again by its name within the community it reports to; an in-service member
// by name within that community (the registration desk knows members by name, not by a number).
const phone = { kind: 'personal', mask: 'phone' } as const;

export const unit: Registry = {
  type: 'unit',
  uid: UNIT,
  name: '报到单位',
  filename: 'units',
  key: ['name', 'community.code'],
  relations: [
    { attribute: 'community', target: 'branch' },
    { attribute: 'branch', target: 'branch' },
  ],
  columns: [
    { header: '单位名称', path: 'name', cell: { kind: 'text', max: 120 }, required: true },
    { header: '报到社区编码', path: 'community.code', cell: { kind: 'text' }, required: true },
    { header: '单位党组织编码', path: 'branch.code', cell: { kind: 'text' } },
    { header: '联系人', path: 'contactName', cell: { kind: 'text', max: 60 } },
    { header: '联系电话', path: 'contactPhone', cell: phone },
  ],
};

export const member: Registry = {
  type: 'member',
  uid: MEMBER,
  name: '在职党员',
  filename: 'members',
  key: ['name', 'community.code'],
  relations: [
    { attribute: 'community', target: 'branch' },
    { attribute: 'unit', target: 'unit' },
  ],
  columns: [
    { header: '姓名', path: 'name', cell: { kind: 'text', max: 60 }, required: true },
    { header: '报到社区编码', path: 'community.code', cell: { kind: 'text' }, required: true },
    { header: '所在单位名称', path: 'unit.name', cell: { kind: 'text', max: 120 } },
    {
      header: '所在单位报到社区编码',
      path: 'unit.community.code',
      cell: { kind: 'text' },
      note: '与“所在单位名称”一起确定单位',
    },
    { header: '联系电话', path: 'phone', cell: phone },
  ],
};
