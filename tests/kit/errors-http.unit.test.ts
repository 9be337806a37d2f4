import { z } from 'zod';
import {
  conflict,
  forbidden,
  invalid,
  isLostRace,
  isUniqueViolation,
  mismatch,
  notFound,
  parse,
  run,
  toBody,
  type Ctx,
  DomainError,
} from '../../src/packages/kit/server';

/** A controller's view of Koa's context: only what run() reads and writes. */
const fakeCtx = () => ({ status: 404, body: undefined as unknown }) as unknown as Ctx;

describe('kit errors: one body shape for every status', () => {
  it.each([
    [invalid('score', 'must be at most 10'), 400, 'ValidationError', ['score']],
    [forbidden('another community'), 403, 'ForbiddenError', null],
    [notFound('assessment', '星级考评'), 404, 'NotFoundError', null],
    [conflict('status', 'cannot move from approved to submitted'), 409, 'ConflictError', ['status']],
    [mismatch('Idempotency-Key', 'was used with another body'), 422, 'UnprocessableEntityError', ['Idempotency-Key']],
  ])('%s → %i %s', (err, status, name, path) => {
    const body = toBody(err as DomainError);
    expect(body.data).toBeNull();
    expect(body.error.status).toBe(status);
    expect(body.error.name).toBe(name);
    expect(body.error.message).toBe((err as DomainError).message);
    if (path) expect(body.error.details).toEqual({ errors: [{ path, message: (err as DomainError).message }] });
    else expect(body.error.details).toEqual({});
  });

  it('a message names the field and the rule', () => {
    expect(invalid('items.0.points', 'must be a number').message).toBe('items.0.points: must be a number');
    expect(conflict('status', 'already verified').message).toBe('status: already verified');
  });

  it('notFound names the thing in both languages', () => {
    expect(notFound('meeting', '会议').message).toBe('meeting: not found (会议不存在)');
  });

  it('recognises unique-index violations of both databases, also when wrapped', () => {
    expect(isUniqueViolation({ code: '23505', message: 'duplicate key value violates unique constraint "x"' })).toBe(
      true,
    );
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: t.a' })).toBe(
      true,
    );
    expect(isUniqueViolation({ message: 'wrapped', cause: { code: '23505' } })).toBe(true);
    expect(isUniqueViolation({ code: '23503', message: 'foreign key violation' })).toBe(false);
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
  });
});

describe('kit parse and run', () => {
  const schema = z.object({ year: z.number().int(), note: z.string().max(3).optional() });

  it('parse returns typed data or refuses 400 naming the first field, every issue in details', () => {
    expect(parse(schema, { year: 2026 })).toEqual({ year: 2026 });
    let caught: DomainError | undefined;
    try {
      parse(schema, { year: 'x', note: 'long text' });
    } catch (e) {
      caught = e as DomainError;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught!.status).toBe(400);
    expect(caught!.field).toBe('year');
    expect(caught!.message).toMatch(/^year: /);
    expect(caught!.issues!.map((i) => i.path.join('.'))).toEqual(['year', 'note']);
  });

  it('run wraps a result in { data } with the status asked for', async () => {
    const ctx = fakeCtx();
    await run(ctx, async () => ({ id: 1 }), 201);
    expect(ctx.status).toBe(201);
    expect(ctx.body).toEqual({ data: { id: 1 } });
  });

  it('run passes an answer that already has data (lists with meta) as it is', async () => {
    const ctx = fakeCtx();
    await run(ctx, async () => ({ data: [1], meta: { total: 1 } }));
    expect(ctx.body).toEqual({ data: [1], meta: { total: 1 } });
  });

  it('run answers a refusal with its status and body, and a lost unique race with 409', async () => {
    const ctx = fakeCtx();
    await run(ctx, async () => {
      throw conflict('status', 'already done');
    });
    expect(ctx.status).toBe(409);
    expect((ctx.body as ReturnType<typeof toBody>).error.message).toBe('status: already done');

    const raced = fakeCtx();
    await run(raced, async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint "one_open"'), {
        code: '23505',
        constraint: 'one_open',
      });
    });
    expect(raced.status).toBe(409);
    expect((raced.body as ReturnType<typeof toBody>).error.details).toEqual({
      errors: [{ path: ['one_open'], message: expect.stringMatching(/^one_open: /) }],
    });
  });

  it('a deadlock or serialization failure (PostgreSQL, also wrapped, also inside a transaction) is a lost race: 409', async () => {
    expect(isLostRace({ code: '40P01', message: 'deadlock detected' })).toBe(true);
    expect(isLostRace({ message: 'Transaction query already complete', original: { code: '40001' } })).toBe(true);
    expect(isLostRace({ code: '23505' })).toBe(false);
    expect(isLostRace(new Error('40P01 in a message only'))).toBe(false);
    // A unique violation met inside a transaction reaches run() wrapped by knex's transaction: still 409.
    const inTx = fakeCtx();
    await run(inTx, async () => {
      throw Object.assign(new Error('insert failed'), {
        cause: { code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: t.slot' },
      });
    });
    expect(inTx.status).toBe(409);
    const deadlock = fakeCtx();
    await run(deadlock, async () => {
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    expect(deadlock.status).toBe(409);
    expect((deadlock.body as ReturnType<typeof toBody>).error.message).toMatch(/^request: /);
  });

  it('run lets any other error through to Strapi (a 500 stays a 500, never a silent 200)', async () => {
    await expect(
      run(fakeCtx(), async () => {
        throw new TypeError('boom');
      }),
    ).rejects.toThrow('boom');
  });
});

describe('kit errors thrown by another copy of the kit (a plugin bundle)', () => {
  it('answers them with their own status, not a 500', async () => {
    // what a plugin's bundled kit throws: same shape and brand, another class
    const brand: unique symbol = Symbol.for('@grassroots/kit/DomainError') as never;
    class BundledDomainError extends Error {
      readonly [brand] = true;
      constructor(
        readonly status: 409,
        readonly field: string,
        message: string,
      ) {
        super(message);
        this.name = 'ConflictError';
      }
    }
    const ctx = fakeCtx();
    await run(ctx, async () => {
      throw new BundledDomainError(409, 'points', 'points: the ledger is append-only');
    });
    expect(ctx.status).toBe(409);
    expect((ctx.body as ReturnType<typeof toBody>).error.details).toEqual({
      errors: [{ path: ['points'], message: 'points: the ledger is append-only' }],
    });
  });
});
