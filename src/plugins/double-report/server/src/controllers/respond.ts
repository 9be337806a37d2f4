import type { ZodType } from 'zod';
import { HttpError } from '../services/http-error';

const NAMES: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 422: 'UnprocessableEntityError' };

/** Parses input with zod; a failure is a 400 naming the first field and its rule. */
export function parse<T>(schema: ZodType<T>, input: unknown, where = ''): T {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String) : [where || 'body'], message: i.message }));
  const first = issues[0];
  throw new HttpError(400, `${first.path.join('.')}: ${first.message}`, first.path.join('.'), issues);
}

/** Turns a domain refusal into Strapi's error envelope. */
export function toBody(err: HttpError) {
  return { data: null, error: { status: err.status, name: NAMES[err.status] ?? 'ApplicationError', message: err.message, details: err.issues ? { errors: err.issues } : err.field ? { errors: [{ path: [err.field], message: err.message }] } : {} } };
}

/** Answers with a domain refusal; other errors are rethrown for Strapi's error middleware. */
export function refuse(ctx: any, err: unknown) {
  if (!(err instanceof HttpError)) throw err;
  ctx.status = err.status;
  ctx.body = toBody(err);
}

export async function run(ctx: any, fn: () => Promise<unknown>, status = 200) {
  try {
    const data = await fn();
    ctx.status = status;
    ctx.body = { data };
  } catch (err) {
    refuse(ctx, err);
  }
}

export const svc = (name: string) => strapi.plugin('double-report').service(name);
