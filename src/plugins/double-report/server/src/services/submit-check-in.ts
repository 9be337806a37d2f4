import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  asRefusal,
  conflict,
  isPostgres,
  isUniqueViolation,
  knexOf,
  newDocumentId,
  parse,
  toBody,
} from '@grassroots/kit/server';
import { checkInBody } from '../validation';
import { ALREADY_IN, decideCheckIn, type MemberRef } from '../domain/check-in-rules';
import { factsIn, rememberedFacts, type CheckInFacts } from '../check-in/facts';
import { runPrepared, withSeatsLocked, type PgConnection } from '../check-in/statements';
import { answerKey, findKey, hashBody, insertKey, judge, type KeyRow } from '../check-in/idempotency';
import { insertCheckIn, type Allowed } from '../check-in/record';
import { shapeCheckIn } from '../check-in/view';
import { retryBusy } from './busy';

/** What the caller of POST /check-ins gets: a check-in, a refusal, or an earlier answer replayed. */
export interface Answer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** The decision as it is stored under the key: the answer, and the check-in to write when there is one. */
interface Outcome {
  status: number;
  body: unknown;
  checkIn?: Allowed;
}

// A write that keeps finding its facts changed is given up rather than looping.
const ATTEMPTS = 3;

const refusal = (err: unknown): Outcome => {
  const r = asRefusal(err);
  return { status: r.status, body: toBody(r) };
};
const refused = (err: unknown): Answer => ({ ...refusal(err), replayed: false });

/** The answer for a request whose key another request has taken: a replay, 422 or 409. */
function answerFor(row: KeyRow | null | undefined, requestHash: string): Answer {
  try {
    return { ...judge(row, requestHash), replayed: true };
  } catch (err) {
    return refused(err);
  }
}

/** The activity's document id as the body gives it, when it can be one (the rules report a bad one). */
const activityIdOf = (body: unknown): string | null => {
  const a = (body as { activity?: unknown } | null)?.activity;
  return typeof a === 'string' && a.length <= 64 ? a : null;
};

/** The body checked, then the rules (domain/check-in-rules.ts) on the facts: the answer and what to write. */
function decide(body: unknown, member: MemberRef | null, facts: CheckInFacts, now: Date): Outcome {
  try {
    const d = decideCheckIn(member, facts.activity, facts.ruleSet, parse(checkInBody, body), now);
    if (!d.ok) return refusal(d.refusal);
    const checkIn: Allowed = { ...d.value, documentId: newDocumentId() };
    const data = shapeCheckIn(
      {
        documentId: checkIn.documentId,
        checkedInAt: now.toISOString(),
        source: checkIn.source,
        status: 'pending',
        minutes: 0,
        year: checkIn.year,
      },
      checkIn.activity,
    );
    return { status: 201, body: { data }, checkIn };
  } catch (err) {
    return refusal(err);
  }
}

export interface Submission {
  userId: number;
  /** the member behind the account, as the member strategy read it (null: none linked) */
  member: MemberRef | null;
  key: string;
  body: unknown;
}

