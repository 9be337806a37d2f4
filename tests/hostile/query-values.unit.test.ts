import { checkFilters, checkPagination, type ModelLookup } from '../../src/packages/kit/server/query-values';

const MODELS: Record<string, { attributes: Record<string, { type: string; target?: string; component?: string }> }> = {
  'api::branch.branch': {
    attributes: {
      name: { type: 'string' },
      memberCount: { type: 'integer' },
      ratio: { type: 'decimal' },
      established: { type: 'date' },
      updatedAt: { type: 'datetime' },
      parent: { type: 'relation', target: 'api::branch.branch' },
      heads: { type: 'component', component: 'grid.head' },
    },
  },
  'grid.head': { attributes: { since: { type: 'date' }, floor: { type: 'integer' } } },
};
const models: ModelLookup = (uid) => MODELS[uid];
const check = (filters: unknown) => () => checkFilters(models, 'api::branch.branch', filters);

describe('filter values are checked against the model', () => {
  it.each([
    [{ id: 'abc' }, 'filters.id: must be an integer'],
    [{ id: { $eq: 'abc' } }, 'filters.id: must be an integer'],
    [{ id: { $in: ['1', 'b'] } }, 'filters.id: must be an integer'],
    [{ id: { $between: ['1', '2x'] } }, 'filters.id: must be an integer'],
    [{ id: '99999999999' }, 'filters.id: must be between'],
    [{ id: '1.5' }, 'filters.id: must be an integer'],
    [{ memberCount: { $gt: 'x' } }, 'filters.memberCount: must be an integer'],
    [{ ratio: { $lt: '1,5' } }, 'filters.ratio: must be a number'],
    [{ established: { $eq: 'notadate' } }, 'filters.established: must be a date'],
    [{ established: '2024-13-45' }, 'filters.established: must be a date'],
    [{ updatedAt: { $gt: 'yesterday' } }, 'filters.updatedAt: must be an ISO date-time'],
    [{ parent: { id: { $eq: 'zz' } } }, 'filters.parent.id: must be an integer'],
    [{ parent: { parent: { memberCount: 'q' } } }, 'filters.parent.parent.memberCount: must be an integer'],
    [{ $or: [{ name: 'a' }, { id: 'q' }] }, 'filters.$or.1.id: must be an integer'],
    [{ $and: [{ $not: { id: 'q' } }] }, 'filters.$and.0.$not.id: must be an integer'],
    [{ heads: { floor: { $gte: 'x' } } }, 'filters.heads.floor: must be an integer'],
  ])('%j → 400 "%s…"', (filters, message) => {
    expect(check(filters)).toThrow(expect.objectContaining({ status: 400, message: expect.stringContaining(message) }));
  });

  it.each([
    [{ id: '12' }],
    [{ id: { $in: [1, '2'] } }],
    [{ id: { $null: 'true' } }],
    [{ memberCount: { $gte: '-3' } }],
    [{ ratio: '0.25' }],
    [{ established: '2024-05-01' }],
    [{ updatedAt: { $gt: '2024-05-01T08:00:00.000Z' } }],
    [{ updatedAt: { $gt: '1714550400000' } }],
    [{ name: { $containsi: '<script>' } }],
    [{ parent: { name: 'x' } }],
    [{ unknownKey: 'left to Strapi (Invalid key)' }],
  ])('%j passes', (filters) => {
    expect(check(filters)).not.toThrow();
  });
});

describe('pagination values', () => {
  it.each([{ page: 'abc' }, { pageSize: 'x' }, { page: '0' }, { start: '-1' }, { limit: '1e3' }])('%j → 400', (p) => {
    expect(() => checkPagination(p)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(/^pagination\./) }),
    );
  });
  it.each([
    { page: '2', pageSize: '10' },
    { start: '0', limit: '-1' },
  ])('%j passes', (p) => {
    expect(() => checkPagination(p)).not.toThrow();
  });
});
