import { conflict, forbidden, invalid, type DomainError } from '@grassroots/kit/server';
import { distanceMetres } from './geo';

/**
 * The check-in and check-out rules as pure functions: given the facts (who, which activity, which
 * rule set, what the phone sent, what time it is) they decide, and touch no database. The database
 * layer (check-in/facts.ts, check-in/record.ts) only loads the facts and writes what was decided,
 * so every rule and boundary is tested without booting Strapi
 * (tests/double-report/check-in-rules.unit.test.ts).
 */

/** A member may check in this long before the activity starts (arriving early to set up); staff entries use the same window. */
export const EARLY_MINUTES = 60;
/** A GPS check-in's radius when the activity has none. */
export const DEFAULT_RADIUS_METRES = 200;

export interface MemberRef {
  id: number;
  documentId: string;
}

/** What the rules read of an activity. */
export interface ActivityFacts {
  id: number;
  documentId: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  lat: number | null;
  lng: number | null;
  radius: number | null;
  capacity: number | null;
  qrToken: string | null;
  qrRotatedAt: Date | null;
  /** check-ins that are not rejected; read only when the activity has a capacity (null: not read) */
  taken: number | null;
}

/** The part of the rule set (a single type, edited by staff) the check-in reads. */
export interface CheckInRuleSet {
  qrTokenTtlMinutes: number;
}

/** What the phone sent, once validated (validation/index.ts `checkInBody`). */
export type CheckInInput =
  { activity: string; source: 'qr'; token: string } | { activity: string; source: 'gps'; lat: number; lng: number };

/** The check-in the rules allow; the writer gives it a document id and stores it with its key. */
export interface NewCheckIn {
  memberId: number;
  activityId: number;
  activity: { documentId: string; title: string; kind: string };
  source: 'qr' | 'gps';
  checkedInAt: Date;
  /** the activity's calendar year: the yearly figures count it there */
  year: number;
  /** "memberId:activityId": a unique index keeps one open check-in per member and activity */
  openSlot: string;
}

export interface CheckOut {
  checkedOutAt: Date;
  minutes: number;
}

/** Either what the rules allow or the refusal the caller gets (and, for a check-in, the key keeps). */
export type Decision<T> = { ok: true; value: T } | { ok: false; refusal: DomainError };

const allow = <T>(value: T): Decision<T> => ({ ok: true, value });
const refuse = <T>(refusal: DomainError): Decision<T> => ({ ok: false, refusal });

/** The open slot of a member at an activity: two check-ins of the same pair collide on it. */
export const openSlotOf = (memberId: number, activityId: number) => `${memberId}:${activityId}`;

/** Whole minutes of service: from the later of check-in and start to the earlier of check-out and end. */
export function serviceMinutes(checkedInAt: number, checkedOutAt: number, startsAt: number, endsAt: number): number {
  return Math.max(0, Math.floor((Math.min(checkedOutAt, endsAt) - Math.max(checkedInAt, startsAt)) / 60000));
}

export const NOT_LINKED = 'account: not linked to a reported member (账号未关联在职党员)';
export const ALREADY_IN = 'already checked in to this activity (已签到，请先签退)';

/**
 * May `member` check in to `activity` now? The order is the order a member meets the rules in:
 * who, which activity, when, where (QR or GPS), and finally room.
 */
export function decideCheckIn(
  member: MemberRef | null,
  activity: ActivityFacts | null,
  ruleSet: CheckInRuleSet,
  input: CheckInInput,
  now: Date,
): Decision<NewCheckIn> {
  if (!member) return refuse(forbidden(NOT_LINKED, 'account'));
  if (!activity) return refuse(invalid('activity', 'no such activity (没有该活动)'));
  const t = now.getTime();
  if (t < activity.startsAt.getTime() - EARLY_MINUTES * 60000) {
    return refuse(invalid('activity', `check-in opens ${EARLY_MINUTES} minutes before the start (签到尚未开始)`));
  }
  if (t > activity.endsAt.getTime()) return refuse(invalid('activity', 'the activity has ended (活动已结束)'));

  if (input.source === 'qr') {
    if (!activity.qrToken || activity.qrToken !== input.token) {
      return refuse(invalid('token', "not the activity's current QR token (二维码无效)"));
    }
    const fresh =
      activity.qrRotatedAt != null && t - activity.qrRotatedAt.getTime() <= ruleSet.qrTokenTtlMinutes * 60000;
    if (!fresh) return refuse(invalid('token', 'the QR token has expired, scan the refreshed code (二维码已过期)'));
  } else {
    if (activity.lat == null || activity.lng == null)
      return refuse(invalid('source', 'this activity has no location, use its QR code (该活动未设定位置，请扫码签到)'));
    const d = distanceMetres(activity.lat, activity.lng, input.lat, input.lng);
    const radius = activity.radius ?? DEFAULT_RADIUS_METRES;
    if (d > radius) {
      return refuse(
        invalid(
          'lat',
          `position is ${Math.round(d)} m from the activity, outside its ${radius} m radius (不在签到范围内)`,
        ),
      );
    }
  }
  // Advisory under races (two last seats may both pass); the open-slot index is the hard rule.
  if (activity.capacity && activity.taken != null && activity.taken >= activity.capacity) {
    return refuse(conflict('activity', 'capacity reached (名额已满)'));
  }

  return allow({
    memberId: member.id,
    activityId: activity.id,
    activity: { documentId: activity.documentId, title: activity.title, kind: activity.kind },
    source: input.source,
    checkedInAt: now,
    year: activity.startsAt.getUTCFullYear(),
    openSlot: openSlotOf(member.id, activity.id),
  });
}

