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
