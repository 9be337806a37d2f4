/** Allowed status transitions per subject; anything else is refused naming this rule. */
export const FLOWS: Record<'topic' | 'meeting' | 'action_item', Record<string, string[]>> = {
  topic: {
    collected: ['scheduled'],
    scheduled: ['deliberated', 'collected'],
    deliberated: ['decided'],
    decided: ['implementing'],
    implementing: ['closed'],
    closed: ['evaluated'],
    evaluated: [],
  },
  meeting: {
    scheduled: ['held'],
    held: ['minutes_draft'],
    minutes_draft: ['minutes_approved'],
    minutes_approved: ['published', 'minutes_draft'],
    published: [],
  },
  action_item: {
    open: ['in_progress', 'done'],
    in_progress: ['done'],
    done: ['verified', 'in_progress'],
    verified: [],
  },
};

export const allowed = (subject: keyof typeof FLOWS, from: string, to: string) => (FLOWS[subject][from] ?? []).includes(to);
