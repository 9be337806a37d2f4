// Pure rules: no Strapi boot. Every rule of a member's check-in and check-out, and of a staff entry, at its boundaries.
import {
  EARLY_MINUTES,
  decideCheckIn,
  decideCheckOut,
  decideManualCheckIn,
  openSlotOf,
  serviceMinutes,
  type ActivityFacts,
  type CheckInInput,
  type Decision,
} from '../../src/plugins/double-report/server/src/domain/check-in-rules';
import { distanceMetres } from '../../src/plugins/double-report/server/src/domain/geo';

const MIN = 60000;
const START = new Date('2026-05-12T01:00:00Z');
const END = new Date(START.getTime() + 3 * 60 * MIN);
const member = { id: 7, documentId: 'member7' };
const rules = { qrTokenTtlMinutes: 10 };

const activity = (over: Partial<ActivityFacts> = {}): ActivityFacts => ({
  id: 42,
  documentId: 'act42',
  title: '政策宣讲',
  kind: 'policy_talk',
  startsAt: START,
  endsAt: END,
  lat: 34.4123,
  lng: 114.1935,
  radius: 200,
  capacity: null,
  qrToken: 'tok',
  qrRotatedAt: START,
  taken: null,
  ...over,
});
const qr = (token = 'tok'): CheckInInput => ({ activity: 'act42', source: 'qr', token });
const gps = (lat = 34.4123, lng = 114.1935): CheckInInput => ({ activity: 'act42', source: 'gps', lat, lng });
const at = (minutesFromStart: number) => new Date(START.getTime() + minutesFromStart * MIN);

/** The refusal's status and message, or 'ok'. */
const outcome = <T>(d: Decision<T>) => (d.ok ? 'ok' : `${d.refusal.status} ${d.refusal.message}`);

