import type { Core } from '@strapi/strapi';
import { forbidden, invalid } from '@grassroots/kit/server';
import { UID } from '../uids';
import { canReadCare, isContentManagerRequest, isStaffRequest } from './access';
import { CARE_FIELD, maskRecord, PERSONAL_KIND } from './fields';
import { writeHouseKeys } from './house-key';
import { prepareWrite } from './validate';

interface DocumentContext {
  uid: string;
  action: string;
  params?: { data?: Record<string, unknown>; documentId?: string; filters?: unknown; sort?: unknown };
}
type Next = () => Promise<unknown>;

/** The first personal field a filter or sort names (a filter on a masked value would be an oracle for it). */
function personalKey(value: unknown): string | undefined {
  if (typeof value === 'string') return Object.keys(PERSONAL_KIND).find((k) => value.split(/[.:,]/).includes(k));
  if (Array.isArray(value)) return value.map(personalKey).find(Boolean);
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (key in PERSONAL_KIND || key === CARE_FIELD) return key;
    const inner = personalKey(v);
    if (inner) return inner;
  }
  return undefined;
}

const REGISTERS = new Set<string>(Object.values(UID));
const WRITES = new Set(['create', 'update', 'clone']);
/** The reveal log is written by the reveal service alone (Query Engine); no document-service write reaches it. */
const LOG_WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * Personal data of the registers, whoever reads or writes through the Document Service (the Content
 * Manager above all, which shows private fields to staff):
 * - what goes back to staff has identity numbers and phones masked, and care tags only for `care`;
 * - what comes in is checked (identity number, credit code, phone) and a masked value keeps the
 *   stored one, so an edit form that shows `138****5678` saves without wiping the phone;
 * - a house's address key is written in the write's transaction (unique index on it);
 * - staff cannot filter or sort on a personal value in the Content Manager (nor search it: `searchable: false`), which
 *   would let them guess it one character at a time;
 * - the reveal log takes no write at all, not even a Super Admin's in the Content Manager.
 * Code outside a request (seed, jobs) reads stored values; reveal reads them by the Query Engine.
 */
export function personalDataMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: Next): Promise<unknown> => {
    if (!REGISTERS.has(context.uid)) return next();
    if (context.uid === UID.revealLog && LOG_WRITES.has(context.action))
      throw forbidden('revealLog: the reveal log is append-only (查看记录只增不改，不可修改或删除)', 'revealLog');
    const care = canReadCare(strapi);
    if (isContentManagerRequest(strapi)) {
      const key = personalKey(context.params?.filters) ?? personalKey(context.params?.sort);
      if (key) throw invalid(key, 'personal data cannot be filtered or sorted on (个人信息不可用于筛选或排序)');
    }
    const data = context.params?.data;
    if (WRITES.has(context.action) && data && typeof data === 'object') prepareWrite(context.uid, data, care);

    const run =
      context.uid === UID.house && WRITES.has(context.action)
        ? () =>
            strapi.db.transaction(async ({ trx }) => {
              const result = await next();
              const documentId = (result as { documentId?: string } | null)?.documentId ?? context.params?.documentId;
              if (documentId) await writeHouseKeys(strapi, trx, documentId);
              return result;
            })
        : next;
    const result = await run();
    return isStaffRequest(strapi) ? maskRecord(result, care) : result;
  };
}
