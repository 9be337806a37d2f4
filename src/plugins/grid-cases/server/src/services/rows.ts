import type { Core } from '@strapi/strapi';
import { readDate } from '@grassroots/kit/server';
import { ON_THE_CLOCK, urgency } from '../../../shared';
import { UID } from '../uids';
import type { CaseRow, EventRow } from '../types';

/** The relations every case view needs, in one Query Engine read. */
export const CASE_POPULATE = {
  category: { select: ['id', 'documentId', 'name', 'timeLimitDays', 'active'] },
  grid: { select: ['id', 'documentId', 'name'] },
  compound: { select: ['id', 'documentId'] },
  ownerUnit: { select: ['id', 'documentId', 'name'], populate: { account: { select: ['id'] } } },
  ownerAccount: { select: ['id', 'documentId', 'name', 'kind'], populate: { account: { select: ['id'] } } },
  reporter: { select: ['id', 'documentId'] },
  parent: { select: ['id', 'documentId'] },
  mergedInto: { select: ['id', 'documentId'] },
} as const;

export const caseRow = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<CaseRow | null> =>
  (await strapi.db.query(UID.case).findOne({ where, populate: CASE_POPULATE })) as CaseRow | null;

export const caseRows = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
  orderBy: unknown,
  limit: number,
  offset = 0,
): Promise<CaseRow[]> =>
  (await strapi.db
    .query(UID.case)
    .findMany({ where, populate: CASE_POPULATE, orderBy: orderBy as never, limit, offset })) as CaseRow[];

export const iso = (v: unknown): string | null => readDate(v)?.toISOString() ?? null;
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** Where a running case stands against its deadline now (null when no deadline runs). */
export function urgencyOf(row: CaseRow, now = new Date()) {
  const from = readDate(row.dispatchedAt);
  const due = readDate(row.dueAt);
  if (!from || !due || !ON_THE_CLOCK.includes(row.status)) return null;
  return urgency(from, due, now);
}

/** The case as staff, its reporter and its owner see it (never the reporter's account or contact). */
export function caseView(row: CaseRow) {
  return {
    documentId: row.documentId,
    title: row.title,
    description: row.description,
    status: row.status,
    level: row.level,
    source: row.source,
    category: row.category
      ? { documentId: row.category.documentId, name: row.category.name, timeLimitDays: row.category.timeLimitDays }
      : null,
    grid: row.grid ? { documentId: row.grid.documentId, name: row.grid.name } : null,
    building: row.building ?? null,
    lat: num(row.lat),
    lng: num(row.lng),
    owner: row.ownerKind
      ? {
          kind: row.ownerKind,
          name: row.ownerName ?? '',
          unit: row.ownerUnit?.documentId ?? null,
          account: row.ownerAccount?.documentId ?? null,
        }
      : null,
    reportedAt: iso(row.reportedAt) ?? '',
    acceptedAt: iso(row.acceptedAt),
    dispatchedAt: iso(row.dispatchedAt),
    dueAt: iso(row.dueAt),
    signedAt: iso(row.signedAt),
    handledAt: iso(row.handledAt),
    verifiedAt: iso(row.verifiedAt),
    ratedAt: iso(row.ratedAt),
    archivedAt: iso(row.archivedAt),
    urgency: urgencyOf(row),
    handledOnTime: row.handledOnTime === null || row.handledOnTime === undefined ? null : Boolean(row.handledOnTime),
    result: row.result ?? null,
    returnReason: row.returnReason ?? null,
    satisfaction: row.satisfaction ?? null,
    reopened: Boolean(row.reopened),
    extension: {
      status: row.extensionStatus ?? 'not_requested',
      days: row.extensionDays ?? null,
      reason: row.extensionReason ?? null,
    },
    parent: row.parent?.documentId ?? null,
    mergedInto: row.mergedInto?.documentId ?? null,
  };
}
export type CaseView = ReturnType<typeof caseView>;

/** The public status page of a case: no reporter, contact, location or account of anyone. */
export function publicView(row: CaseRow) {
  return {
    documentId: row.documentId,
    title: row.title,
    description: row.description,
    status: row.status,
    level: row.level,
    source: row.source,
    category: row.category?.name ?? null,
    grid: row.grid?.name ?? null,
    ownerName: row.ownerName ?? null,
    reportedAt: iso(row.reportedAt) ?? '',
    dispatchedAt: iso(row.dispatchedAt),
    dueAt: iso(row.dueAt),
    handledAt: iso(row.handledAt),
    archivedAt: iso(row.archivedAt),
    result: row.result ?? null,
    satisfaction: row.satisfaction ?? null,
    mergedInto: row.mergedInto?.documentId ?? null,
  };
}

export async function eventsOf(strapi: Core.Strapi, caseId: number): Promise<EventRow[]> {
  return (await strapi.db.query(UID.event).findMany({
    where: { case: { id: caseId } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  })) as EventRow[];
}

/** A step of the history; `withActor` for staff only (the public never sees who). */
export const eventView = (e: EventRow, withActor: boolean) => ({
  from: e.fromStatus ?? null,
  to: e.toStatus,
  action: e.action,
  at: iso(e.at) ?? '',
  reason: e.reason ?? null,
  ...(withActor ? { actorKind: e.actorKind, actorId: e.actorId ?? null } : {}),
});
