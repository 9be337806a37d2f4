import type { Core } from '@strapi/strapi';
import { knexOf, readDate, requireMove, tableOf } from '@grassroots/kit/server';
import { FLOWS, type Subject } from '../../../shared';
import { repo } from '../documents';
import { UID } from '../uids';
import type { TrailStep } from '../types';

/** Checks a status change against the shared flow and records it (who, when, from, to, why). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** 409 naming `status` and the allowed moves when the flow forbids the move. */
  assert(subject: Subject, from: string, to: string): void {
    requireMove<string>(FLOWS[subject], 'status', from, to, subject);
  },
  async record(
    subject: Subject,
    subjectId: string,
    from: string | null,
    to: string,
    actor: string,
    reason?: string,
  ): Promise<void> {
    await repo(strapi, UID.transition).create({
      data: {
        subjectType: subject,
        subjectId,
        fromStatus: from,
        toStatus: to,
        actor,
        reason: reason ?? null,
        at: new Date().toISOString(),
      },
    });
  },
  /** The trails of several subjects in one statement, oldest step first. */
  async trail(subject: Subject, subjectIds: string[]): Promise<TrailStep[]> {
    if (!subjectIds.length) return [];
    const rows: TrailStep[] = await knexOf(strapi)(tableOf(strapi, UID.transition))
      .select('subject_id as subjectId', 'from_status as from', 'to_status as to', 'at', 'reason')
      .where('subject_type', subject)
      .whereIn('subject_id', subjectIds)
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    // A raw select gets SQLite's epoch milliseconds or PostgreSQL's Date: the API sends ISO strings on both.
    return rows.map((r) => ({ ...r, at: readDate(r.at)?.toISOString() ?? String(r.at) }));
  },
});