describe('decideCheckIn', () => {
  it('allows a QR check-in and says what to write', () => {
    const d = decideCheckIn(member, activity(), rules, qr(), at(5));
    expect(d).toEqual({
      ok: true,
      value: {
        memberId: 7,
        activityId: 42,
        activity: { documentId: 'act42', title: '政策宣讲', kind: 'policy_talk' },
        source: 'qr',
        checkedInAt: at(5),
        year: 2026,
        openSlot: '7:42',
      },
    });
  });

  it('refuses an account without a member (403) before anything else', () => {
    expect(outcome(decideCheckIn(null, null, rules, qr(), at(0)))).toMatch(/^403 account: not linked/);
  });

  it('refuses an unknown activity (400 activity)', () => {
    expect(outcome(decideCheckIn(member, null, rules, qr(), at(0)))).toBe(
      '400 activity: no such activity (没有该活动)',
    );
  });

  describe('early window', () => {
    it(`opens exactly ${EARLY_MINUTES} minutes before the start`, () => {
      expect(
        outcome(decideCheckIn(member, activity({ qrRotatedAt: at(-EARLY_MINUTES) }), rules, qr(), at(-EARLY_MINUTES))),
      ).toBe('ok');
    });
    it('is closed a millisecond earlier', () => {
      const now = new Date(at(-EARLY_MINUTES).getTime() - 1);
      expect(outcome(decideCheckIn(member, activity({ qrRotatedAt: now }), rules, qr(), now))).toMatch(
        /^400 activity: check-in opens 60 minutes before the start/,
      );
    });
  });

  describe('ended activity', () => {
    it('is still open at the very end', () => {
      expect(outcome(decideCheckIn(member, activity({ qrRotatedAt: END }), rules, qr(), END))).toBe('ok');
    });
    it('is closed a millisecond after the end', () => {
      const now = new Date(END.getTime() + 1);
      expect(outcome(decideCheckIn(member, activity({ qrRotatedAt: now }), rules, qr(), now))).toMatch(
        /^400 activity: the activity has ended/,
      );
    });
  });

  describe('QR token and its lifetime', () => {
    it("refuses a token that is not the activity's current one", () => {
      expect(outcome(decideCheckIn(member, activity(), rules, qr('old'), at(1)))).toMatch(
        /^400 token: not the activity's current QR token/,
      );
    });
    it('refuses any token when the activity has none', () => {
      expect(outcome(decideCheckIn(member, activity({ qrToken: null }), rules, qr(''), at(1)))).toMatch(
        /^400 token: not the activity's current/,
      );
    });
    it('accepts a token exactly as old as the lifetime, refuses one a millisecond older', () => {
      expect(outcome(decideCheckIn(member, activity(), rules, qr(), at(10)))).toBe('ok');
      expect(outcome(decideCheckIn(member, activity(), rules, qr(), new Date(at(10).getTime() + 1)))).toMatch(
        /^400 token: .*expired/,
      );
    });
    it('follows the rule set: a shorter lifetime expires the same token', () => {
      expect(outcome(decideCheckIn(member, activity(), { qrTokenTtlMinutes: 2 }, qr(), at(3)))).toMatch(
        /^400 token: .*expired/,
      );
    });
    it('refuses a token never rotated (no rotation time)', () => {
      expect(outcome(decideCheckIn(member, activity({ qrRotatedAt: null }), rules, qr(), at(1)))).toMatch(
        /^400 token: .*expired/,
      );
    });
  });

  describe('geofence', () => {
    // 0.001° of latitude is about 111 m.
    it('accepts a position inside the radius and refuses one outside, naming the distance and radius', () => {
      expect(outcome(decideCheckIn(member, activity(), rules, gps(34.4123 + 0.0017), at(1)))).toBe('ok');
      expect(outcome(decideCheckIn(member, activity(), rules, gps(34.4123 + 0.0019), at(1)))).toMatch(
        /^400 lat: position is 21\d m from the activity, outside its 200 m radius/,
      );
    });
    it('is inclusive at the radius', () => {
      const d = distanceMetres(34.4123, 114.1935, 34.4133, 114.1935);
      expect(outcome(decideCheckIn(member, activity({ radius: d }), rules, gps(34.4133), at(1)))).toBe('ok');
      expect(outcome(decideCheckIn(member, activity({ radius: d - 0.01 }), rules, gps(34.4133), at(1)))).toMatch(
        /^400 lat:/,
      );
    });
    it('uses 200 m when the activity has no radius', () => {
      expect(outcome(decideCheckIn(member, activity({ radius: null }), rules, gps(34.4123 + 0.0019), at(1)))).toMatch(
        /outside its 200 m radius/,
      );
    });
    it('refuses GPS for an activity without a location', () => {
      expect(outcome(decideCheckIn(member, activity({ lat: null }), rules, gps(), at(1)))).toMatch(
        /^400 source: this activity has no location/,
      );
    });
  });

  describe('capacity', () => {
    it('admits until the seats are taken, then refuses with 409', () => {
      expect(outcome(decideCheckIn(member, activity({ capacity: 3, taken: 2 }), rules, qr(), at(1)))).toBe('ok');
      expect(outcome(decideCheckIn(member, activity({ capacity: 3, taken: 3 }), rules, qr(), at(1)))).toBe(
        '409 activity: capacity reached (名额已满)',
      );
    });
    it('does not apply without a capacity', () => {
      expect(outcome(decideCheckIn(member, activity({ capacity: null, taken: 500 }), rules, qr(), at(1)))).toBe('ok');
    });
  });

  it('puts a check-in in the year of the activity, not of the check-in', () => {
    const nye = new Date('2026-12-31T23:30:00Z');
    const d = decideCheckIn(
      member,
      activity({
        startsAt: nye,
        endsAt: new Date('2027-01-01T02:00:00Z'),
        qrRotatedAt: new Date('2027-01-01T00:05:00Z'),
      }),
      rules,
      qr(),
      new Date('2027-01-01T00:10:00Z'),
    );
    expect(d.ok && d.value.year).toBe(2026);
  });

  it('gives duplicates the same open slot, so the unique index lets only one through', () => {
    const a = decideCheckIn(member, activity(), rules, qr(), at(1));
    const b = decideCheckIn(member, activity(), rules, gps(), at(2));
    expect(a.ok && b.ok && a.value.openSlot === b.value.openSlot).toBe(true);
    expect(openSlotOf(7, 42)).toBe('7:42');
    expect(openSlotOf(7, 43)).not.toBe(openSlotOf(7, 42));
  });
});

