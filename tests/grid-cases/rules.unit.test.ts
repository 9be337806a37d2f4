import { canMove } from '../../src/packages/kit/shared';
import {
  CASE_ACTIONS,
  CASE_FLOW,
  CASE_STATUSES,
  actionAllowed,
  addWorkingDays,
  afterRating,
  boxAround,
  distanceMetres,
  endOfShanghaiDay,
  escalationTarget,
  holidayTable,
  isWorkingDay,
  shanghaiDate,
  urgency,
  warningAt,
  type CaseAction,
} from '../../src/plugins/grid-cases/shared';

describe('grid-cases flow', () => {
  it('every named action is a move of the flow table, and every move of the table has an action', () => {
    const moves = new Set<string>();
    for (const [name, a] of Object.entries(CASE_ACTIONS)) {
      for (const from of a.from) {
        expect([name, from, canMove(CASE_FLOW, from, a.to)]).toEqual([name, from, true]);
        moves.add(`${from}>${a.to}`);
      }
    }
    for (const from of CASE_STATUSES)
      for (const to of CASE_FLOW[from]) expect([from, to, moves.has(`${from}>${to}`)]).toEqual([from, to, true]);
  });

  it('follows 上报 → 受理 → 派单 → 签收 → 处置 → 办结 → 核查 → 回访 → 归档', () => {
    const path: Array<[CaseAction, string]> = [
      ['accept', 'reported'],
      ['dispatch', 'accepted'],
      ['sign', 'dispatched'],
      ['start', 'signed'],
      ['handle', 'handling'],
      ['verify', 'handled'],
      ['rate', 'verified'],
      ['archive', 'rated'],
    ];
    for (const [action, from] of path) expect([action, actionAllowed(action, from)]).toEqual([action, true]);
  });

  it('refuses wrong moves: no signing before dispatch, no archive before rating, nothing after the end', () => {
    expect(actionAllowed('sign', 'accepted')).toBe(false);
    expect(actionAllowed('archive', 'handled')).toBe(false);
    expect(actionAllowed('handle', 'signed')).toBe(false);
    expect(actionAllowed('dispatch', 'reported')).toBe(false);
    for (const end of ['returned', 'archived', 'merged', 'escalated'])
      for (const a of Object.keys(CASE_ACTIONS) as CaseAction[])
        // the escalated original only follows its child (conclude, by the system)
        expect([end, a, actionAllowed(a, end)]).toEqual([end, a, end === 'escalated' && a === 'conclude']);
  });

  it('核查 can send a case back to the owner; a return needs the report to be new', () => {
    expect(actionAllowed('sendBack', 'handled')).toBe(true);
    expect(CASE_ACTIONS.sendBack.to).toBe('handling');
    expect(actionAllowed('return', 'accepted')).toBe(false);
  });

  it('reopens a dissatisfied case once, archives it the second time with its rating', () => {
    expect(afterRating('dissatisfied', false)).toBe('reopen');
    expect(afterRating('dissatisfied', true)).toBe('archivable');
    expect(afterRating('satisfied', false)).toBe('archivable');
    expect(afterRating('basically', false)).toBe('archivable');
    expect(actionAllowed('reopen', 'rated')).toBe(true);
  });

  it('escalates community → street → county, never above', () => {
    expect(escalationTarget('community')).toBe('street');
    expect(escalationTarget('street')).toBe('county');
    expect(escalationTarget('county')).toBeNull();
  });

  it('measures 50 m', () => {
    const a = { lat: 35.3982, lng: 114.2321 };
    expect(distanceMetres(a, { lat: a.lat + 0.0004, lng: a.lng })).toBeGreaterThan(40);
    expect(distanceMetres(a, { lat: a.lat + 0.0004, lng: a.lng })).toBeLessThan(50);
    expect(distanceMetres(a, { lat: a.lat + 0.001, lng: a.lng })).toBeGreaterThan(100);
  });

  it('boxes every point within 50 m, in every direction, and not much more', () => {
    for (const lat of [0, 35.3982, 60]) {
      const p = { lat, lng: 114.2321 };
      const box = boxAround(p, 50);
      for (let deg = 0; deg < 360; deg += 15) {
        // walk out along a bearing until the point is 50 m away; it must still be inside the box
        let k = 0;
        const at = (s: number) => ({
          lat: p.lat + s * Math.cos((deg * Math.PI) / 180),
          lng: p.lng + s * Math.sin((deg * Math.PI) / 180),
        });
        while (distanceMetres(p, at(k + 1e-6)) <= 50) k += 1e-6;
        const edge = at(k);
        expect(edge.lat).toBeGreaterThanOrEqual(box.minLat);
        expect(edge.lat).toBeLessThanOrEqual(box.maxLat);
        expect(edge.lng).toBeGreaterThanOrEqual(box.minLng);
        expect(edge.lng).toBeLessThanOrEqual(box.maxLng);
      }
      // the box's corners are at most √2 × 50 m away (a coarse filter, not a net)
      expect(distanceMetres(p, { lat: box.maxLat, lng: box.maxLng })).toBeLessThan(72);
    }
  });
});

