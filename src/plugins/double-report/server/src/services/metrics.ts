import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';

interface MetricInput {
  strapi: Core.Strapi;
  branchDocumentId: string;
  year: number;
}

/** What star-scoring's metrics registry accepts (it is looked up at run time, so no import of that plugin). */
interface MetricRegistry {
  register(metric: ReturnType<typeof metricDefinitions>[number]): void;
}

const communityOf = async ({ strapi, branchDocumentId, year }: MetricInput) =>
  (await getService(strapi, 'summary').communities(year)).find((x) => x.documentId === branchDocumentId);

/** Metrics offered to star-scoring's registry (looked up at request time, so load order is irrelevant). */
export function metricDefinitions() {
  return [
    {
      key: 'double-report.hours-per-member',
      label: { 'zh-Hans': '报到党员人均服务时长', en: 'Service hours per reported member' },
      unit: 'hours',
      description: '社区年度已审核服务时长 ÷ 报到该社区的在职党员数',
      compute: async (input: MetricInput) => {
        const r = await communityOf(input);
        return {
          value: r ? r.hoursPerMember : 0,
          figures: { members: r?.members ?? 0, verifiedHours: r?.verifiedHours ?? 0 },
        };
      },
    },
    {
      key: 'double-report.needs-claimed-done',
      label: { 'zh-Hans': '需求清单认领办结率', en: 'Share of needs claimed and done' },
      unit: 'ratio',
      description: '社区需求清单中已办结事项的比例（同时给出认领数）',
      compute: async (input: MetricInput) => {
        const r = await communityOf(input);
        const needs = r?.needs ?? 0;
        return {
          value: r && needs ? Math.round((r.needsDone / needs) * 10000) / 10000 : 0,
          figures: { needs, claimed: r?.needsClaimed ?? 0, done: r?.needsDone ?? 0 },
        };
      },
    },
  ];
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  definitions: metricDefinitions,
  registerWithStarScoring() {
    const registry = strapi.plugin('star-scoring')?.service('metrics') as Partial<MetricRegistry> | undefined;
    if (typeof registry?.register !== 'function') return 0;
    for (const m of metricDefinitions()) registry.register(m);
    return 2;
  },
});
