import { OWNER_ACCOUNT_LEVELS, ownerAccountProblem } from '../../src/plugins/grid-cases/shared';

/** Which organisations an owner account of each kind may serve. */
describe('ownerAccountProblem', () => {
  it.each([
    ['department', 'county_committee'],
    ['department', 'street_committee'],
    ['property', 'community_branch'],
    ['property', 'compound_group'],
  ])('a %s may serve a %s', (kind, level) => {
    expect(ownerAccountProblem(kind, level)).toBeNull();
  });

  it.each([
    ['department', 'community_branch'],
    ['department', 'member_household'],
    ['property', 'county_committee'],
    ['property', 'street_committee'],
    ['property', 'unit_branch'],
  ])('a %s may not serve a %s: the kind is named', (kind, level) => {
    expect(ownerAccountProblem(kind, level)?.field).toBe('kind');
  });

  it('an account serving no organisation names the organisation', () => {
    expect(ownerAccountProblem('department', null)?.field).toBe('organisation');
    expect(ownerAccountProblem('property', undefined)?.field).toBe('organisation');
  });

  it('every kind has levels, and no level serves both kinds', () => {
    const { department, property } = OWNER_ACCOUNT_LEVELS;
    expect(department.length && property.length).toBeTruthy();
    expect(department.filter((l) => property.includes(l))).toEqual([]);
  });
});
