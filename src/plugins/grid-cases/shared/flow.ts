import { GRID_CASES_ON_THE_CLOCK, defineFlow, nextStates } from '@grassroots/kit/shared';

/**
 * 网格事项流转: 上报 → 受理 (或退回) → 派单 → 签收 → 处置 → 办结 → 核查 → 回访 → 归档, with the side
 * ways (合并, 上报街道/吹哨). The server enforces this table, the admin offers only its buttons.
 */
export const CASE_STATUSES = [
  'reported',
  'accepted',
  'returned',
  'dispatched',
  'signed',
  'handling',
  'handled',
  'verified',
  'rated',
  'archived',
  'escalated',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_FLOW = defineFlow<CaseStatus>({
  reported: ['accepted', 'returned', 'merged'],
  accepted: ['dispatched', 'escalated', 'merged'],
  returned: [],
  dispatched: ['signed', 'escalated'],
  signed: ['handling', 'escalated'],
  handling: ['handled', 'escalated'],
  // 核查: confirmed, or sent back to the owner when the check fails
  handled: ['verified', 'handling'],
  verified: ['rated'],
  // 回访: satisfied/basically → archived; dissatisfied the first time reopens to dispatched
  rated: ['archived', 'dispatched'],
  archived: [],
  // 上报上级: the original waits for the higher-level case and is archived with its outcome when that one is
  escalated: ['archived'],
  merged: [],
});

/** Every move by name: which states it leaves, where it goes, who makes it. */
export const CASE_ACTIONS = {
  accept: { from: ['reported'], to: 'accepted', by: 'staff' },
  return: { from: ['reported'], to: 'returned', by: 'staff' },
  merge: { from: ['reported', 'accepted'], to: 'merged', by: 'staff' },
  dispatch: { from: ['accepted'], to: 'dispatched', by: 'staff' },
  escalate: { from: ['accepted', 'dispatched', 'signed', 'handling'], to: 'escalated', by: 'staff' },
  sign: { from: ['dispatched'], to: 'signed', by: 'owner' },
  start: { from: ['signed'], to: 'handling', by: 'owner' },
  handle: { from: ['handling'], to: 'handled', by: 'owner' },
  verify: { from: ['handled'], to: 'verified', by: 'staff' },
  sendBack: { from: ['handled'], to: 'handling', by: 'staff' },
  rate: { from: ['verified'], to: 'rated', by: 'reporter' },
  reopen: { from: ['rated'], to: 'dispatched', by: 'system' },
  archive: { from: ['rated'], to: 'archived', by: 'staff' },
  // The escalated original follows its child: archived in the child's archive transaction, with its result.
  conclude: { from: ['escalated'], to: 'archived', by: 'system' },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus; by: string }>;
export type CaseAction = keyof typeof CASE_ACTIONS;

/**
 * Events that change no status, recorded with from = to: 申请延期 and its decision, the automatic
 * 督办 (`warned` at 80 % of the limit, `urged` when overdue), photos added, links into the suite.
 */
export const SIDE_ACTIONS = [
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'warned',
  'urged',
  'photos_added',
  'to_topic',
  'to_need',
] as const;
export type SideAction = (typeof SIDE_ACTIONS)[number];
export const EVENT_ACTIONS = [...(Object.keys(CASE_ACTIONS) as CaseAction[]), 'report', ...SIDE_ACTIONS] as const;

/** The action table and the flow table say the same thing (a unit test holds them together). */
export const actionAllowed = (action: CaseAction, from: string): boolean =>
  (CASE_ACTIONS[action].from as readonly string[]).includes(from) &&
  nextStates(CASE_FLOW, from).includes(CASE_ACTIONS[action].to);

/** States in which the case is still someone's work (not closed, not folded into another). */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (s) => !(['returned', 'archived', 'escalated', 'merged'] as readonly CaseStatus[]).includes(s),
);
/**
 * States in which the owner is on the clock (a deadline runs and an extension may be asked). The list is
 * the kit's, which the app's home page reads too; the type says each is a state of this flow.
 */
export const ON_THE_CLOCK: readonly CaseStatus[] = GRID_CASES_ON_THE_CLOCK;

export const SOURCES = ['grid_patrol', 'five_heads', 'residents', 'representatives', 'forum', 'hotline_12345'] as const;
export type CaseSource = (typeof SOURCES)[number];
export const SATISFACTION = ['satisfied', 'basically', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
/** The ratings 满意率 counts as satisfied (满意 and 基本满意). */
export const SATISFIED: readonly Satisfaction[] = ['satisfied', 'basically'];
export const OWNER_KINDS = ['unit', 'department', 'community', 'property'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
/** 承办方账号: the owners that may hold their own login besides a reporting unit (县直部门, 物业公司). */
export const OWNER_ACCOUNT_KINDS = ['department', 'property'] as const;
export type OwnerAccountKind = (typeof OWNER_ACCOUNT_KINDS)[number];
export const LEVELS = ['community', 'street', 'county'] as const;
export type CaseLevel = (typeof LEVELS)[number];
export const EXTENSION_STATES = ['not_requested', 'requested', 'granted', 'refused'] as const;

/** 上报街道/吹哨: the level a case escalates to (none above the county). */
export const escalationTarget = (level: CaseLevel): CaseLevel | null =>
  level === 'community' ? 'street' : level === 'street' ? 'county' : null;

/**
 * 回访: what a rating leads to. Satisfied or basically: the case may be archived. Dissatisfied the
 * first time: it goes back to its owner (reopened); the second time it may be archived, the rating kept.
 */
export const afterRating = (satisfaction: Satisfaction, reopened: boolean): 'reopen' | 'archivable' =>
  satisfaction === 'dissatisfied' && !reopened ? 'reopen' : 'archivable';

/** Great-circle distance in metres (possible duplicates lie within 50 m). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = 6_371_000;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}
export const DUPLICATE_RADIUS_METRES = 50;

/**
 * The latitude/longitude box that holds every point within `metres` of a point (a little more: the
 * box is the index's coarse filter, `distanceMetres` the exact one). A degree of longitude shrinks
 * with the cosine of the latitude.
 */
export function boxAround(p: { lat: number; lng: number }, metres: number) {
  const dLat = ((metres / 6_371_000) * 180) / Math.PI;
  const dLng = dLat / Math.max(Math.cos((p.lat * Math.PI) / 180), 1e-6);
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}
