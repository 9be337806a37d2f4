import type { ExportTable } from '@grassroots/kit/export';

/** A member's year as the dashboard's summary returns it. */
export interface MemberYear {
  name: string;
  unit: string | null;
  sessions: number;
  verifiedHours: number;
  pendingHours: number;
  averageRating: number | null;
  points: number;
}

/** The dashboard's member table as staff file it (one row per member reported to the community). */
export function memberExport(year: number, rows: MemberYear[]): ExportTable<MemberYear> {
  return {
    filename: `double-report-${year}`,
    sheet: `${year}年党员服务时长`,
    rows,
    columns: [
      { header: '党员', width: 12, value: (r) => r.name },
      { header: '报到单位', width: 30, value: (r) => r.unit },
      { header: '服务次数', width: 10, value: (r) => r.sessions },
      { header: '已审核时长（小时）', width: 20, value: (r) => r.verifiedHours },
      { header: '待审核时长（小时）', width: 20, value: (r) => r.pendingHours },
      { header: '平均评价', width: 10, value: (r) => r.averageRating },
      { header: '积分', width: 10, value: (r) => r.points },
    ],
  };
}
