import { parse, refuse, run, svc } from './respond';
import { HttpError, forbidden } from '../services/http-error';
import { hashBody } from '../services/idempotency';
import { retryBusy } from '../services/busy';
import { checkInBody, checkOutBody, documentId, year } from '../validation';

export default {
  /** POST /check-ins: idempotent by the caller's Idempotency-Key. */
  async create(ctx: any) {
    const key = String(ctx.get('Idempotency-Key') || '').trim();
    if (!key || key.length > 200) return refuse(ctx, new HttpError(400, 'Idempotency-Key: header is required (1–200 characters)', 'Idempotency-Key'));
    const body = ctx.request.body ?? {};
    const scope = `user:${ctx.state.user.id}`;
    const idem = svc('idempotency');
    let started: any;
    try {
      // SQLite 'database is locked' is retried step by step inside start().
      started = await svc('check-in').start({ scope, key, requestHash: hashBody(body), userId: ctx.state.user.id, activity: body.activity });
      if (started.begun.replay) {
        ctx.status = started.begun.status;
        ctx.body = started.begun.body;
        ctx.set('Idempotent-Replayed', 'true');
        return;
      }
    } catch (err) {
      return refuse(ctx, err);
    }
    let stored = false;
    try {
      const input = parse(checkInBody, body);
      const member = started.member;
      if (!member) throw forbidden('account: not linked to a reported member (账号未关联在职党员)');
      // The response is recorded in the same unit of work as the check-in row: never one without the other.
      const data = await retryBusy(() =>
        svc('check-in').checkIn(
          member,
          input,
          new Date(),
          (db: any, shaped: unknown) => {
            stored = true;
            return idem.finishQuery(scope, key, 201, { data: shaped }, db);
          },
          started.activity
        )
      );
      ctx.status = 201;
      ctx.body = { data };
    } catch (err: any) {
      stored = false;
      // An unexpected failure frees the key so the client may retry; a refusal is recorded as the answer.
      if (!(err instanceof HttpError)) await idem.abandon(scope, key);
      refuse(ctx, err);
    }
    if (!stored) await retryBusy(() => idem.finish(scope, key, ctx.status, ctx.body));
  },
  async checkOut(ctx: any) {
    await run(ctx, async () => {
      const input = parse(checkOutBody, ctx.request.body);
      const member = await svc('actors').memberOf(ctx.state.user.id);
      return svc('check-in').checkOut(member, input.activity);
    });
  },
  async mine(ctx: any) {
    await run(ctx, async () => {
      const y = ctx.query.year === undefined ? undefined : parse(year, ctx.query.year, 'year');
      const member = await svc('actors').memberOf(ctx.state.user.id);
      return svc('check-in').mine(member, y);
    });
  },
  async cancel(ctx: any) {
    await run(ctx, async () => {
      const id = parse(documentId, ctx.params.documentId, 'documentId');
      const member = await svc('actors').memberOf(ctx.state.user.id);
      return svc('check-in').cancel(member, id);
    });
  },
};
