import type { ExportTable } from '@grassroots/kit/export';
import { CATEGORY_LABELS } from '../../../shared/labels';
import type { RankingRow } from '../services/rankings';

/**
 * The ranking bulletin as staff file it: star names from the configured sheets (an editable name,
 * never the stored key), the category in words.
 */
export function rankingExport(
  year: number,
  rows: RankingRow[],
  starNames: Map<string, string>,
): ExportTable<RankingRow> {
  return {
    filename: `star-ranking-${year}`,
    sheet: `${year}年排名通报`,
    rows,
    columns: [
      { header: '排名', width: 8, value: (r) => r.rank },
      { header: '编码', width: 12, value: (r) => r.branch.code },
      { header: '党组织', width: 30, value: (r) => r.branch.name },
      { header: '类别', width: 10, value: (r) => (r.branch.category ? CATEGORY_LABELS[r.branch.category] : '') },
      { header: '星级', width: 8, value: (r) => r.level },
      { header: '所获星', width: 50, value: (r) => r.stars.map((k) => starNames.get(k) ?? k).join('、') },
      { header: '总分', width: 10, value: (r) => r.totalPoints },
    ],
  };
}
