import type { Core } from '@strapi/strapi';
import { DEFAULT_SHEETS } from './defaults';

export const STAR = 'plugin::star-scoring.star';
export const CRITERION = 'plugin::star-scoring.criterion';

export type Sheet = { id: number; key: string; name: string; category: string; passThreshold: number; criteria: any[] };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the default stars and criteria that are missing; returns how many rows it created. */
  async ensureDefaults(): Promise<number> {
    let created = 0;
    for (const category of ['urban', 'rural'] as const) {
      for (const [i, s] of DEFAULT_SHEETS[category].entries()) {
        let star: any = await strapi.db.query(STAR).findOne({ where: { category, key: s.key } });
        if (!star) {
          star = await strapi.documents(STAR as any).create({ data: { key: s.key, category, name: s.name, passThreshold: 80, sortOrder: i + 1 } as any });
          created += 1;
        }
        for (const [j, [code, title, maxPoints, veto, department, evidenceRequired, metricKey]] of s.criteria.entries()) {
          if (await strapi.db.query(CRITERION).findOne({ where: { code }, select: ['id'] })) continue;
          await strapi.documents(CRITERION as any).create({ data: { code, title, maxPoints, veto, department, evidenceRequired, metricKey: metricKey ?? null, sortOrder: j + 1, star: star.documentId } as any });
          created += 1;
        }
      }
    }
    return created;
  },
  /** The five sheets of a category, criteria in sheet order. */
  async forCategory(category: string): Promise<Sheet[]> {
    const stars: any[] = await strapi.db.query(STAR).findMany({ where: { category }, orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }], populate: { criteria: true } });
    return stars.map((s) => ({
      id: s.id, key: s.key, name: s.name, category: s.category, passThreshold: Number(s.passThreshold),
      criteria: [...(s.criteria ?? [])].sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code))
        .map((c) => ({ code: c.code, title: c.title, maxPoints: Number(c.maxPoints), veto: !!c.veto, department: c.department ?? '', evidenceRequired: !!c.evidenceRequired, metricKey: c.metricKey ?? null })),
    }));
  },
  async one(category: string, key: string): Promise<Sheet | undefined> {
    return (await this.forCategory(category)).find((s) => s.key === key);
  },
});
