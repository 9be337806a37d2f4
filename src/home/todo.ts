import type { Core, UID } from '@strapi/strapi';
import { columnOf, knexOf, scopeFilter, tableOf, type AdminUser } from '../packages/kit/server';
import { GRID_CASES_ON_THE_CLOCK } from '../packages/kit/shared';
import { TODO_KEYS, type TodoItem, type TodoKey } from './contract';

type Where = Record<string, unknown>;

/** One thing that waits for staff: which rows, who may act on them, and the page that handles them. */
interface Waiting {
  uid: string;
  /** The RBAC action (and subject) of the page that handles it: staff without it do not see the line. */
  action: string;
  subject?: string;
  href: string;
  /** Query Engine filter, or a count of its own when the Query Engine cannot say it in one statement. */
  where?: (today: string) => Where;
  count?: (strapi: Core.Strapi, scope: Where | true) => Promise<number>;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Notices never published: a draft row whose document has no published row (one statement). */
async function draftNotices(strapi: Core.Strapi, scope: Where | true): Promise<number> {
  const uid = 'api::notice.notice';
  const table = tableOf(strapi, uid);
  const query = knexOf(strapi)(`${table} as d`)
    .whereNull('d.published_at')
    .whereNotExists((sub) => {
      sub.select(1).from(`${table} as p`).whereRaw('p.document_id = d.document_id').whereNotNull('p.published_at');
    });
  if (scope !== true) {
    for (const [attribute, filter] of Object.entries(scope)) {
      query.where(`d.${columnOf(strapi, uid, attribute)}`, (filter as { $eq: string }).$eq);
    }
  }
  const [row] = await query.countDistinct({ n: 'd.document_id' });
  return Number((row as { n: number | string }).n);
}

export const WAITING: Record<TodoKey, Waiting> = {
  checkInsToVerify: {
    uid: 'plugin::double-report.check-in',
    action: 'plugin::double-report.check-ins.verify',
    href: '/plugins/double-report?tab=queue',
    // The verification queue: checked out, not yet decided.
    where: () => ({ status: 'pending', checkedOutAt: { $notNull: true } }),
  },
  registrationsToAccept: {
    uid: 'plugin::double-report.registration',
    action: 'plugin::double-report.registrations.accept',
    href: '/plugins/double-report',
    where: () => ({ status: 'pending' }),
  },
  assessmentsToSelfAssess: {
    uid: 'plugin::star-scoring.assessment',
    action: 'plugin::star-scoring.assess',
    href: '/plugins/star-scoring',
    where: () => ({ status: 'draft' }),
  },
  assessmentsToReview: {
    uid: 'plugin::star-scoring.assessment',
    action: 'plugin::star-scoring.review',
    href: '/plugins/star-scoring',
    where: () => ({ status: 'self_assessed' }),
  },
  meetingsWithoutMinutes: {
    uid: 'plugin::deliberation.meeting',
    action: 'plugin::deliberation.meetings',
    href: '/plugins/deliberation',
    where: () => ({ status: 'held' }),
  },
  overdueActionItems: {
    uid: 'plugin::deliberation.action-item',
    action: 'plugin::deliberation.action-items',
    href: '/plugins/deliberation/board',
    where: (day) => ({ status: { $in: ['open', 'in_progress'] }, dueDate: { $lt: day } }),
  },
  // 网格事项 on the owner's clock past their deadline (督办台, overdue first).
  overdueGridCases: {
    uid: 'plugin::grid-cases.case',
    action: 'plugin::grid-cases.read',
    href: '/plugins/grid-cases/supervision',
    where: () => ({ status: { $in: [...GRID_CASES_ON_THE_CLOCK] }, dueAt: { $lt: new Date().toISOString() } }),
  },
  // …and those the automatic 督办 has warned (80 % of the limit gone), not yet overdue.
  warnedGridCases: {
    uid: 'plugin::grid-cases.case',
    action: 'plugin::grid-cases.read',
    href: '/plugins/grid-cases/supervision',
    where: () => ({
      status: { $in: [...GRID_CASES_ON_THE_CLOCK] },
      warnedAt: { $notNull: true },
      dueAt: { $gte: new Date().toISOString() },
    }),
  },
  draftNotices: {
    uid: 'api::notice.notice',
    action: 'plugin::content-manager.explorer.publish',
    subject: 'api::notice.notice',
    href: '/content-manager/collection-types/api::notice.notice',
    count: draftNotices,
  },
};

interface Ability {
  can(action: string, subject?: string): boolean;
}

/**
 * What waits for this administrator today, each line counted in one statement inside their
 * organisation (the kit's scopeFilter, the rule every scoped read uses). A type that has no scope
 * columns yet is counted for Super Admins only: a scoped member of staff never sees county-wide numbers.
 */
export async function todo(strapi: Core.Strapi, user: AdminUser, ability: Ability): Promise<TodoItem[]> {
  const filter = await scopeFilter(strapi, user);
  const day = today();
  const items: TodoItem[] = [];
  for (const key of TODO_KEYS) {
    const w = WAITING[key];
    if (!ability.can(w.action, w.subject)) continue;
    const scope = scopeOf(strapi, w.uid, filter);
    if (scope === null) {
      items.push({ key, count: null, href: w.href });
      continue;
    }
    const count = w.count
      ? await w.count(strapi, scope)
      : await strapi.db.query(w.uid).count({ where: { ...w.where?.(day), ...(scope === true ? {} : scope) } });
    items.push({ key, count: Number(count), href: w.href });
  }
  return items;
}

/** The filter on this type's rows, `true` for all of them, or null when the user may see none. */
function scopeOf(strapi: Core.Strapi, uid: string, filter: boolean | Where): Where | true | null {
  if (filter === true) return true;
  if (filter === false) return null;
  const attributes = strapi.getModel(uid as UID.Schema)?.attributes ?? {};
  return Object.keys(filter).every((attribute) => attribute in attributes) ? filter : null;
}
