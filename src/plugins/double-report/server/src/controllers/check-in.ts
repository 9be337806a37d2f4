import { parse, refuse, run, svc } from './respond';
import { HttpError } from '../services/http-error';
import { checkOutBody, documentId, year } from '../validation';

export default {
  /** POST /check-ins: idempotent by the caller's Idempotency-Key (services/submit-check-in.ts). */
  async create(ctx: any) {
    const key = String(ctx.get('Idempotency-Key') || '').trim();
    if (!key || key.length > 200) return refuse(ctx, new HttpError(400, 'Idempotency-Key: header is required (1–200 characters)', 'Idempotency-Key'));
    const answer = await svc('submit-check-in').submit({ userId: ctx.state.user.id, key, body: ctx.request.body ?? {} });
    ctx.status = answer.status;
    ctx.body = answer.body;
    if (answer.replayed) ctx.set('Idempotent-Replayed', 'true');
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
