/**
 * Organisation scope (数据权限): every governed row carries the document ids of its county, street
 * and community ancestors in three denormalised columns, so "the caller's organisation and
 * everything below it" is one indexed equality on one column, the same on SQLite and PostgreSQL.
 */
export const SCOPE_ATTRIBUTES = ['scopeCounty', 'scopeStreet', 'scopeCommunity'] as const;
export type ScopeAttribute = (typeof SCOPE_ATTRIBUTES)[number];

/** The three ancestors of a row (null where the row has none at that level). */
export type Scope = Record<ScopeAttribute, string | null>;

export const EMPTY_SCOPE: Scope = { scopeCounty: null, scopeStreet: null, scopeCommunity: null };

/** The levels of the organisation tree that a scope column stands for, top down. */
export const SCOPE_LEVELS = ['county_committee', 'street_committee', 'community_branch'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** Which column a node of that level filters on. */
export const COLUMN_OF_LEVEL: Record<ScopeLevel, ScopeAttribute> = {
  county_committee: 'scopeCounty',
  street_committee: 'scopeStreet',
  community_branch: 'scopeCommunity',
};

export const isScopeLevel = (level: unknown): level is ScopeLevel => SCOPE_LEVELS.includes(level as ScopeLevel);

/**
 * How a governed type finds its place in the tree:
 * - `tree`: the organisation tree itself (its parent relation and level attribute);
 * - `via`: the first of these relations that is set (grid → branch, compound → grid or partyGroup);
 * - `audience`: the lowest common ancestor of every row these relations name (notice audiences).
 * A row whose relations name nothing gets the writer's own organisation when created, and keeps
 * the scope it has when updated.
 */
export type ScopeSource =
  | { kind: 'tree'; parent: string; level: string }
  | { kind: 'via'; relations: string[] }
  | { kind: 'audience'; relations: string[] };

export interface ScopeRegistry {
  /** the organisation tree's content type (api::branch.branch) */
  tree: string;
  /** the staff assignment content type (admin user e-mail ↔ one node) */
  assignment: string;
  /** governed content type uid → how its rows find their scope (the tree itself included) */
  governed: Record<string, ScopeSource>;
}

/** Where an administrator works: one node of the tree, and the column its level filters on. */
export interface Organisation {
  /** document id of the assigned node */
  node: string;
  name: string;
  level: ScopeLevel;
  column: ScopeAttribute;
  /** the node's own scope: its ancestors at the levels above, and itself at its level */
  scope: Scope;
}

/** The admin user as Strapi's admin authentication hands it over (roles populated). */
export interface AdminUser {
  id: number;
  email?: string;
  roles?: Array<{ code?: string }>;
}

/** The three scope attributes as a governed content type declares them (server-written, never shown or edited). */
export const scopeSchemaAttributes = () =>
  Object.fromEntries(
    SCOPE_ATTRIBUTES.map((a) => [
      a,
      { type: 'string', maxLength: 64, private: true, configurable: false, visible: false, writable: false } as const,
    ]),
  ) as Record<
    ScopeAttribute,
    { type: 'string'; maxLength: 64; private: true; configurable: false; visible: false; writable: false }
  >;

/** One index per scope column of a governed table, so the 本组织及下级 condition is an indexed equality. */
export const scopeSchemaIndexes = (table: string) =>
  (['county', 'street', 'community'] as const).map((l) => ({
    name: `${table}_scope_${l}_idx`,
    columns: [`scope_${l}`],
  }));
