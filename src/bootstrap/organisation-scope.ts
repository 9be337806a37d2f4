import type { ScopeRegistry } from '../packages/kit/server';
import { STAFF_ASSIGNMENT_TYPE } from './domain';

/**
 * How each governed type of the app finds its place in the organisation tree (the plugins add
 * theirs when they are scoped): a branch from its parent chain, a grid from its branch (or parent
 * grid), a compound from its grid (or party group), a representative from its grid, a notice from
 * the branches and grids it is addressed to (the common ancestor), else the writer's own node.
 */
/**
 * 双报到: everything belongs to the community it names; a check-in to its activity's community, a
 * points row to its member's (else its unit's). Units and members are county-wide actors, seen by the
 * community they are registered with (their `community`); their own API routes keep their ownership rules.
 */
const DOUBLE_REPORT_SCOPE: ScopeRegistry['governed'] = {
  'plugin::double-report.unit': { kind: 'via', relations: ['community'] },
  'plugin::double-report.member': { kind: 'via', relations: ['community'] },
  'plugin::double-report.registration': { kind: 'via', relations: ['community'] },
  'plugin::double-report.list-item': { kind: 'via', relations: ['community'] },
  'plugin::double-report.activity': { kind: 'via', relations: ['community'] },
  'plugin::double-report.check-in': { kind: 'via', relations: ['activity'] },
  'plugin::double-report.points-entry': { kind: 'via', relations: ['member', 'unit'] },
};

/**
 * 议事协商: a council belongs to its branch (a community's council, or the street's joint meeting);
 * topics, meetings and action items follow their council or meeting, revisions their meeting,
 * evaluations their topic. The transition trail names its subject by a plain id, so a row keeps its
 * writer's organisation; staff read trails through the (scoped) meeting and topic pages.
 */
const DELIBERATION_SCOPE: ScopeRegistry['governed'] = {
  'plugin::deliberation.council': { kind: 'via', relations: ['branch'] },
  'plugin::deliberation.topic': { kind: 'via', relations: ['council', 'grid'] },
  'plugin::deliberation.meeting': { kind: 'via', relations: ['council'] },
  'plugin::deliberation.action-item': { kind: 'via', relations: ['meeting', 'topic'] },
  'plugin::deliberation.revision': { kind: 'via', relations: ['meeting'] },
  'plugin::deliberation.evaluation': { kind: 'via', relations: ['topic'] },
  'plugin::deliberation.transition': { kind: 'via', relations: [] },
};

/**
 * 五星支部创建: an assessment (with its awarded star and its publicity) belongs to its branch; its
 * rectification tasks and evidence files follow the assessment. The transition log is read only
 * through its (scoped) assessment and closed to staff in the Content Manager.
 */
const STAR_SCORING_SCOPE: ScopeRegistry['governed'] = {
  'plugin::star-scoring.assessment': { kind: 'via', relations: ['branch'] },
  'plugin::star-scoring.rectification': { kind: 'via', relations: ['assessment'] },
  'plugin::star-scoring.evidence': { kind: 'via', relations: ['assessment'] },
};

/**
 * 网格事项: a case belongs to its grid (an escalated case keeps the grid, so the street and county
 * above see it); its events follow the case; a grid account its grid; an owner account (承办方账号)
 * the branch it serves (the county for a department, the community for a property company).
 */
const GRID_CASES_SCOPE: ScopeRegistry['governed'] = {
  'plugin::grid-cases.case': { kind: 'via', relations: ['grid'] },
  'plugin::grid-cases.case-event': { kind: 'via', relations: ['case'] },
  'plugin::grid-cases.grid-account': { kind: 'via', relations: ['grid'] },
  'plugin::grid-cases.owner-account': { kind: 'via', relations: ['organisation'] },
};

/**
 * 一表三图: a building belongs to its compound (or, outside any compound, its grid); a house, its
 * residents and rentals follow the building; shops and firms their grid. The reveal log keeps its
 * writer's organisation.
 */
const REGISTERS_SCOPE: ScopeRegistry['governed'] = {
  'plugin::registers.building': { kind: 'via', relations: ['compound', 'grid'] },
  'plugin::registers.house': { kind: 'via', relations: ['building'] },
  'plugin::registers.resident': { kind: 'via', relations: ['house'] },
  'plugin::registers.rental': { kind: 'via', relations: ['house'] },
  'plugin::registers.shop': { kind: 'via', relations: ['grid', 'house'] },
  'plugin::registers.firm': { kind: 'via', relations: ['grid'] },
  'plugin::registers.reveal-log': { kind: 'via', relations: [] },
};

export const SCOPE_REGISTRY: ScopeRegistry = {
  tree: 'api::branch.branch',
  assignment: STAFF_ASSIGNMENT_TYPE,
  governed: {
    'api::branch.branch': { kind: 'tree', parent: 'parent', level: 'level' },
    'api::grid.grid': { kind: 'via', relations: ['branch', 'parent'] },
    'api::compound.compound': { kind: 'via', relations: ['grid', 'partyGroup'] },
    'api::representative.representative': { kind: 'via', relations: ['grid'] },
    'api::notice.notice': { kind: 'audience', relations: ['audienceBranches', 'audienceGrids'] },
    ...DOUBLE_REPORT_SCOPE,
    ...DELIBERATION_SCOPE,
    ...STAR_SCORING_SCOPE,
    ...GRID_CASES_SCOPE,
    ...REGISTERS_SCOPE,
  },
};
