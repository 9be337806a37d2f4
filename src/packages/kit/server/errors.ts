/**
 * One refusal family for every plugin. A refusal carries its HTTP status, the field it is about
 * (when there is one) and a message that names the field and the rule, so a client can show it
 * beside the input. The rule is English (stable for API clients and tests) followed by its
 * Chinese in parentheses, `minutes: minutes are empty (纪要内容为空)`: the admin shows the Chinese
 * under the field's label (`refusalText` in the kit's shared half); a unit test keeps every
 * refusal in the sources bilingual. `toBody` writes Strapi's error envelope, the same for every status.
 */
export type DomainStatus = 400 | 401 | 403 | 404 | 409 | 422;

export interface Issue {
  path: string[];
  message: string;
}

/**
 * Each plugin's build bundles its own copy of the kit, so a DomainError thrown in a plugin is not an
 * instance of the app's class: the brand (a registry symbol, one for every copy) tells them apart.
 */
const BRAND = Symbol.for('@grassroots/kit/DomainError');

export class DomainError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly status: DomainStatus,
    readonly field: string | undefined,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = ERROR_NAMES[status];
  }
}

export const ERROR_NAMES: Record<DomainStatus, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'UnprocessableEntityError',
};

/** 400: bad input, naming the field and the rule it breaks. */
export const invalid = (field: string, rule: string) => new DomainError(400, field, `${field}: ${rule}`);
/** 401: the caller is not authenticated the way the route requires. */
export const unauthorized = (message: string) => new DomainError(401, undefined, message);
/** 403: authenticated, but not allowed (another organisation, another member, an own assessment). */
export const forbidden = (message: string, field?: string) => new DomainError(403, field, message);
/**
 * 404: nothing of that kind with that id (or not visible to the caller). `zh` is the thing in
 * Chinese: `notFound('meeting', '会议')` reads `meeting: not found (会议不存在)`.
 */
export const notFound = (what: string, zh: string) =>
  new DomainError(404, undefined, `${what}: not found (${zh}不存在)`);
/** 409: a wrong state or a lost race; the field is the one whose state forbids the change. */
export const conflict = (field: string, rule: string) => new DomainError(409, field, `${field}: ${rule}`);
/** 422: the same idempotency key was sent with another body. */
export const mismatch = (field: string, rule: string) => new DomainError(422, field, `${field}: ${rule}`);

export const isDomainError = (err: unknown): err is DomainError =>
  err instanceof DomainError || (typeof err === 'object' && err !== null && BRAND in err);

interface DriverError {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
  cause?: unknown;
  original?: unknown;
  nativeError?: unknown;
}

/** The driver error behind Strapi's and knex's wrappers, or undefined. */
function driverErrors(err: unknown): DriverError[] {
  const out: DriverError[] = [];
  let e = err as DriverError | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 5; i += 1) {
    out.push(e);
    e = (e.cause ?? e.original ?? e.nativeError) as DriverError | undefined;
  }
  return out;
}

/** True when the database refused a row for a unique index (SQLite and PostgreSQL wordings). */
export function isUniqueViolation(err: unknown): boolean {
  return driverErrors(err).some((e) =>
    /23505|SQLITE_CONSTRAINT_UNIQUE|SQLITE_CONSTRAINT_PRIMARYKEY|UNIQUE constraint failed|duplicate key value/i.test(
      `${String(e.code ?? '')} ${String(e.message ?? '')}`,
    ),
  );
}

/**
 * True when PostgreSQL gave up one of two transactions that waited for each other (deadlock
 * 40P01, serialization failure 40001): the other one won, so this one lost a race (409).
 */
export function isLostRace(err: unknown): boolean {
  return driverErrors(err).some((e) => /^(40P01|40001)$/.test(String(e.code ?? '')));
}

/** The unique index a PostgreSQL violation names (SQLite names columns instead), for the 409's field. */
export const violatedConstraint = (err: unknown): string | undefined => {
  for (const e of driverErrors(err)) if (typeof e.constraint === 'string') return e.constraint;
  return undefined;
};

/** Strapi's error envelope for a refusal: `details.errors` names the field whenever there is one. */
export function toBody(err: DomainError) {
  const errors = err.issues ?? (err.field ? [{ path: err.field.split('.'), message: err.message }] : undefined);
  return {
    data: null,
    error: {
      status: err.status,
      name: ERROR_NAMES[err.status],
      message: err.message,
      details: errors ? { errors } : {},
    },
  };
}
