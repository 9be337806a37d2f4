/** GET /grassroots/todo: shared by the server route and the home-page widget. */
export const TODO_KEYS = [
  'checkInsToVerify',
  'registrationsToAccept',
  'assessmentsToSelfAssess',
  'assessmentsToReview',
  'meetingsWithoutMinutes',
  'overdueActionItems',
  'overdueGridCases',
  'warnedGridCases',
  'draftNotices',
] as const;

export type TodoKey = (typeof TODO_KEYS)[number];

/** `count` is null when the type is not scoped to the user's organisation yet (never a county-wide figure). */
export interface TodoItem {
  key: TodoKey;
  count: number | null;
  /** The admin page that handles it, relative to /admin. */
  href: string;
}
