import type { Core } from '@strapi/strapi';
import { rescope } from '@grassroots/kit/server';
import { UID } from './uids';

/**
 * Points rows are written by the verification, reversal and item services with the Query Engine
 * (not the Document Service, whose scope middleware would place them): each new row takes its
 * member's (else its unit's) organisation in the same transaction.
 */
export function scopeLedgerRows(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [UID.points],
    async afterCreate(event) {
      const id = (event.result as { id?: unknown } | undefined)?.id;
      if (typeof id === 'number') await rescope(strapi, UID.points, [id]);
    },
  });
}