describe('decideCheckOut', () => {
  const a = { startsAt: START, endsAt: END };

  it('counts minutes from the later of check-in and start to the earlier of now and end', () => {
    expect(decideCheckOut(a, { checkedInAt: at(-30) }, false, at(45))).toEqual({
      ok: true,
      value: { checkedOutAt: at(45), minutes: 45 },
    });
    expect(decideCheckOut(a, { checkedInAt: at(10) }, false, at(400))).toEqual({
      ok: true,
      value: { checkedOutAt: at(400), minutes: 170 },
    });
  });
  it('counts whole minutes only', () => {
    const d = decideCheckOut(a, { checkedInAt: at(0) }, false, new Date(at(1).getTime() + 59999));
    expect(d.ok && d.value.minutes).toBe(1);
  });
  it('refuses without a check-in (409), and a second check-out (409)', () => {
    expect(outcome(decideCheckOut(a, null, false, at(5)))).toBe(
      '409 check-out: no check-in for this activity (尚未签到)',
    );
    expect(outcome(decideCheckOut(a, null, true, at(5)))).toBe(
      '409 check-out: already checked out of this activity (已签退)',
    );
  });
  it('refuses before the activity starts (409) and allows at the start', () => {
    expect(outcome(decideCheckOut(a, { checkedInAt: at(-20) }, false, at(-1)))).toMatch(
      /^409 check-out: the activity has not started yet/,
    );
    expect(decideCheckOut(a, { checkedInAt: at(-20) }, false, at(0))).toEqual({
      ok: true,
      value: { checkedOutAt: at(0), minutes: 0 },
    });
  });
  it('refuses an unknown activity (400)', () => {
    expect(outcome(decideCheckOut(null, null, false, at(0)))).toBe('400 activity: no such activity (没有该活动)');
  });
});

describe('decideManualCheckIn', () => {
  const a = { startsAt: START, endsAt: END };
  const now = at(300);

  it('computes minutes as at check-out and the year of the activity', () => {
    expect(decideManualCheckIn(a, at(-10), at(90), [], now)).toEqual({ ok: true, value: { minutes: 90, year: 2026 } });
    expect(decideManualCheckIn(a, at(10), null, [], now)).toEqual({ ok: true, value: { minutes: 0, year: 2026 } });
  });
  it('keeps the check-in inside the early window and the activity', () => {
    expect(outcome(decideManualCheckIn(a, at(-EARLY_MINUTES), null, [], now))).toBe('ok');
    expect(outcome(decideManualCheckIn(a, at(-EARLY_MINUTES - 1), null, [], now))).toMatch(
      /^400 checkedInAt: must lie between 60 minutes/,
    );
    expect(outcome(decideManualCheckIn(a, at(181), null, [], now))).toMatch(/^400 checkedInAt: must lie between/);
  });
  it('refuses times in the future beyond a minute of clock skew', () => {
    const early = at(30);
    expect(outcome(decideManualCheckIn(a, at(31), null, [], early))).toBe('ok');
    expect(outcome(decideManualCheckIn(a, at(32), null, [], early))).toBe(
      '400 checkedInAt: must not be in the future (不能晚于当前时间)',
    );
    expect(outcome(decideManualCheckIn(a, at(0), at(32), [], early))).toBe(
      '400 checkedOutAt: must not be in the future (不能晚于当前时间)',
    );
  });
  it('refuses a check-out not after the check-in, or before the start', () => {
    expect(outcome(decideManualCheckIn(a, at(10), at(10), [], now))).toBe(
      '400 checkedOutAt: must be after checkedInAt (须晚于签到时间)',
    );
    expect(outcome(decideManualCheckIn(a, at(-30), at(-5), [], now))).toBe(
      '400 checkedOutAt: must be after the activity starts (须晚于活动开始时间)',
    );
  });
  it('refuses a session overlapping one the member has (409), open ones included; touching ends are fine', () => {
    const done = { checkedInAt: at(0), checkedOutAt: at(60) };
    expect(outcome(decideManualCheckIn(a, at(30), at(90), [done], now))).toMatch(
      /^409 checkedInAt: the member already has a check-in covering this time/,
    );
    expect(outcome(decideManualCheckIn(a, at(60), at(90), [done], now))).toBe('ok');
    expect(
      outcome(decideManualCheckIn(a, at(100), at(120), [{ checkedInAt: at(90), checkedOutAt: null }], now)),
    ).toMatch(/^409/);
    expect(outcome(decideManualCheckIn(a, at(70), null, [done], now))).toBe('ok');
  });
});

describe('serviceMinutes', () => {
  it('is never negative', () => {
    expect(serviceMinutes(at(200).getTime(), at(210).getTime(), START.getTime(), END.getTime())).toBe(0);
  });
});
