import { errors } from '@strapi/utils';

export const CATEGORIES = ['notice', 'announcement', 'publicity', 'news'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface ChannelQuery {
  category?: Category;
  grid?: string;
  branch?: string;
}

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads ?category=&grid=&branch= strictly: an unknown category or a malformed key is a 400 naming it. */
export function parseChannelQuery(query: Record<string, unknown>): ChannelQuery {
  const out: ChannelQuery = {};
  const fail = (field: string, rule: string) => {
    throw new errors.ValidationError(`${field}: ${rule}`, {
      errors: [{ path: [field], message: rule, name: 'ValidationError' }],
    });
  };
  if (query.category !== undefined && query.category !== '') {
    if (!CATEGORIES.includes(query.category as Category))
      fail('category', `must be one of ${CATEGORIES.join(', ')} (应为以下之一：${CATEGORIES.join('、')})`);
    out.category = query.category as Category;
  }
  for (const field of ['grid', 'branch'] as const) {
    const value = query[field];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !KEY.test(value))
      fail(field, 'must be a documentId or a code (letters, digits, - and _) (应为文档 ID 或编码)');
    out[field] = value as string;
  }
  return out;
}

/**
 * Document-service filters for the audience rule: a notice with no audience is for everyone;
 * otherwise it is for the grids/branches it names (by documentId or by code).
 */
export function audienceFilters(q: ChannelQuery): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  if (q.category) and.push({ category: { $eq: q.category } });
  if (q.grid) {
    and.push({
      $or: [
        { audienceGrids: { id: { $null: true } } },
        { audienceGrids: { $or: [{ documentId: { $eq: q.grid } }, { code: { $eq: q.grid } }] } },
      ],
    });
  }
  if (q.branch) {
    and.push({
      $or: [
        { audienceBranches: { id: { $null: true } } },
        { audienceBranches: { $or: [{ documentId: { $eq: q.branch } }, { code: { $eq: q.branch } }] } },
      ],
    });
  }
  return and.length ? { $and: and } : {};
}
