import type { Ctx } from '../packages/kit/server';

/**
 * Strapi's validation errors carry the offending path in `details.errors[].path`, but some
 * messages ("This attribute must be unique") do not say which field. Clients show only
 * `error.message`, so prefix it with the field name(s) when the message does not name them.
 */
interface ErrorBody {
  error?: { message: string; details?: { errors?: Array<{ path?: Array<string | number>; message?: string }> } };
}

/**
 * "Document with id "x", locale "null" not found" names the id, not the relation: the field is
 * the one of the written `data` that refers to that id.
 */
function relationField(ctx: Ctx, message: string): string | undefined {
  const id = /^Document with id "([^"]*)"/.exec(message)?.[1];
  const data = (ctx.request.body as { data?: Record<string, unknown> } | undefined)?.data;
  if (id === undefined || !data || typeof data !== 'object') return undefined;
  return Object.keys(data).find((key) => JSON.stringify(data[key] ?? null).includes(JSON.stringify(id)));
}

export default () => {
  return async (ctx: Ctx, next: () => Promise<void>) => {
    await next();
    const error = ctx.status === 400 ? (ctx.body as ErrorBody | undefined)?.error : undefined;
    const relation = error && relationField(ctx, String(error.message));
    if (error && relation) {
      error.message = `${relation}: ${error.message.replace(/, locale "null"/, '')}`;
      return;
    }
    const items = error?.details?.errors;
    if (!error || !Array.isArray(items) || items.length === 0) return;
    const fields = [...new Set(items.map((e) => (e.path ?? []).join('.')).filter(Boolean))];
    if (fields.length && !fields.some((f) => String(error.message).includes(f))) {
      error.message = `${fields.join(', ')}: ${error.message}`;
    }
  };
};
