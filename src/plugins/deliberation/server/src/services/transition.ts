import type { Core } from '@strapi/strapi';
import { allowed, FLOWS } from './flows';
import { invalid } from './errors';

type Subject = keyof typeof FLOWS;

/** Checks a status change against the flow and records it (who, when, from, to, why). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  assert(subject: Subject, from: string, to: string) {
    if (!allowed(subject, from, to)) {
      const next = FLOWS[subject][from] ?? [];
      throw invalid('status', `${subject} cannot go from ${from} to ${to} (allowed: ${next.join(', ') || 'none'})`);
    }
  },
  async record(subject: Subject, subjectId: string, from: string | null, to: string, actor: string, reason?: string) {
    await strapi.documents('plugin::deliberation.transition').create({
      data: { subjectType: subject, subjectId, fromStatus: from, toStatus: to, actor, reason: reason ?? null, at: new Date().toISOString() } as any,
    });
  },
  async trail(subject: Subject, subjectIds: string[]) {
    if (!subjectIds.length) return [];
    return strapi.db
      .connection('deliberation_transitions')
      .select('subject_id as subjectId', 'from_status as from', 'to_status as to', 'at', 'reason')
      .where('subject_type', subject)
      .whereIn('subject_id', subjectIds)
      .orderBy([{ column: 'at', order: 'asc' }, { column: 'id', order: 'asc' }]);
  },
});
