import { Readable } from 'node:stream';
import type { Context, Middleware } from 'koa';
import type { ZodType } from 'zod';
import {
  DomainError,
  conflict,
  forbidden,
  isDomainError,
  isLostRace,
  isUniqueViolation,
  toBody,
  violatedConstraint,
} from './errors';
import { zhErrorMap } from './zod-zh';

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
    return conflict(
      violatedConstraint(err) ?? 'unique',
      'already exists (another request made it first) (已存在，另一请求已先完成)',
    );
  if (isLostRace(err))
    return conflict(
      'request',
      'another request changed the same record at once, try again (记录正被另一请求修改，请重试)',
    );
  throw err;
}

/** Answers a refusal in Strapi's error envelope; other errors go on to Strapi's error middleware. */
export function refuse(ctx: Ctx, err: unknown): void {
  const refusal = asRefusal(err);
  ctx.status = refusal.status;
  ctx.body = toBody(refusal);
}

/**
 * The route's declared `response` (zod) shapes what goes out: it is the schema the OpenAPI document
 * publishes (Strapi converts it), so the answer and the document cannot drift. Unknown keys are
 * stripped; a missing or wrong-typed field is a server bug and fails loudly (500, logged), which the
 * conformance test (tests/openapi-conformance.test.ts) turns into a failing build.
 */
export function shapeOutput(ctx: Ctx, body: unknown): unknown {
  const declared = (ctx.state?.route as { response?: ZodType } | undefined)?.response;
  // Duck-typed: a plugin bundle and the app may each hold their own zod instance.
  if (typeof body === 'string' || body instanceof Readable || typeof declared?.safeParse !== 'function') return body;
  // Parsed as it will travel (dates as ISO strings), since the document describes the wire.
  const result = declared.safeParse(JSON.parse(JSON.stringify(body)));
  if (result.success) return result.data;
  const where = `${ctx.method} ${ctx.state.route?.path ?? ctx.path}`;
  const issue = result.error.issues[0];
  throw new Error(
    `${where}: the answer breaks its declared response schema at ${issue.path.join('.')}: ${issue.message}`,
  );
}

/**
 * Runs one service call for a controller: its result becomes `{ data }` (an object that already
 * has `data`, a string, or a stream such as an export, is sent as it is) with `status`, shaped by
 * the route's declared response; refusals become their status and body.
 */
export async function run(ctx: Ctx, fn: () => Promise<unknown> | unknown, status = 200): Promise<void> {
  let body: unknown;
  try {
    const out = await fn();
    body =
      typeof out === 'string' || out instanceof Readable || (out !== null && typeof out === 'object' && 'data' in out)
        ? out
        : { data: out ?? null };
  } catch (err) {
    return refuse(ctx, err);
  }
  ctx.body = shapeOutput(ctx, body);
  ctx.status = status;
}

/** Parses input with zod; a failure is a 400 naming the first field and its rule, every issue in details. */
export function parse<T>(schema: ZodType<T>, input: unknown, where = 'body'): T {
  const result = schema.safeParse(input ?? {}, { error: zhErrorMap });
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
/**
 * The signed-in Users & Permissions account a route acts for (a member, a unit, a resident). A
 * content-API caller with an API token passed authentication but is nobody's account: 403, not a
 * crash on a missing user.
 */
export const accountIdOf = (ctx: Ctx): number => {
  const user = ctx.state.user as { id?: number } | undefined;
  if (typeof user?.id !== 'number')
    throw forbidden(
      'account: this route acts for a signed-in member, unit or resident account; an API token has none (需以个人或单位账号登录)',
      'account',
    );
  return user.id;
};

export const actorOf = (ctx: Ctx): string => {
  const user = ctx.state.user as { id: number; email?: string } | undefined;
  return user ? (user.email ?? `user:${user.id}`) : 'system';
};
