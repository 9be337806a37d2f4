/** The plugin's content types; cache scopes are these uids too. */
export const UID = {
  category: 'plugin::grid-cases.case-category',
  case: 'plugin::grid-cases.case',
  event: 'plugin::grid-cases.case-event',
  holiday: 'plugin::grid-cases.holiday',
  account: 'plugin::grid-cases.grid-account',
  ownerAccount: 'plugin::grid-cases.owner-account',
} as const;

export type GridCasesUid = (typeof UID)[keyof typeof UID];

/** Types of the suite this plugin reads (by uid, so it does not import their code). */
export const GRID = 'api::grid.grid';
export const BRANCH = 'api::branch.branch';
export const UNIT = 'plugin::double-report.unit';
export const REPRESENTATIVE = 'api::representative.representative';