/**
 * May the member check out of `activity` now, and for how many minutes? `open` is the member's open
 * check-in there (none: `checkedOutBefore` tells whether an earlier one was closed already).
 */
export function decideCheckOut(
  activity: Pick<ActivityFacts, 'startsAt' | 'endsAt'> | null,
  open: { checkedInAt: Date } | null,
  checkedOutBefore: boolean,
  now: Date,
): Decision<CheckOut> {
  if (!activity) return refuse(invalid('activity', 'no such activity (没有该活动)'));
  if (!open) {
    return refuse(
      checkedOutBefore
        ? conflict('check-out', 'already checked out of this activity (已签退)')
        : conflict('check-out', 'no check-in for this activity (尚未签到)'),
    );
  }
  const from = Math.max(open.checkedInAt.getTime(), activity.startsAt.getTime());
  if (now.getTime() < from) {
    return refuse(
      conflict(
        'check-out',
        'the activity has not started yet, service time cannot be counted (活动尚未开始，不能签退)',
      ),
    );
  }
  return allow({
    checkedOutAt: now,
    minutes: serviceMinutes(
      open.checkedInAt.getTime(),
      now.getTime(),
      activity.startsAt.getTime(),
      activity.endsAt.getTime(),
    ),
  });
}

// Clock skew allowed between the staff's device and the server.
export const FUTURE_SLACK_MS = 60000;

/** A session of the same member at the same activity (not rejected), for the overlap rule. */
export interface Session {
  checkedInAt: Date;
  checkedOutAt: Date | null;
}

/**
 * Staff record a member's attendance: inside the same window as a member's own check-in, not in
 * the future, not overlapping a session the member already has there. Minutes as at check-out.
 */
export function decideManualCheckIn(
  activity: Pick<ActivityFacts, 'startsAt' | 'endsAt'>,
  checkedInAt: Date,
  checkedOutAt: Date | null,
  others: Session[],
  now: Date,
): Decision<{ minutes: number; year: number }> {
  const starts = activity.startsAt.getTime();
  const ends = activity.endsAt.getTime();
  const inAt = checkedInAt.getTime();
  const outAt = checkedOutAt?.getTime() ?? null;
  if (inAt > now.getTime() + FUTURE_SLACK_MS)
    return refuse(invalid('checkedInAt', 'must not be in the future (不能晚于当前时间)'));
  if (inAt < starts - EARLY_MINUTES * 60000 || inAt > ends) {
    return refuse(
      invalid(
        'checkedInAt',
        `must lie between ${EARLY_MINUTES} minutes before the activity starts and its end (须在活动开始前 ${EARLY_MINUTES} 分钟至活动结束之间)`,
      ),
    );
  }
  if (outAt != null && outAt <= inAt)
    return refuse(invalid('checkedOutAt', 'must be after checkedInAt (须晚于签到时间)'));
  if (outAt != null && outAt > now.getTime() + FUTURE_SLACK_MS)
    return refuse(invalid('checkedOutAt', 'must not be in the future (不能晚于当前时间)'));
  if (outAt != null && outAt < starts)
    return refuse(invalid('checkedOutAt', 'must be after the activity starts (须晚于活动开始时间)'));
  // A finished session must not overlap one the member already has for this activity (no double hours).
  const end = outAt ?? Number.POSITIVE_INFINITY;
  for (const o of others) {
    const oIn = o.checkedInAt.getTime();
    const oOut = o.checkedOutAt?.getTime() ?? Number.POSITIVE_INFINITY;
    if (oIn < end && inAt < oOut)
      return refuse(conflict('checkedInAt', 'the member already has a check-in covering this time (时间段已有签到)'));
  }
  return allow({
    minutes: outAt == null ? 0 : serviceMinutes(inAt, outAt, starts, ends),
    year: new Date(starts).getUTCFullYear(),
  });
}