/**
 * POST /check-ins, the whole story: the caller's Idempotency-Key, the facts, the rules, and one
 * unit of work that writes the key with its answer (a refusal too, so a retry gets the same
 * answer), the check-in row and its relation links. The same key with the same body replays; with
 * another body 422; in flight 409.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const remembered = rememberedFacts(strapi);

  /**
   * PostgreSQL: facts from memory when they are there; the key, the row, its links and the stored
   * answer are ONE statement that writes only if member, activity and rule set are still what the
   * rules saw — one round trip and one commit per check-in (check-in/statements.ts).
   */
  async function viaStatement(s: Submission, requestHash: string, now: Date): Promise<Answer> {
    const scope = `user:${s.userId}`;
    const docId = activityIdOf(s.body);
    const write = async (f: CheckInFacts, o: Outcome, conn?: PgConnection) => {
      const c = o.checkIn;
      const [row] = await runPrepared(
        strapi,
        remembered.statements().record,
        [
          s.userId,
          docId,
          s.member?.id ?? null,
          f.activityVersion,
          f.rulesVersion,
          scope,
          s.key,
          newDocumentId(),
          now,
          requestHash,
          o.status,
          JSON.stringify(o.body),
          c?.documentId ?? null,
          c?.source ?? null,
          c?.year ?? null,
          c?.activityId ?? null,
          c?.openSlot ?? null,
          !!c,
        ],
        conn,
      );
      return row;
    };
    // A capacity: decide again on the seats counted under the activity's lock, and write under it.
    const seated = (f: CheckInFacts, activityId: number) =>
      withSeatsLocked(strapi, activityId, async (taken, conn) => {
        const fresh: CheckInFacts = { ...f, activity: f.activity && { ...f.activity, taken } };
        const o = decide(s.body, s.member, fresh, now);
        return { outcome: o, row: await write(fresh, o, conn) };
      });
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const facts = await remembered.get(docId);
      let outcome = decide(s.body, s.member, facts, now);
      let row: Record<string, unknown>;
      try {
        if (outcome.checkIn && facts.activity?.capacity) {
          ({ outcome, row } = await seated(facts, facts.activity.id));
        } else {
          row = await write(facts, outcome);
        }
      } catch (err) {
        if (!outcome.checkIn || !isUniqueViolation(err)) throw err;
        // The member is checked in already (here or on another instance): that refusal is the answer.
        outcome = refusal(conflict('check-in', ALREADY_IN));
        row = await write(facts, outcome);
      }
      if (Number(row.valid) === 0) {
        // Member link, activity or rule set changed since the facts were read: read afresh, decide again.
        remembered.forget(docId);
        continue;
      }
      if (Number(row.fresh) === 1) return { status: outcome.status, body: outcome.body, replayed: false };
      // The key was taken: by an earlier request (`existing` shows it as it stood when this statement
      // began), or by one that committed while this statement waited for it — still in flight when
      // this request came (judge answers 409 for a row it cannot see).
      return answerFor(row.request_hash == null ? null : (row as unknown as KeyRow), requestHash);
    }
    return refused(conflict('activity', 'changed while checking in, please try again (活动信息刚刚更新，请重试)'));
  }

  /**
   * SQLite (one writer): the same unit as one transaction — facts, rules, the key row with its
   * answer, the check-in row and its links, one commit. A second process waits for the write lock
   * and then finds the key taken; 'database is locked' rolls the whole attempt back and retries it.
   */
  function viaTransaction(s: Submission, requestHash: string, now: Date): Promise<Answer> {
    const scope = `user:${s.userId}`;
    return retryBusy(() =>
      knexOf(strapi).transaction(async (trx: Knex.Transaction): Promise<Answer> => {
        let outcome = decide(s.body, s.member, await factsIn(trx, strapi, activityIdOf(s.body)), now);
        try {
          await insertKey(trx, strapi, {
            documentId: newDocumentId(),
            scope,
            key: s.key,
            requestHash,
            status: outcome.status,
            body: outcome.body,
            now,
          });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          return answerFor(await findKey(trx, strapi, scope, s.key), requestHash);
        }
        if (outcome.checkIn) {
          try {
            await insertCheckIn(trx, strapi, outcome.checkIn);
          } catch (err) {
            if (!isUniqueViolation(err)) throw err;
            // SQLite undoes only the refused statement: the key row is still ours and takes the refusal.
            outcome = refusal(conflict('check-in', ALREADY_IN));
            await answerKey(trx, strapi, scope, s.key, outcome.status, outcome.body, now);
          }
        }
        return { status: outcome.status, body: outcome.body, replayed: false };
      }),
    );
  }

  return {
    async submit(s: Submission, now = new Date()): Promise<Answer> {
      const requestHash = hashBody(s.body);
      return isPostgres(strapi) ? viaStatement(s, requestHash, now) : viaTransaction(s, requestHash, now);
    },
  };
};
