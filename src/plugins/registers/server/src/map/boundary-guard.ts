import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { boundaryProblem } from '../../../shared/boundary';
import { GRID } from '../uids';

/**
 * Every write of a grid (Content Manager, REST, import, seed) gets its boundary checked before it is
 * stored: a bad one is a 400 naming `boundary`, and nothing is written. Strapi's own ValidationError
 * (not the kit's DomainError): this plugin's bundled copy of the kit is not the app's, so only
 * Strapi's error class is answered with its field by the Content Manager's error handling.
 */
export function guardBoundaries(strapi: Core.Strapi) {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === GRID && (ctx.action === 'create' || ctx.action === 'update')) {
      const data = (ctx.params as { data?: Record<string, unknown> } | undefined)?.data;
      const problem = data && 'boundary' in data ? boundaryProblem(data.boundary) : null;
      if (problem) {
        const message = `boundary: ${problem}`;
        throw new errors.ValidationError(message, {
          errors: [{ path: ['boundary'], message, name: 'ValidationError' }],
        });
      }
    }
    return next();
  });
}
