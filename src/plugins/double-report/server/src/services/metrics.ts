import type { Core } from '@strapi/strapi';

/** Metrics offered to star-scoring's registry (looked up at request time, so load order is irrelevant). */
export function metricDefinitions() {
  return [
    {
      key: 'double-report.hours-per-member',
      label: { 'zh-Hans': '报到党员人均服务时长', en: 'Service hours per reported member' },
      unit: 'hours',
      description: '社区年度已审核服务时长 ÷ 报到该社区的在职党员数',
      compute: async ({ strapi, branchDocumentId, year }: { strapi: Core.Strapi; branchDocumentId: string; year: number }) => {
        const rows = await strapi.plugin('double-report').service('summary').communities(year);
        const r = rows.find((x: any) => x.documentId === branchDocumentId);
        return { value: r ? r.hoursPerMember : 0, figures: { members: r?.members ?? 0, verifiedHours: r?.verifiedHours ?? 0 } };
      },
    },
    {
      key: 'double-report.needs-claimed-done',
      label: { 'zh-Hans': '需求清单认领办结率', en: 'Share of needs claimed and done' },
      unit: 'ratio',
      description: '社区需求清单中已办结事项的比例（同时给出认领数）',
      compute: async ({ strapi, branchDocumentId, year }: { strapi: Core.Strapi; branchDocumentId: string; year: number }) => {
        const rows = await strapi.plugin('double-report').service('summary').communities(year);
        const r = rows.find((x: any) => x.documentId === branchDocumentId);
        const needs = r?.needs ?? 0;
        return { value: needs ? Math.round((r.needsDone / needs) * 10000) / 10000 : 0, figures: { needs, claimed: r?.needsClaimed ?? 0, done: r?.needsDone ?? 0 } };
      },
    },
  ];
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  definitions: metricDefinitions,
  registerWithStarScoring() {
    const registry: any = strapi.plugin('star-scoring')?.service('metrics');
    if (typeof registry?.register !== 'function') return 0;
    for (const m of metricDefinitions()) registry.register(m);
    return 2;
  },
});
