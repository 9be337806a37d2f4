import type { Core } from '@strapi/strapi';
import { checkInBody } from '../validation';
import { UID, isPostgres, link, memberOfAccount, newDocumentId, table } from './tables';
import { activityQuery, type Prepared } from './check-in';
import { hashBody, judge, type Replay } from './idempotency';
import { retryBusy } from './busy';
import { runPrepared } from './check-in-statements';
import type { Facts, Member } from './check-in-facts';
import { HttpError, conflict, forbidden, isUniqueViolation, parse, toBody } from './http-error';

/** What the caller of POST /check-ins gets: a check-in, a refusal, or an earlier answer replayed. */
export type Answer = { status: number; body: unknown; replayed: boolean };

type Outcome = { status: number; body: unknown; prepared?: Prepared };

const ALREADY_IN = 'check-in: already checked in to this activity (已签到，请先签退)';
// A write that keeps finding its facts changed is given up rather than looping.
const ATTEMPTS = 3;

const refusal = (err: unknown): Outcome => {
  if (!(err instanceof HttpError)) throw err;
  return { status: err.status, body: toBody(err) };
};
const refused = (err: unknown): Answer => ({ ...refusal(err), replayed: false });

/** The answer for a request whose key another request has taken: a replay, 422 or 409. */
function answerFor(row: any, requestHash: string): Answer {
  try {
    const b: Replay = judge(row, requestHash);
    return { status: b.status, body: b.body, replayed: true };
  } catch (err) {
    return refused(err);
  }
}

/** The activity's document id as the body gives it, when it can be one (the rules report a bad one). */
const activityIdOf = (body: any): string | null => (typeof body?.activity === 'string' && body.activity.length <= 64 ? body.activity : null);

/**
 * POST /check-ins as one unit: the caller's Idempotency-Key, the check-in rules, the row with its
 * relation links, and the answer stored under the key — a refusal too, so that a retry gets the
 * same answer. The same key with the same body replays; with another body 422; in flight 409.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = () => strapi.plugin('double-report').service('check-in');
  const idem = () => strapi.plugin('double-report').service('idempotency');

  /** Parses the body and runs the rules against what the caller and the activity are now. */
  async function decide(body: unknown, member: Member | null, activity: any, now: Date, db?: any): Promise<Outcome> {
    try {
      const input = parse(checkInBody, body);
      if (!member) throw forbidden('account: not linked to a reported member (账号未关联在职党员)');
      const prepared: Prepared = await rules().prepare(member, input, activity, now, db);
      return { status: 201, body: { data: prepared.data }, prepared };
    } catch (err) {
      return refusal(err);
    }
  }

  /**
   * PostgreSQL: the facts come from memory when they are there, and the key, the row, its links and
   * the stored answer are one statement that writes only if those facts are still current — one
   * round trip and one commit per check-in. See check-in-statements.ts.
   */
  async function viaStatement(userId: number, key: string, requestHash: string, body: any, now: Date): Promise<Answer> {
    const facts = strapi.plugin('double-report').service('check-in-facts');
    const scope = `user:${userId}`;
    const docId = activityIdOf(body);
    const write = async (f: Facts, o: Outcome) => {
      const p = o.prepared;
      const [row] = await runPrepared(strapi, facts.statements().record, [
        userId, docId, f.member?.id ?? null, f.activityVersion, f.rulesVersion,
        scope, key, newDocumentId(), now, requestHash, o.status, JSON.stringify(o.body),
        p?.row.document_id ?? null, p?.row.source ?? null, p?.row.year ?? null, p?.activityId ?? null, p?.row.open_slot ?? null, !!p,
      ]);
      return row;
    };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const f: Facts = await facts.get(userId, docId);
      let outcome = await decide(body, f.member, f.activity, now);
      let row: any;
      try {
        row = await write(f, outcome);
      } catch (err) {
        if (!outcome.prepared || !isUniqueViolation(err)) throw err;
        // The member is checked in already (here or on another instance): that refusal is the answer.
        outcome = refusal(conflict(ALREADY_IN));
        row = await write(f, outcome);
      }
      if (Number(row.valid) === 0) {
        facts.forget(userId, docId);
        continue;
      }
      if (Number(row.fresh) === 1) return { status: outcome.status, body: outcome.body, replayed: false };
      // The key was taken: by an earlier request (`existing` shows it as it stood when this statement
      // began), or by one that committed while this statement waited for it — still in flight when
      // this request came (judge answers 409 for a row it cannot see).
      return answerFor(row.request_hash == null ? null : row, requestHash);
    }
    return refused(conflict('activity: changed while checking in, please try again (活动信息刚刚更新，请重试)', 'activity'));
  }

  /**
   * SQLite (one writer): the same unit as one transaction — facts read, rules, the key row with its
   * answer, the check-in row and its links, one commit. A second process waits for the write lock
   * and then finds the key taken; 'database is locked' rolls the whole attempt back and retries it.
   */
  function viaTransaction(userId: number, key: string, requestHash: string, body: any, now: Date): Promise<Answer> {
    const scope = `user:${userId}`;
    const docId = activityIdOf(body);
    return retryBusy(() =>
      strapi.db.connection.transaction(async (trx: any): Promise<Answer> => {
        const member = await memberOfAccount(strapi, userId, trx);
        const activity = docId ? await activityQuery(strapi, docId, trx) : null;
        let outcome = await decide(body, member, activity ?? null, now, trx);
        try {
          await trx(table(strapi, UID.idem)).insert(idem().row(scope, key, requestHash, outcome.status, outcome.body, now));
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          return answerFor(await idem().find(scope, key, trx), requestHash);
        }
        if (outcome.prepared) {
          try {
            await insertRows(trx, outcome.prepared);
          } catch (err) {
            if (!isUniqueViolation(err)) throw err;
            // SQLite undoes only the refused statement: the key row is still ours and takes the refusal.
            outcome = refusal(conflict(ALREADY_IN));
            await idem().answerQuery(scope, key, outcome.status, outcome.body, trx);
          }
        }
        return { status: outcome.status, body: outcome.body, replayed: false };
      })
    );
  }

  async function insertRows(trx: any, p: Prepared) {
    const lm = link(strapi, UID.checkIn, 'member');
    const la = link(strapi, UID.checkIn, 'activity');
    const [id] = (await trx(table(strapi, UID.checkIn)).insert(p.row)).map((r: any) => (typeof r === 'object' ? r.id : r));
    await trx(lm.table).insert({ [lm.own]: id, [lm.other]: p.memberId });
    await trx(la.table).insert({ [la.own]: id, [la.other]: p.activityId });
  }

  return {
    async submit(p: { userId: number; key: string; body: unknown }, now = new Date()): Promise<Answer> {
      const requestHash = hashBody(p.body);
      return isPostgres(strapi) ? viaStatement(p.userId, p.key, requestHash, p.body, now) : viaTransaction(p.userId, p.key, requestHash, p.body, now);
    },
  };
};