describe('working-day calendar (Asia/Shanghai)', () => {
  const none = holidayTable([]);
  // Friday 2026-12-04, 10:00 in Shanghai
  const friday = new Date('2026-12-04T02:00:00Z');

  it('reads Shanghai dates: 23:30 UTC is already the next day', () => {
    expect(shanghaiDate(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(endOfShanghaiDay('2026-12-04').toISOString()).toBe('2026-12-04T15:59:59.999Z');
  });

  it('skips the weekend', () => {
    expect(isWorkingDay('2026-12-05', none)).toBe(false);
    expect(addWorkingDays(friday, 1, none).toISOString()).toBe(endOfShanghaiDay('2026-12-07').toISOString());
    expect(addWorkingDays(friday, 3, none).toISOString()).toBe(endOfShanghaiDay('2026-12-09').toISOString());
  });

  it('skips a holiday after the weekend', () => {
    const t = holidayTable([{ date: '2026-12-07', kind: 'holiday' }]);
    expect(addWorkingDays(friday, 3, t).toISOString()).toBe(endOfShanghaiDay('2026-12-10').toISOString());
  });

  it('counts a 调休 Saturday as a working day', () => {
    const t = holidayTable([{ date: '2026-12-05', kind: 'workday' }]);
    expect(isWorkingDay('2026-12-05', t)).toBe(true);
    expect(addWorkingDays(friday, 3, t).toISOString()).toBe(endOfShanghaiDay('2026-12-08').toISOString());
  });

  it('same day (0) ends that working day, or the next one when reported on a rest day', () => {
    expect(addWorkingDays(friday, 0, none).toISOString()).toBe(endOfShanghaiDay('2026-12-04').toISOString());
    const saturday = new Date('2026-12-05T02:00:00Z');
    const t = holidayTable([{ date: '2026-12-07', kind: 'holiday' }]);
    expect(addWorkingDays(saturday, 0, t).toISOString()).toBe(endOfShanghaiDay('2026-12-08').toISOString());
  });

  it('warns at 80 % of the limit and flags overdue after it', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const due = new Date('2026-12-11T00:00:00Z');
    expect(warningAt(start, due).toISOString()).toBe('2026-12-09T00:00:00.000Z');
    expect(urgency(start, due, new Date('2026-12-08T23:00:00Z'))).toBe('ok');
    expect(urgency(start, due, new Date('2026-12-09T00:00:00Z'))).toBe('warning');
    expect(urgency(start, due, new Date('2026-12-11T00:00:01Z'))).toBe('overdue');
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => addWorkingDays(friday, -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays(friday, 1.5, none)).toThrow(RangeError);
  });
});
