import { defineFlow, nextStates } from '@grassroots/kit/shared';

/**
 * The status flows of the deliberation cycle, one per subject. The server enforces them
 * (`requireMove`) and the admin pages offer only the buttons they allow, so the two never disagree.
 */
export type TopicStatus =
  'collected' | 'scheduled' | 'deliberated' | 'decided' | 'implementing' | 'closed' | 'evaluated';
export type MeetingStatus = 'scheduled' | 'held' | 'minutes_draft' | 'minutes_approved' | 'published';
export type ActionItemStatus = 'open' | 'in_progress' | 'done' | 'verified';

export const TOPIC_FLOW = defineFlow<TopicStatus>({
  collected: ['scheduled'],
  scheduled: ['deliberated', 'collected'],
  deliberated: ['decided'],
  decided: ['implementing'],
  implementing: ['closed'],
  closed: ['evaluated'],
  evaluated: [],
});

export const MEETING_FLOW = defineFlow<MeetingStatus>({
  scheduled: ['held'],
  held: ['minutes_draft'],
  minutes_draft: ['minutes_approved'],
  // Approved minutes may go back to draft for another edit; published ones take corrections only.
  minutes_approved: ['published', 'minutes_draft'],
  published: [],
});

export const ACTION_ITEM_FLOW = defineFlow<ActionItemStatus>({
  open: ['in_progress', 'done'],
  in_progress: ['done'],
  // A done item the convener does not accept goes back to in_progress.
  done: ['verified', 'in_progress'],
  verified: [],
});

/** Subjects as the transition trail names them (`subjectType`). */
export const FLOWS = { topic: TOPIC_FLOW, meeting: MEETING_FLOW, action_item: ACTION_ITEM_FLOW } as const;
export type Subject = keyof typeof FLOWS;

/** The states a subject may move to from `from` (none for an unknown state). */
export const movesOf = (subject: Subject, from: string): readonly string[] => nextStates<string>(FLOWS[subject], from);

/** Minutes in these states are frozen: approved ones go back to draft first, published ones take corrections. */
export const FROZEN_MINUTES: readonly MeetingStatus[] = ['minutes_approved', 'published'];
/** Action items may be assigned once the minutes are approved. */
export const ASSIGNABLE_MINUTES: readonly MeetingStatus[] = ['minutes_approved', 'published'];
/** Topics past 多方办事: further work needs a new topic. */
export const FINISHED_TOPICS: readonly TopicStatus[] = ['closed', 'evaluated'];
/** Topics a decision may settle (the admin offers these when a decision is added). */
export const OPEN_FOR_DECISION: readonly TopicStatus[] = ['scheduled', 'deliberated'];
