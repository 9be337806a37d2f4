import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { knexOf, readDate, tableOf } from '@grassroots/kit/server';
import { UID } from '../uids';
import { DEFAULT_RULES } from '../services/rules';
import type { ActivityFacts, CheckInRuleSet } from '../domain/check-in-rules';
import { ACTIVITY_COLUMNS, checkInStatements, runPrepared } from './statements';

/** What a check-in's rules read besides the member, with the row versions the PostgreSQL write compares against. */
export interface CheckInFacts {
  activity: ActivityFacts | null;
  ruleSet: CheckInRuleSet;
  activityVersion: string | null;
  rulesVersion: string | null;
}

type Row = Record<string, unknown>;

const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** An activity row (ACTIVITY_COLUMNS, snake_case, either dialect) as the rules read it. */
export function toActivityFacts(row: Row, taken: number | null = null): ActivityFacts {
  return {
    id: Number(row.id),
    documentId: String(row.document_id),
    title: String(row.title),
    kind: String(row.kind),
    startsAt: readDate(row.starts_at) ?? new Date(NaN),
    endsAt: readDate(row.ends_at) ?? new Date(NaN),
    lat: num(row.lat),
    lng: num(row.lng),
    radius: num(row.radius),
    capacity: num(row.capacity),
    qrToken: row.qr_token == null ? null : String(row.qr_token),
    qrRotatedAt: readDate(row.qr_rotated_at),
    taken,
  };
}

/** The rule set's QR lifetime; the defaults until staff have saved the rule set once. */
const ruleSetOf = (ttl: unknown): CheckInRuleSet => ({
  qrTokenTtlMinutes: num(ttl) ?? DEFAULT_RULES.qrTokenTtlMinutes,
});

/** Check-ins holding a seat (not rejected), read only for an activity with a capacity: it changes with every check-in, so it is never remembered. */
async function withTaken(
  db: Knex | Knex.Transaction,
  strapi: Core.Strapi,
  a: ActivityFacts | null,
): Promise<ActivityFacts | null> {
  if (!a?.capacity) return a;
  const row = (await db(tableOf(strapi, UID.checkIn))
    .where('activity_ref', a.id)
    .whereNot('status', 'rejected')
    .count({ n: '*' })
    .first()) as { n: unknown } | undefined;
  return { ...a, taken: Number(row?.n ?? 0) };
}

// Bound on what one process remembers; the oldest entries go first.
const MAX_ACTIVITIES = 10000;

/**
 * PostgreSQL: the activity and the rule set, remembered between check-ins (one facts statement on a
 * miss). Never trusted: the write statement re-reads both row versions and the member link and writes
 * only when they are still what the rules saw, so an entry can make a request retry but never decide
 * it on stale data — on any instance, without invalidation messages. Measured worth it: it saves one
 * round trip of three per check-in (README, Bench).
 */
export function rememberedFacts(strapi: Core.Strapi) {
  const activities = new Map<string, { facts: ActivityFacts; version: string }>();
  let rules: { ruleSet: CheckInRuleSet; version: string | null } | undefined;
  let statements: ReturnType<typeof checkInStatements> | undefined;

  const compose = async (
    a: { facts: ActivityFacts; version: string } | undefined,
    r: NonNullable<typeof rules>,
  ): Promise<CheckInFacts> => ({
    activity: await withTaken(knexOf(strapi), strapi, a?.facts ?? null),
    ruleSet: r.ruleSet,
    activityVersion: a?.version ?? null,
    rulesVersion: r.version,
  });

  return {
    statements() {
      statements ??= checkInStatements(strapi);
      return statements;
    },

    async get(activityDocumentId: string | null): Promise<CheckInFacts> {
      const known = activityDocumentId === null ? undefined : activities.get(activityDocumentId);
      if (rules && (activityDocumentId === null || known)) return compose(known, rules);
      const [row] = await runPrepared(strapi, this.statements().facts, [activityDocumentId]);
      rules = {
        ruleSet: ruleSetOf(row.qr_ttl_minutes),
        version: row.rules_version == null ? null : String(row.rules_version),
      };
      let found: { facts: ActivityFacts; version: string } | undefined;
      if (row.id != null && activityDocumentId !== null) {
        found = { facts: toActivityFacts(row), version: String(row.version) };
        activities.delete(activityDocumentId);
        activities.set(activityDocumentId, found);
        if (activities.size > MAX_ACTIVITIES) activities.delete(activities.keys().next().value as string);
      }
      return compose(found, rules);
    },

    /** The write found something changed since these facts were read: read them afresh next time. */
    forget(activityDocumentId: string | null) {
      if (activityDocumentId !== null) activities.delete(activityDocumentId);
      rules = undefined;
    },
  };
}

/** SQLite: the same facts read inside the check-in's transaction (one writer, so they stay true until it commits). */
export async function factsIn(
  trx: Knex.Transaction,
  strapi: Core.Strapi,
  activityDocumentId: string | null,
): Promise<CheckInFacts> {
  const row = activityDocumentId
    ? ((await trx(tableOf(strapi, UID.activity))
        .where('document_id', activityDocumentId)
        .orderBy('id')
        .first(
          ...ACTIVITY_COLUMNS,
          // The rule set is a single type: its one row, once the admin has saved it.
          trx.raw(
            `(SELECT qr_token_ttl_minutes FROM ${tableOf(strapi, UID.rules)} ORDER BY id LIMIT 1) AS qr_ttl_minutes`,
          ),
        )) as Row | undefined)
    : undefined;
  return {
    activity: await withTaken(trx, strapi, row ? toActivityFacts(row) : null),
    // Without an activity the rules refuse before they read the rule set.
    ruleSet: ruleSetOf(row?.qr_ttl_minutes),
    activityVersion: null,
    rulesVersion: null,
  };
}
