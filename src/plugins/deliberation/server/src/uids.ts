/** The plugin's content types; cache scopes are these uids too. */
export const UID = {
  council: 'plugin::deliberation.council',
  topic: 'plugin::deliberation.topic',
  meeting: 'plugin::deliberation.meeting',
  item: 'plugin::deliberation.action-item',
  transition: 'plugin::deliberation.transition',
  revision: 'plugin::deliberation.revision',
  evaluation: 'plugin::deliberation.evaluation',
} as const;

export type DeliberationUid = (typeof UID)[keyof typeof UID];
