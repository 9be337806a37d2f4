import { HttpError, parse, toBody } from '../services/http-error';

export { parse, toBody };

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
