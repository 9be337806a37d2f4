import type { ExportTable } from '@grassroots/kit/export';
import { percent, type FiguresRow } from '../../../shared';
import type { FiguresQuery } from '../validation';

const GROUP: Record<FiguresQuery['by'], string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  owner: '承办方',
  category: '事项类别',
};

/** 三率 as staff file it: one row per group of the period, rates in percent. */
export function figuresExport(q: FiguresQuery, rows: FiguresRow[]): ExportTable<FiguresRow> {
  return {
    filename: `grid-cases-${q.by}-${q.from}-${q.to}`,
    sheet: `三率 ${q.from}至${q.to}`,
    rows,
    columns: [
      { header: GROUP[q.by], width: 24, value: (r) => r.name ?? r.key ?? '—' },
      { header: '上报', width: 8, value: (r) => r.reported },
      { header: '受理', width: 8, value: (r) => r.accepted },
      { header: '派单', width: 8, value: (r) => r.dispatched },
      { header: '按期办结', width: 10, value: (r) => r.responded },
      { header: '归档', width: 8, value: (r) => r.archived },
      { header: '回访', width: 8, value: (r) => r.rated },
      { header: '满意（含基本满意）', width: 18, value: (r) => r.satisfied },
      { header: '响应率（%）', width: 12, value: (r) => percent(r.responseRate) },
      { header: '解决率（%）', width: 12, value: (r) => percent(r.resolutionRate) },
      { header: '满意率（%）', width: 12, value: (r) => percent(r.satisfactionRate) },
    ],
  };
}
