import { HttpError } from '../services/http-error';

export const svc = (name: string) => strapi.plugin('star-scoring').service(name);
export const actorOf = (ctx: any) => ctx.state.user?.email ?? `admin:${ctx.state.user?.id ?? '?'}`;

/** Runs a service call and maps our refusals to status codes; other errors go to Strapi's handler. */
export async function run(ctx: any, fn: () => Promise<unknown>, status = 200) {
  try {
    const out = await fn();
    ctx.status = status;
    ctx.body = typeof out === 'string' ? out : out && typeof out === 'object' && 'data' in (out as any) ? out : { data: out };
  } catch (e) {
    if (e instanceof HttpError) {
      // Written here rather than thrown: the bundled plugin's error classes are not the app's instances.
      const name = e.status === 400 ? 'ValidationError' : e.status === 403 ? 'ForbiddenError' : e.status === 404 ? 'NotFoundError' : 'ConflictError';
      const details = e.status === 400 ? { errors: [{ path: (e.field ?? 'body').split('.'), message: e.message }] } : { field: e.field };
      ctx.status = e.status;
      ctx.body = { data: null, error: { status: e.status, name, message: e.message, details } };
      return;
    }
    throw e;
  }
}
