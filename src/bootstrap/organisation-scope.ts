import type { ScopeRegistry } from '../packages/kit/server';
import { STAFF_ASSIGNMENT_TYPE } from './domain';

/**
 * How each governed type of the app finds its place in the organisation tree (the plugins add
 * theirs when they are scoped): a branch from its parent chain, a grid from its branch (or parent
 * grid), a compound from its grid (or party group), a representative from its grid, a notice from
 * the branches and grids it is addressed to (the common ancestor), else the writer's own node.
 */
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

export const SCOPE_REGISTRY: ScopeRegistry = {
  tree: 'api::branch.branch',
  assignment: STAFF_ASSIGNMENT_TYPE,
  governed: {
    'api::branch.branch': { kind: 'tree', parent: 'parent', level: 'level' },
    'api::grid.grid': { kind: 'via', relations: ['branch', 'parent'] },
    'api::compound.compound': { kind: 'via', relations: ['grid', 'partyGroup'] },
    'api::representative.representative': { kind: 'via', relations: ['grid'] },
    'api::notice.notice': { kind: 'audience', relations: ['audienceBranches', 'audienceGrids'] },
    ...STAR_SCORING_SCOPE,
  },
};
