import type { Core, UID } from '@strapi/strapi';
import { CRITERION, STAR } from '../cache';
import type { Category } from '../types';
import { DEFAULT_SHEETS } from './defaults';

export { CRITERION, STAR };

export interface Criterion {
  code: string;
  title: string;
  maxPoints: number;
  veto: boolean;
  department: string;
  evidenceRequired: boolean;
  metricKey: string | null;
}

export interface Sheet {
  id: number;
  key: string;
  name: string;
  category: string;
  passThreshold: number;
  criteria: Criterion[];
}

interface StarRow {
  id: number;
  documentId: string;
  key: string;
  name: string;
  category: Category;
  passThreshold: number | string;
  criteria?: CriterionRow[];
}
interface CriterionRow {
  code: string;
  title: string;
  maxPoints: number | string;
  veto: boolean | null;
  department: string | null;
  evidenceRequired: boolean | null;
  metricKey: string | null;
  sortOrder: number | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates the default stars and criteria that are missing; returns how many rows it created.
   * Written through the Document Service: register() touches the STAR and CRITERION scopes.
   */
  async ensureDefaults(): Promise<number> {
    let created = 0;
    for (const category of ['urban', 'rural'] as const) {
      for (const [i, s] of DEFAULT_SHEETS[category].entries()) {
        let star = (await strapi.db.query(STAR).findOne({ where: { category, key: s.key } })) as StarRow | null;
        if (!star) {
          star = (await strapi.documents(STAR as UID.ContentType).create({
            data: { key: s.key, category, name: s.name, passThreshold: 80, sortOrder: i + 1 },
          })) as unknown as StarRow;
          created += 1;
        }
        for (const [
          j,
          [code, title, maxPoints, veto, department, evidenceRequired, metricKey],
        ] of s.criteria.entries()) {
          if (await strapi.db.query(CRITERION).findOne({ where: { code }, select: ['id'] })) continue;
          await strapi.documents(CRITERION as UID.ContentType).create({
            data: {
              code,
              title,
              maxPoints,
              veto,
              department,
              evidenceRequired,
              metricKey: metricKey ?? null,
              sortOrder: j + 1,
              star: star.documentId,
            },
          });
          created += 1;
        }
      }
    }
    return created;
  },

  /** The five sheets of a category, criteria in sheet order. */
  async forCategory(category: string): Promise<Sheet[]> {
    const stars = (await strapi.db.query(STAR).findMany({
      where: { category },
      orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }],
      populate: { criteria: true },
    })) as StarRow[];
    return stars.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      category: s.category,
      passThreshold: Number(s.passThreshold),
      criteria: [...(s.criteria ?? [])]
        .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code))
        .map((c) => ({
          code: c.code,
          title: c.title,
          maxPoints: Number(c.maxPoints),
          veto: !!c.veto,
          department: c.department ?? '',
          evidenceRequired: !!c.evidenceRequired,
          metricKey: c.metricKey ?? null,
        })),
    }));
  },

  async one(category: string, key: string): Promise<Sheet | undefined> {
    return (await this.forCategory(category)).find((s) => s.key === key);
  },
});
