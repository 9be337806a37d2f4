import { threshold, quorum, passed, isOverdue } from '../../src/plugins/deliberation/server/src/services/rules';

describe('quorum maths', () => {
  it.each([
    [{ type: 'more_than_half' }, 9, 5], [{ type: 'more_than_half' }, 10, 6], [{ type: 'two_thirds' }, 9, 6],
    [{ type: 'two_thirds' }, 10, 7], [{ type: 'fraction', numerator: 1, denominator: 2 }, 10, 5], [{ type: 'fraction', numerator: 1, denominator: 2, strict: true }, 10, 6],
  ] as const)('%j of %i needs %i', (f, n, need) => expect(threshold(f as any, n)).toBe(need));

  it('delegated and absent members', () => {
    const rule = { quorum: { type: 'more_than_half' as const }, vote: { type: 'more_than_half' as const, base: 'present' as const } };
    expect(quorum(rule, 5, [{ memberKey: 'a', status: 'present' }, { memberKey: 'b', status: 'present', delegate: 'x' }, { memberKey: 'c', status: 'excused' }]).met).toBe(false);
    expect(quorum(rule, 0, []).met).toBe(false);
  });

  it('votes over present or over all members', () => {
    const present = { quorum: { type: 'more_than_half' as const }, vote: { type: 'more_than_half' as const, base: 'present' as const } };
    const members = { ...present, vote: { type: 'more_than_half' as const, base: 'members' as const } };
    expect(passed(present, { for: 4, against: 2, abstain: 1 }, 11, 7)).toBe(true);
    expect(passed(members, { for: 4, against: 2, abstain: 1 }, 11, 7)).toBe(false);
    expect(passed(present, { for: 3, against: 3, abstain: 0 }, 11, 6)).toBe(false);
  });

  it('overdue is open or in progress past the due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, '2026-01-02')).toBe(false);
  });
});
