import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ownerAccountProblem } from '../../shared';
import { UID } from './uids';

type Stored = { kind: string; organisation?: { level?: string } | null } | null;

/**
 * Every write of an owner account (Content Manager, seed, any service) is checked as stored: its kind
 * against the level of the organisation it serves. Read back inside the write's transaction, so any
 * relation form the caller used (documentId, connect, set) is judged by its result, and a refusal
 * leaves nothing written. Strapi's ValidationError: the Content Manager answers it as a 400 naming the field.
 */
export function guardOwnerAccounts(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== UID.ownerAccount || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId !== 'string') return result;
      const row = (await strapi.db.query(UID.ownerAccount as StrapiUID.Schema).findOne({
        where: { documentId },
        select: ['kind'],
        populate: { organisation: { select: ['level'] } },
      })) as Stored;
      const problem = row && ownerAccountProblem(row.kind, row.organisation?.level);
      if (problem) {
        const message = `${problem.field}: ${problem.message}`;
        throw new errors.ValidationError(message, {
          errors: [{ path: [problem.field], message, name: 'ValidationError' }],
        });
      }
      return result;
    });
  });
}
