import type { ZodType } from 'zod';

/** A refusal with an HTTP status Strapi's errors module has no class for (409, 422). */
export class HttpError extends Error {
  constructor(public status: number, message: string, public field?: string, public issues?: { path: string[]; message: string }[]) {
    super(message);
  }
}

export const conflict = (message: string, field?: string) => new HttpError(409, message, field);
export const notFound = (message: string) => new HttpError(404, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const invalid = (field: string, rule: string) => new HttpError(400, `${field}: ${rule}`, field);

/** True when the database refused a row for a unique index (SQLite and PostgreSQL wordings). */
export function isUniqueViolation(err: unknown): boolean {
  let e: any = err;
  for (let i = 0; e && i < 5; i += 1) {
    const text = `${e.code ?? ''} ${e.message ?? ''}`;
    if (/23505|SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint failed|duplicate key value/i.test(text)) return true;
    e = e.cause ?? e.original ?? e.nativeError;
  }
  return false;
}

const NAMES: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 422: 'UnprocessableEntityError' };

/** Parses input with zod; a failure is a 400 naming the first field and its rule. */
export function parse<T>(schema: ZodType<T>, input: unknown, where = ''): T {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.length ? i.path.map(String) : [where || 'body'], message: i.message }));
  const first = issues[0];
  throw new HttpError(400, `${first.path.join('.')}: ${first.message}`, first.path.join('.'), issues);
}

/** A domain refusal in Strapi's error envelope. */
export function toBody(err: HttpError) {
  return { data: null, error: { status: err.status, name: NAMES[err.status] ?? 'ApplicationError', message: err.message, details: err.issues ? { errors: err.issues } : err.field ? { errors: [{ path: [err.field], message: err.message }] } : {} } };
}
