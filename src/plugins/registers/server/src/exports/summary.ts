import type { ExportTable } from '@grassroots/kit/export';
import type { SheetRow } from '../services/sheet';

/** 网格基础信息汇总表 as staff file it: one row per grid, the counts of the sheet. */
export function summaryExport(rows: SheetRow[]): ExportTable<SheetRow> {
  const n = (header: string, pick: (r: SheetRow) => number) => ({ header, width: 10, value: pick });
  return {
    filename: 'registers-grid-sheet',
    sheet: '网格基础信息汇总表',
    rows,
    columns: [
      { header: '网格编码', width: 12, value: (r) => r.code },
      { header: '网格', width: 28, value: (r) => r.name },
      n('小区', (r) => r.compounds),
      n('楼栋', (r) => r.buildings),
      n('房屋', (r) => r.houses),
      n('自住', (r) => r.ownerOccupied),
      n('出租', (r) => r.rented),
      n('空置', (r) => r.vacant),
      n('商铺', (r) => r.shopHouses),
      n('实有人口', (r) => r.residents),
      n('常住', (r) => r.permanent),
      n('暂住', (r) => r.temporary),
      n('寄住', (r) => r.lodging),
      n('人户分离', (r) => r.registeredElsewhere),
      n('党员', (r) => r.partyMembers),
      n('出租房屋（在租）', (r) => r.rentals),
      n('沿街商铺', (r) => r.shops),
      n('企业', (r) => r.firms),
      n('党组织', (r) => r.partyOrganisations),
    ],
  };
}
