/** The plugin's content types. */
export const UID = {
  building: 'plugin::registers.building',
  house: 'plugin::registers.house',
  resident: 'plugin::registers.resident',
  rental: 'plugin::registers.rental',
  shop: 'plugin::registers.shop',
  firm: 'plugin::registers.firm',
  revealLog: 'plugin::registers.reveal-log',
} as const;

export type RegistersUid = (typeof UID)[keyof typeof UID];

/** The background Excel imports (a technical table, not a register: no personal data, no scope). */
export const IMPORT_JOB = 'plugin::registers.import-job';

/** Types of the suite this plugin reads (by uid, so it does not import their code). */
export const GRID = 'api::grid.grid';
export const BRANCH = 'api::branch.branch';
export const COMPOUND = 'api::compound.compound';
export const REPRESENTATIVE = 'api::representative.representative';
export const UNIT = 'plugin::double-report.unit';
export const MEMBER = 'plugin::double-report.member';
export const GRID_CASE = 'plugin::grid-cases.case';
