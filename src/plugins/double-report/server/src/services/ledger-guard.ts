import type { Core } from '@strapi/strapi';
import { conflict } from '@grassroots/kit/server';
import { UID } from '../uids';

/**
 * The Content Manager must not bypass the ledger: points rows are never edited or deleted, and a
 * verified check-in (which produced points) is neither deleted nor re-decided there — staff use
 * the revoke route, which writes reversal rows. A done or evaluated list item (item points) is not
 * deleted either. The refusals are DomainErrors: the app's refusals middleware answers them as 409.
 */
const DECISION_FIELDS = ['status', 'minutes', 'rating'] as const;

export function guardLedger(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx, next) => {
    const params = (ctx.params ?? {}) as { documentId?: string; data?: Record<string, unknown> };
    if (ctx.uid === UID.points && (ctx.action === 'update' || ctx.action === 'delete')) {
      throw conflict('points', 'the ledger is append-only; add a correcting entry instead (积分台账不可修改或删除)');
    }
    if (ctx.uid === UID.checkIn && (ctx.action === 'update' || ctx.action === 'delete')) {
      const documentId = params.documentId;
      const data = params.data ?? {};
      const touches = ctx.action === 'delete' || DECISION_FIELDS.some((k) => data[k] !== undefined);
      // One indexed read, only when the decision could change (a check-out sets minutes on a pending row).
      const row: Record<string, unknown> | null =
        touches && documentId
          ? await strapi.db
              .query(UID.checkIn)
              .findOne({ where: { documentId }, select: ['status', ...DECISION_FIELDS] })
          : null;
      // The Content Manager sends every field on save: only a changed value counts.
      const changed = (k: string) => data[k] !== undefined && String(data[k] ?? '') !== String(row?.[k] ?? '');
      const redecides = ctx.action === 'delete' || DECISION_FIELDS.some(changed);
      if (row?.status === 'verified' && redecides) {
        throw conflict(
          'status',
          'a verified check-in has produced points; revoke it instead (已审核签到请使用撤销，积分将冲回)',
        );
      }
    }
    if (ctx.uid === UID.listItem && ctx.action === 'delete' && params.documentId) {
      const item: { status: string } | null = await strapi.db
        .query(UID.listItem)
        .findOne({ where: { documentId: params.documentId }, select: ['status'] });
      if (item && ['done', 'evaluated'].includes(item.status)) {
        throw conflict(
          'status',
          `a ${item.status} item has produced points for its unit and stays on record (已完成事项不可删除)`,
        );
      }
    }
    return next();
  });
}
