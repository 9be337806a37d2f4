import { defineFlow } from '@grassroots/kit/shared';

/**
 * The assessment flow, imported by the server (which enforces it with requireMove) and by the admin
 * pages (which offer only the buttons the server will accept). Pure data: no Strapi, no React.
 */
export const STATUSES = [
  'draft',
  'self_assessed',
  'reviewed',
  'publicized',
  'approved',
  'rejected',
  'revoked',
] as const;
export type Status = (typeof STATUSES)[number];

/** From each status, the statuses it may move to. */
export const ASSESSMENT_FLOW = defineFlow<Status>({
  draft: ['self_assessed'],
  self_assessed: ['reviewed', 'rejected'],
  reviewed: ['publicized', 'rejected'],
  publicized: ['approved', 'rejected'],
  approved: ['revoked'],
  rejected: ['draft'],
  revoked: [],
});

/** An admin RBAC action of the plugin (routes/admin.ts). */
export type Action = 'assess' | 'review' | 'approve';
/** The route (and button) that makes a move. */
export type Move = 'submit' | 'review' | 'publicize' | 'approve' | 'reject' | 'revoke' | 'reopen';

/** The move that reaches each status and the admin action it needs ('draft' is reached by reopening). */
export const MOVE_TO: Readonly<Record<Status, { move: Move; action: Action }>> = {
  draft: { move: 'reopen', action: 'assess' },
  self_assessed: { move: 'submit', action: 'assess' },
  reviewed: { move: 'review', action: 'review' },
  publicized: { move: 'publicize', action: 'review' },
  approved: { move: 'approve', action: 'approve' },
  rejected: { move: 'reject', action: 'review' },
  revoked: { move: 'revoke', action: 'approve' },
};

/** Only approved and publicized assessments are ever shown to the public. */
export const PUBLIC_STATUSES: readonly Status[] = ['publicized', 'approved'];
/** Evidence files may change until the inspection team has scored the sheet. */
export const FILES_OPEN: readonly Status[] = ['draft', 'self_assessed'];
