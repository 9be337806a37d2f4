import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';

interface MetricInput {
  strapi: Core.Strapi;
  branchDocumentId: string;
  year: number;
}

/** What star-scoring's registry accepts (looked up at run time: no import of that plugin). */
interface MetricRegistry {
  register(metric: ReturnType<typeof metricDefinitions>[number]): void;
}

/** Each metric is the one 三率 statement (services/figures.ts) over the branch and the year. */
const rate =
  (part: 'responded' | 'satisfied', whole: 'dispatched' | 'rated') =>
  async ({ strapi, branchDocumentId, year }: MetricInput) => {
    const r = await getService(strapi, 'figures').ofBranch(branchDocumentId, year);
    const p = r?.[part] ?? 0;
    const w = r?.[whole] ?? 0;
    return { value: w ? Math.round((p / w) * 10_000) / 10_000 : 0, figures: { [part]: p, [whole]: w } };
  };

export function metricDefinitions() {
  return [
    {
      key: 'grid-cases.on-time-rate',
      label: { 'zh-Hans': '网格事项响应率（按期办结）', en: 'Grid cases handled on time' },
      unit: 'ratio' as const,
      description: '年内上报的网格事项中，按期限办结数 ÷ 已派单数',
      compute: rate('responded', 'dispatched'),
    },
    {
      key: 'grid-cases.satisfaction-rate',
      label: { 'zh-Hans': '网格事项满意率', en: 'Grid cases rated satisfied' },
      unit: 'ratio' as const,
      description: '年内上报的网格事项中，满意与基本满意数 ÷ 已回访数',
      compute: rate('satisfied', 'rated'),
    },
  ];
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  definitions: metricDefinitions,
  registerWithStarScoring() {
    const registry = strapi.plugin('star-scoring')?.service('metrics') as Partial<MetricRegistry> | undefined;
    if (typeof registry?.register !== 'function') return 0;
    for (const m of metricDefinitions()) registry.register(m);
    return metricDefinitions().length;
  },
});
