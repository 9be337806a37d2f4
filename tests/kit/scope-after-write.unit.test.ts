import {
  scopeAfterWrite,
  type Organisation,
  type Scope,
  type ScopedRow,
  type ScopeSource,
} from '../../src/packages/kit/server';

/**
 * The one rule for the scope a written row takes, used by the scope middleware after every Document
 * Service write and by the registers' bulk import for the rows it inserts itself.
 */
const house: ScopeSource = { kind: 'via', relations: ['building'] };
const street: Scope = { scopeCounty: 'county', scopeStreet: 's1', scopeCommunity: null };
const c1: Scope = { ...street, scopeCommunity: 'c1' };
const c2: Scope = { ...street, scopeCommunity: 'c2' };
const none: Scope = { scopeCounty: null, scopeStreet: null, scopeCommunity: null };
const writerAt = (scope: Scope): Organisation => ({
  node: scope.scopeCommunity!,
  name: '甲社区',
  level: 'community_branch',
  column: 'scopeCommunity',
  scope,
});
const row = (building: object | null, own: Scope = none): ScopedRow => ({ id: 1, documentId: 'h', ...own, building });

describe('scopeAfterWrite', () => {
  it('takes the scope of the row its relation names', () => {
    expect(scopeAfterWrite(house, row({ id: 7, documentId: 'b', ...c1 }), true, undefined)).toEqual(c1);
    expect(scopeAfterWrite(house, row({ id: 7, documentId: 'b', ...c1 }), true, writerAt(c1))).toEqual(c1);
  });

  it('a new row naming nothing belongs to its writer; an existing one keeps its scope', () => {
    expect(scopeAfterWrite(house, row(null), true, writerAt(c2))).toEqual(c2);
    expect(scopeAfterWrite(house, row(null), true, undefined)).toEqual(none);
    expect(scopeAfterWrite(house, row(null, c1), false, writerAt(c1))).toEqual(c1);
  });

  it('refuses (403, naming the relation) a row a scoped writer would put in another organisation', () => {
    let refusal: unknown;
    try {
      scopeAfterWrite(house, row({ id: 7, documentId: 'b', ...c2 }), true, writerAt(c1));
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toMatchObject({ status: 403, field: 'building' });
    expect((refusal as Error).message).toMatch(/^building: outside your organisation/);
  });
});
