import type { ScopeRegistry } from '../packages/kit/server';
import { STAFF_ASSIGNMENT_TYPE } from './domain';

/**
 * How each governed type of the app finds its place in the organisation tree (the plugins add
 * theirs when they are scoped): a branch from its parent chain, a grid from its branch (or parent
 * grid), a compound from its grid (or party group), a representative from its grid, a notice from
 * the branches and grids it is addressed to (the common ancestor), else the writer's own node.
 */
export const SCOPE_REGISTRY: ScopeRegistry = {
  tree: 'api::branch.branch',
  assignment: STAFF_ASSIGNMENT_TYPE,
  governed: {
    'api::branch.branch': { kind: 'tree', parent: 'parent', level: 'level' },
    'api::grid.grid': { kind: 'via', relations: ['branch', 'parent'] },
    'api::compound.compound': { kind: 'via', relations: ['grid', 'partyGroup'] },
    'api::representative.representative': { kind: 'via', relations: ['grid'] },
    'api::notice.notice': { kind: 'audience', relations: ['audienceBranches', 'audienceGrids'] },
  },
};
