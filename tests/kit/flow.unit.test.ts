import { canMove, defineFlow, nextStates } from '../../src/packages/kit/shared';
import { type DomainError, requireMove } from '../../src/packages/kit/server';

const flow = defineFlow({
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: [],
});

describe('kit flows', () => {
  it('lists the states a state may move to', () => {
    expect(nextStates(flow, 'submitted')).toEqual(['approved', 'draft']);
    expect(nextStates(flow, 'approved')).toEqual([]);
    expect(nextStates(flow, 'unknown')).toEqual([]);
  });

  it('allows exactly the listed moves', () => {
    expect(canMove(flow, 'draft', 'submitted')).toBe(true);
    expect(canMove(flow, 'draft', 'approved')).toBe(false);
    expect(canMove(flow, 'approved', 'draft')).toBe(false);
    expect(canMove(flow, 'nowhere', 'draft')).toBe(false);
  });

  it('requireMove refuses a wrong state with 409 naming the field, from and to', () => {
    expect(() => requireMove(flow, 'status', 'draft', 'submitted')).not.toThrow();
    let caught: DomainError | undefined;
    try {
      requireMove(flow, 'status', 'approved', 'draft');
    } catch (e) {
      caught = e as DomainError;
    }
    expect(caught?.status).toBe(409);
    expect(caught?.field).toBe('status');
    expect(caught?.message).toBe('status: cannot move from approved to draft (不能从“已授星”变为“草稿”)');
  });
});
