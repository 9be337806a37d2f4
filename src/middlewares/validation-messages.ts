import type { Ctx } from '../packages/kit/server';

/**
 * Strapi's validation errors carry the offending path in `details.errors[].path`, but some
 * messages ("This attribute must be unique") do not say which field. Clients show only
 * `error.message`, so prefix it with the field name(s) when the message does not name them.
 */
interface ErrorBody {
  error?: { message: string; details?: { errors?: Array<{ path?: Array<string | number>; message?: string }> } };
}

export default () => {
  return async (ctx: Ctx, next: () => Promise<void>) => {
    await next();
    const error = ctx.status === 400 ? (ctx.body as ErrorBody | undefined)?.error : undefined;
    const items = error?.details?.errors;
    if (!error || !Array.isArray(items) || items.length === 0) return;
    const fields = [...new Set(items.map((e) => (e.path ?? []).join('.')).filter(Boolean))];
    if (fields.length && !fields.some((f) => String(error.message).includes(f))) {
      error.message = `${fields.join(', ')}: ${error.message}`;
    }
  };
};
