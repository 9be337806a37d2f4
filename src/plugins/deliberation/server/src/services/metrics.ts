import type { Core } from '@strapi/strapi';
import { repo } from '../documents';
import { UID } from '../uids';

export interface MetricInput {
  branchDocumentId: string;
  year: number;
}
export interface MetricDefinition {
  key: string;
  label: Record<string, string>;
  unit: 'count' | 'ratio';
  description: string;
  compute: (input: MetricInput) => Promise<{ value: number; figures: Record<string, number> }>;
}
/** The part of star-scoring's metric registry this plugin uses (the plugin may be absent). */
interface MetricRegistry {
  register?: (definition: MetricDefinition) => void;
}

/** Star-scoring metrics; the registry is optional and looked up at call time. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The branch and its parent street: councils of either count for the branch. */
  async function scopeOf(branchDocumentId: string): Promise<string[]> {
    const branch = await repo<{ documentId: string; parent?: { documentId: string } | null }>(
      strapi,
      'api::branch.branch',
    ).findOne({
      documentId: branchDocumentId,
      populate: { parent: { fields: ['documentId'] } },
    });
    return [branchDocumentId, branch?.parent?.documentId].filter((x): x is string => !!x);
  }

  return {
    definitions(): MetricDefinition[] {
      return [
        {
          key: 'deliberation.joint-meetings-per-month',
          label: { 'zh-Hans': '联席会议月均召开次数', en: 'Joint meetings held per month' },
          unit: 'count',
          description:
            'Joint meetings (held or later) of councils scoped to the branch or its parent street, divided by 12.',
          compute: async ({ branchDocumentId, year }) => {
            const scope = await scopeOf(branchDocumentId);
            const held = await strapi.db.query(UID.meeting).count({
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
          unit: 'ratio',
          description:
            'Action items due in the year whose verification came on or before the due date, over all items due.',
          compute: async ({ branchDocumentId, year }) => {
            const scope = await scopeOf(branchDocumentId);
            const items: Array<{ dueDate: string; verifiedAt: string | null; status: string }> = await strapi.db
              .query(UID.item)
              .findMany({
                select: ['dueDate', 'verifiedAt', 'status'],
                where: {
                  dueDate: { $gte: `${year}-01-01`, $lte: `${year}-12-31` },
                  meeting: { council: { branch: { documentId: { $in: scope } } } },
                },
              });
            const onTime = items.filter(
              (i) =>
                i.status === 'verified' &&
                i.verifiedAt &&
                new Date(i.verifiedAt).toISOString().slice(0, 10) <= String(i.dueDate).slice(0, 10),
            ).length;
            return {
              value: items.length ? Math.round((onTime / items.length) * 1000) / 1000 : 0,
              figures: { due: items.length, onTime },
            };
          },
        },
      ];
    },
    registerAll(): number {
      const registry = strapi.plugin('star-scoring')?.service('metrics') as MetricRegistry | undefined;
      if (!registry?.register) return 0;
      const definitions = this.definitions();
      for (const d of definitions) registry.register(d);
      return definitions.length;
    },
  };
};
