import type { Core } from '@strapi/strapi';

/** Star-scoring metrics; the registry is optional and looked up at call time. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  definitions() {
    return [
      {
        key: 'deliberation.joint-meetings-per-month',
        label: { 'zh-Hans': '联席会议月均召开次数', en: 'Joint meetings held per month' },
        unit: 'count' as const,
        description: 'Joint meetings (held or later) of councils scoped to the branch or its parent street, divided by 12.',
        compute: async ({ branchDocumentId, year }: { branchDocumentId: string; year: number }) => {
          const branch: any = await (strapi.documents('api::branch.branch') as any).findOne({ documentId: branchDocumentId, populate: { parent: { fields: ['documentId'] } } });
          const scope = [branchDocumentId, branch?.parent?.documentId].filter(Boolean);
          const held = await strapi.db.query('plugin::deliberation.meeting').count({
            where: {
              status: { $in: ['held', 'minutes_draft', 'minutes_approved', 'published'] },
              startAt: { $gte: `${year}-01-01T00:00:00.000Z`, $lt: `${year + 1}-01-01T00:00:00.000Z` },
              council: { kind: 'joint_meeting', branch: { documentId: { $in: scope } } },
            },
          });
          return { value: Math.round((held / 12) * 100) / 100, figures: { held, months: 12 } };
        },
      },
      {
        key: 'deliberation.decisions-closed-on-time',
        label: { 'zh-Hans': '决议按期办结率', en: 'Share of action items verified on time' },
        unit: 'ratio' as const,
        description: 'Action items due in the year whose verification came on or before the due date, over all items due.',
        compute: async ({ branchDocumentId, year }: { branchDocumentId: string; year: number }) => {
          const branch: any = await (strapi.documents('api::branch.branch') as any).findOne({ documentId: branchDocumentId, populate: { parent: { fields: ['documentId'] } } });
          const scope = [branchDocumentId, branch?.parent?.documentId].filter(Boolean);
          const items = await strapi.db.query('plugin::deliberation.action-item').findMany({
            select: ['dueDate', 'verifiedAt', 'status'],
            where: { dueDate: { $gte: `${year}-01-01`, $lte: `${year}-12-31` }, meeting: { council: { branch: { documentId: { $in: scope } } } } },
          });
          const onTime = items.filter((i: any) => i.status === 'verified' && i.verifiedAt && String(new Date(i.verifiedAt).toISOString()).slice(0, 10) <= String(i.dueDate).slice(0, 10)).length;
          return { value: items.length ? Math.round((onTime / items.length) * 1000) / 1000 : 0, figures: { due: items.length, onTime } };
        },
      },
    ];
  },
  registerAll() {
    const registry = strapi.plugin('star-scoring')?.service('metrics') as any;
    if (!registry?.register) return 0;
    for (const d of this.definitions()) registry.register(d);
    return this.definitions().length;
  },
});
