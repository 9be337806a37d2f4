import { canMove } from '../../src/packages/kit/shared';
import {
  ACTION_ITEM_FLOW,
  FLOWS,
  MEETING_FLOW,
  TOPIC_FLOW,
  movesOf,
  threshold,
  quorum,
  passed,
  isOverdue,
  votesCast,
  presentCount,
  todayUtc,
  DEFAULT_RULE,
} from '../../src/plugins/deliberation/shared';

// Pure code shared by the server and the admin pages: no Strapi boots for this file.
describe('quorum maths', () => {
  it.each([
    [{ type: 'more_than_half' }, 9, 5],
    [{ type: 'more_than_half' }, 10, 6],
    [{ type: 'two_thirds' }, 9, 6],
    [{ type: 'two_thirds' }, 10, 7],
    [{ type: 'fraction', numerator: 1, denominator: 2 }, 10, 5],
    [{ type: 'fraction', numerator: 1, denominator: 2, strict: true }, 10, 6],
  ] as const)('%j of %i needs %i', (f, n, need) => expect(threshold(f, n)).toBe(need));

  it('delegated and absent members', () => {
    const rule = {
      quorum: { type: 'more_than_half' as const },
      vote: { type: 'more_than_half' as const, base: 'present' as const },
    };
    expect(
      quorum(rule, 5, [
        { memberKey: 'a', status: 'present' },
        { memberKey: 'b', status: 'present', delegate: 'x' },
        { memberKey: 'c', status: 'excused' },
      ] as Array<{ memberKey: string; status: string; delegate?: string }>).met,
    ).toBe(false);
    expect(quorum(rule, 0, []).met).toBe(false);
    expect(presentCount([{ status: 'present' }, { status: 'excused' }, { status: 'present' }])).toBe(2);
  });

  it('a council without a rule gets the default (more than half)', () => {
    expect(
      quorum(
        null,
        9,
        Array.from({ length: 5 }, () => ({ status: 'present' })),
      ),
    ).toEqual({ members: 9, present: 5, needed: 5, met: true });
    expect(
      quorum(
        undefined,
        10,
        Array.from({ length: 5 }, () => ({ status: 'present' })),
      ).met,
    ).toBe(false);
    expect(passed(null, { for: 3, against: 2, abstain: 0 }, 9, 5)).toBe(
      passed(DEFAULT_RULE, { for: 3, against: 2, abstain: 0 }, 9, 5),
    );
  });

  it('votes over present or over all members', () => {
    const present = {
      quorum: { type: 'more_than_half' as const },
      vote: { type: 'more_than_half' as const, base: 'present' as const },
    };
    const members = { ...present, vote: { type: 'more_than_half' as const, base: 'members' as const } };
    expect(passed(present, { for: 4, against: 2, abstain: 1 }, 11, 7)).toBe(true);
    expect(passed(members, { for: 4, against: 2, abstain: 1 }, 11, 7)).toBe(false);
    expect(passed(present, { for: 3, against: 3, abstain: 0 }, 11, 6)).toBe(false);
    expect(passed(present, { for: 0, against: 0, abstain: 0 }, 11, 0)).toBe(false);
    expect(votesCast({ for: 4, against: 2, abstain: 1 })).toBe(7);
  });

  it('overdue is open or in progress past the due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2020-01-01' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2026-01-02')).toBe(false);
    expect(todayUtc(new Date('2026-03-01T23:30:00-08:00'))).toBe('2026-03-02');
  });
});

describe('status flows', () => {
  it('a topic runs 百姓点事 → 公众评事 in order, and may go back from scheduled only', () => {
    const path = ['collected', 'scheduled', 'deliberated', 'decided', 'implementing', 'closed', 'evaluated'];
    path.slice(1).forEach((to, i) => expect(canMove(TOPIC_FLOW, path[i], to)).toBe(true));
    expect(canMove(TOPIC_FLOW, 'scheduled', 'collected')).toBe(true);
    expect(canMove(TOPIC_FLOW, 'collected', 'decided')).toBe(false);
    expect(movesOf('topic', 'evaluated')).toEqual([]);
  });

  it('approved minutes may return to draft; published minutes move nowhere (corrections instead)', () => {
    expect(movesOf('meeting', 'minutes_draft')).toEqual(['minutes_approved']);
    expect(movesOf('meeting', 'minutes_approved')).toEqual(['published', 'minutes_draft']);
    expect(movesOf('meeting', 'published')).toEqual([]);
    expect(canMove(MEETING_FLOW, 'held', 'published')).toBe(false);
  });

  it('an action item is done before it is verified, and a done item may be reopened', () => {
    expect(canMove(ACTION_ITEM_FLOW, 'open', 'verified')).toBe(false);
    expect(canMove(ACTION_ITEM_FLOW, 'done', 'in_progress')).toBe(true);
    expect(movesOf('action_item', 'verified')).toEqual([]);
  });

  it('an unknown state moves nowhere', () => {
    for (const subject of Object.keys(FLOWS) as Array<keyof typeof FLOWS>)
      expect(movesOf(subject, 'nonsense')).toEqual([]);
  });

  it('every target of every flow is a state of that flow', () => {
    for (const flow of Object.values(FLOWS)) {
      const states = Object.keys(flow);
      for (const targets of Object.values(flow) as string[][]) for (const to of targets) expect(states).toContain(to);
    }
  });
});
