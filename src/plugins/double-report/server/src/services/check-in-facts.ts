import type { Core } from '@strapi/strapi';
import { checkInStatements, runPrepared } from './check-in-statements';

export type Member = { id: number; documentId: string };

/** What a check-in's rules read, with the versions the write compares against (PostgreSQL). */
export type Facts = {
  member: Member | null;
  /** A row as activityQuery gives it (qr_ttl_minutes included), or null when there is no such activity. */
  activity: any | null;
  activityVersion: string | null;
  rulesVersion: string | null;
};

// Bounds on what one process remembers; the oldest entries go first.
const MAX_MEMBERS = 50000;
const MAX_ACTIVITIES = 10000;

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/**
 * The member behind an account, the activity and the rule set, remembered between check-ins. Never
 * trusted: the write statement re-reads the same three and writes only when they are still what the
 * rules saw (the activity's and rule set's row versions, the member link), so an entry can make a
 * request retry but never decide it on stale data — on any instance, without invalidation messages.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const members = new Map<number, Member | null>();
  const activities = new Map<string, { row: any; version: string }>();
  let rules: { ttl: number | null; version: string | null } | undefined;
  let statements: ReturnType<typeof checkInStatements> | undefined;

  const compose = (member: Member | null, a: { row: any; version: string } | undefined, r: NonNullable<typeof rules>): Facts => ({
    member,
    activity: a ? { ...a.row, qr_ttl_minutes: r.ttl } : null,
    activityVersion: a?.version ?? null,
    rulesVersion: r.version,
  });

  return {
    statements() {
      statements ??= checkInStatements(strapi);
      return statements;
    },

    async get(userId: number, activityDocumentId: string | null): Promise<Facts> {
      const a = activityDocumentId === null ? undefined : activities.get(activityDocumentId);
      if (members.has(userId) && rules && (activityDocumentId === null || a)) return compose(members.get(userId)!, a, rules);
      const [row] = await runPrepared(strapi, this.statements().facts, [userId, activityDocumentId]);
      const member = row.member_id == null ? null : { id: Number(row.member_id), documentId: row.member_document_id };
      remember(members, userId, member, MAX_MEMBERS);
      rules = { ttl: row.qr_ttl_minutes == null ? null : Number(row.qr_ttl_minutes), version: row.rules_version ?? null };
      let found: { row: any; version: string } | undefined;
      if (row.id != null && activityDocumentId !== null) {
        const { member_id: _m, member_document_id: _d, qr_ttl_minutes: _t, rules_version: _r, version, ...activity } = row;
        found = { row: activity, version };
        remember(activities, activityDocumentId, found, MAX_ACTIVITIES);
      }
      return compose(member, found, rules);
    },

    /** The write found something changed since these facts were read: read them afresh next time. */
    forget(userId: number, activityDocumentId: string | null) {
      members.delete(userId);
      if (activityDocumentId !== null) activities.delete(activityDocumentId);
      rules = undefined;
    },
  };
};
