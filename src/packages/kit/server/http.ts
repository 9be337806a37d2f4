import { Readable } from 'node:stream';
import type { Context, Middleware } from 'koa';
import type { ZodType } from 'zod';
import { DomainError, conflict, isDomainError, isUniqueViolation, toBody, violatedConstraint } from './errors';

/**
 * Koa's context as Strapi hands it to controllers: the router adds `params`, the body parser
 * `request.body` and `request.files` (neither is in Koa's own types).
 */
export type Ctx = Context & {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: Context['request'] & { body?: unknown; files?: unknown };
};

/**
 * Turns an error into a refusal when it is one: our DomainError, or a unique index the database
 * enforced (a lost race is a 409, never a 500). Anything else is rethrown for Strapi's handler.
 */
export function asRefusal(err: unknown): DomainError {
  if (isDomainError(err)) return err;
  if (isUniqueViolation(err))
    return conflict(violatedConstraint(err) ?? 'unique', 'already exists (another request made it first)');
  throw err;
}

/** Answers a refusal in Strapi's error envelope; other errors go on to Strapi's error middleware. */
export function refuse(ctx: Ctx, err: unknown): void {
  const refusal = asRefusal(err);
  ctx.status = refusal.status;
  ctx.body = toBody(refusal);
}

/**
 * Runs one service call for a controller: its result becomes `{ data }` (an object that already
 * has `data`, a string, or a stream such as an export, is sent as it is) with `status`; refusals become their status and body.
 */
export async function run(ctx: Ctx, fn: () => Promise<unknown> | unknown, status = 200): Promise<void> {
  try {
    const out = await fn();
    ctx.status = status;
    ctx.body =
      typeof out === 'string' || out instanceof Readable || (out !== null && typeof out === 'object' && 'data' in out)
        ? out
        : { data: out ?? null };
  } catch (err) {
    refuse(ctx, err);
  }
}

/** Parses input with zod; a failure is a 400 naming the first field and its rule, every issue in details. */
export function parse<T>(schema: ZodType<T>, input: unknown, where = 'body'): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String) : [where],
    message: i.message,
  }));
  const first = issues[0];
  const field = first.path.join('.');
  throw new DomainError(400, field, `${field}: ${first.message}`, issues);
}

/** Koa middleware (inside strapi::errors): a DomainError or unique violation thrown anywhere is answered like run() does. */
export const refusals = (): Middleware => async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    refuse(ctx as Ctx, err);
  }
};

/** Who did it, for transition trails: the e-mail of the admin or user behind the request. */
export const actorOf = (ctx: Ctx): string => {
  const user = ctx.state.user as { id: number; email?: string } | undefined;
  return user ? (user.email ?? `user:${user.id}`) : 'system';
};
