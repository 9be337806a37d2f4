import type { ExportTable } from '@grassroots/kit/export';
import { enumLabel } from '@grassroots/kit/shared';
import { percent, type DutiesRow } from '../../../shared';
import { REPRESENTATIVE } from '../uids';
import type { DutiesQuery } from '../validation';

/** 代表委员履职 as staff file it: one row per representative, rates in percent. */
export function dutiesExport(q: DutiesQuery, rows: DutiesRow[]): ExportTable<DutiesRow> {
  const period = q.from || q.to ? `${q.from ?? ''}至${q.to ?? ''}` : '全部';
  return {
    filename: `grid-cases-representatives-${q.from ?? 'all'}-${q.to ?? 'all'}`,
    sheet: `代表委员履职 ${period}`,
    rows,
    columns: [
      { header: '姓名', width: 12, value: (r) => r.name },
      { header: '类别', width: 10, value: (r) => enumLabel(REPRESENTATIVE, 'kind', r.kind) },
      { header: '网格', width: 20, value: (r) => r.grid?.name ?? '—' },
      { header: '提出建议', width: 10, value: (r) => r.raised },
      { header: '办结', width: 8, value: (r) => r.closed },
      { header: '办理中', width: 8, value: (r) => r.open },
      { header: '超期', width: 8, value: (r) => r.overdue },
      { header: '回访', width: 8, value: (r) => r.rated },
      { header: '满意（含基本满意）', width: 18, value: (r) => r.satisfied },
      { header: '办结率（%）', width: 12, value: (r) => percent(r.closedRate) },
      { header: '满意率（%）', width: 12, value: (r) => percent(r.satisfactionRate) },
    ],
  };
}
