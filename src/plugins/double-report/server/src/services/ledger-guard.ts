import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { HttpError } from './http-error';

/**
 * The Content Manager must not bypass the ledger: points rows are never edited or deleted, and a
 * verified check-in (which produced points) is neither deleted nor re-decided there — staff use
 * the revoke route, which writes reversal rows. A done or evaluated list item (item points) is not deleted either. An error carrying a status < 500 is shown as such.
 */
const DECISION_FIELDS = ['status', 'minutes', 'rating'];

export function guardLedger(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx: any, next: any) => {
    if (ctx.uid === UID.points && ['update', 'delete'].includes(ctx.action)) {
      throw new HttpError(409, 'points: the ledger is append-only; add a correcting entry instead (积分台账不可修改或删除)');
    }
    if (ctx.uid === UID.checkIn && ['update', 'delete'].includes(ctx.action)) {
      const documentId = ctx.params?.documentId;
      const data = ctx.params?.data ?? {};
      const touches = ctx.action === 'delete' || DECISION_FIELDS.some((k) => data[k] !== undefined);
      // One indexed read, only when the decision could change (a check-out sets minutes on a pending row).
      const row: any = touches && documentId ? await strapi.db.query(UID.checkIn as any).findOne({ where: { documentId }, select: ['status', ...DECISION_FIELDS] }) : null;
      // The Content Manager sends every field on save: only a changed value counts.
      const changed = (k: string) => data[k] !== undefined && String(data[k] ?? '') !== String(row?.[k] ?? '');
      const redecides = ctx.action === 'delete' || DECISION_FIELDS.some(changed);
      if (row?.status === 'verified' && redecides) {
        throw new HttpError(409, 'status: a verified check-in has produced points; revoke it instead (已审核签到请使用撤销，积分将冲回)');
      }
    }
    if (ctx.uid === UID.listItem && ctx.action === 'delete' && ctx.params?.documentId) {
      const item: any = await strapi.db.query(UID.listItem as any).findOne({ where: { documentId: ctx.params.documentId }, select: ['status'] });
      if (item && ['done', 'evaluated'].includes(item.status)) {
        throw new HttpError(409, `status: a ${item.status} item has produced points for its unit and stays on record (已完成事项不可删除)`);
      }
    }
    return next();
  });
}
