import {
  CASE_ACTIONS,
  CASE_STATUSES,
  SIDE_ACTIONS,
  SOURCES,
  addWorkingDays,
  holidayTable,
  urgency,
  type CaseAction,
} from '../../src/plugins/grid-cases/shared';
import { demoYear, type DemoCase } from '../../src/plugins/grid-cases/server/src/services/demo-year';
import { HOLIDAYS } from '../../src/plugins/grid-cases/server/src/services/demo-holidays';

const holidays = holidayTable(HOLIDAYS);
const categories = [
  {
    key: 'c0',
    name: '垃圾清运',
    timeLimitDays: 0,
    defaultOwnerKind: 'department' as const,
    defaultOwnerName: '城管局',
  },
  {
    key: 'c1',
    name: '管道漏水',
    timeLimitDays: 1,
    defaultOwnerKind: 'department' as const,
    defaultOwnerName: '住建局',
  },
  { key: 'c3', name: '楼道堆物', timeLimitDays: 3, defaultOwnerKind: 'property' as const, defaultOwnerName: '物业' },
  { key: 'c7', name: '邻里纠纷', timeLimitDays: 7, defaultOwnerKind: 'community' as const, defaultOwnerName: '社区' },
  {
    key: 'c13',
    name: '违章搭建',
    timeLimitDays: 13,
    defaultOwnerKind: 'department' as const,
    defaultOwnerName: '城管局',
  },
];
const grids = [1, 2, 3].map((g) => ({
  key: `g${g}`,
  name: `网格${g}`,
  community: `社区${g}居委会`,
  lat: 34.41,
  lng: 114.19,
}));
const limit = (c: DemoCase) => categories.find((x) => x.key === c.category)!.timeLimitDays;

// A Monday evening and a Saturday morning (Shanghai; in a long holiday nothing can be in warning): the generator must fit every flow before `now` either way.
for (const now of [new Date('2026-12-07T11:30:00Z'), new Date('2026-11-14T01:00:00Z')]) {
  describe(`demo year ending ${now.toISOString()}`, () => {
    const cases = demoYear({
      now,
      grids,
      categories,
      units: [{ key: 'u1', name: '县教育局机关党支部' }],
      holidays,
      count: 120,
    });

    it('has every status, every source and both levels', () => {
      expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
      expect(new Set(cases.map((c) => c.source))).toEqual(new Set(SOURCES));
      expect(cases.some((c) => c.level === 'street' && c.parent)).toBe(true);
    });

    it('each trail is a walk of the flow table, in time order, within the year, ending in the status', () => {
      for (const c of cases) {
        const [first, ...rest] = c.events;
        expect(first).toMatchObject({ fromStatus: null, action: 'report' });
        expect(first.at).toEqual(c.reportedAt);
        let status = first.toStatus;
        let at = first.at.getTime();
        for (const e of rest) {
          expect(e.fromStatus).toBe(status);
          expect(e.at.getTime()).toBeGreaterThanOrEqual(at);
          if ((SIDE_ACTIONS as readonly string[]).includes(e.action)) expect(e.toStatus).toBe(e.fromStatus);
          else {
            const rule = CASE_ACTIONS[e.action as CaseAction];
            expect(rule.from as readonly string[]).toContain(e.fromStatus);
            expect(e.toStatus).toBe(rule.to);
          }
          status = e.toStatus;
          at = e.at.getTime();
        }
        expect(status).toBe(c.status);
        expect(at).toBeLessThanOrEqual(now.getTime());
        expect(c.reportedAt.getTime()).toBeGreaterThan(now.getTime() - 366 * 86_400_000);
      }
    });

    it('deadlines are the calendar’s (plus an approved extension), and 响应 is handled by the deadline', () => {
      for (const c of cases.filter((x) => x.dispatchedAt)) {
        const base = addWorkingDays(c.dispatchedAt!, limit(c), holidays);
        const expected = c.extensionStatus === 'granted' ? addWorkingDays(base, c.extensionDays!, holidays) : base;
        expect(c.dueAt).toEqual(expected);
        if (c.handledAt) expect(c.handledOnTime).toBe(c.handledAt.getTime() <= c.dueAt!.getTime());
      }
      expect(cases.some((c) => c.handledOnTime === false)).toBe(true);
      expect(cases.some((c) => c.extensionStatus === 'granted')).toBe(true);
      expect(cases.some((c) => c.extensionStatus === 'refused')).toBe(true);
      expect(cases.some((c) => c.extensionStatus === 'requested')).toBe(true);
    });

    it('running cases stand ok, warning and overdue; a reopened one and dissatisfied ratings exist', () => {
      const running = cases.filter((c) => ['dispatched', 'signed', 'handling'].includes(c.status));
      const urgencies = new Set(running.map((c) => urgency(c.dispatchedAt!, c.dueAt!, now)));
      expect(urgencies).toEqual(new Set(['ok', 'warning', 'overdue']));
      const reopened = cases.filter((c) => c.events.some((e) => e.action === 'reopen'));
      expect(reopened.length).toBeGreaterThan(0);
      expect(reopened.every((c) => c.reopened)).toBe(true);
      expect(cases.filter((c) => !c.reopened).every((c) => c.satisfaction !== 'dissatisfied')).toBe(true);
      expect(cases.some((c) => c.status === 'archived' && c.satisfaction === 'dissatisfied')).toBe(true);
    });

    it('an escalated case has its street child; a merged case points to an original open when merged', () => {
      const byId = new Map(cases.map((c) => [c.documentId, c]));
      for (const c of cases.filter((x) => x.status === 'escalated')) {
        const child = cases.find((x) => x.parent === c.documentId)!;
        expect(child).toMatchObject({ level: 'street', category: c.category, grid: c.grid });
        expect(child.events[0]).toMatchObject({ fromStatus: null, toStatus: 'accepted' });
        expect(child.events[0].at).toEqual(c.events[c.events.length - 1].at);
      }
      for (const c of cases.filter((x) => x.status === 'merged')) {
        const original = byId.get(c.mergedInto!)!;
        const mergedAt = c.events[c.events.length - 1].at.getTime();
        const before = original.events.filter((e) => e.at.getTime() <= mergedAt);
        expect(['reported', 'accepted', 'dispatched', 'signed', 'handling']).toContain(
          before[before.length - 1].toStatus,
        );
      }
      expect(new Set(cases.map((c) => c.documentId)).size).toBe(cases.length);
    });
  });
}

it('the same input gives the same year', () => {
  const input = { now: new Date('2026-12-07T11:30:00Z'), grids, categories, units: [], holidays, count: 45 };
  expect(demoYear(input)).toEqual(demoYear(input));
});
