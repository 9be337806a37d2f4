import type { Knex } from 'knex';

/**
 * One row per cache scope (a content type uid or a named read model): its version changes in the
 * same transaction as the data behind it. Every instance reads the same row, so ETags agree across
 * instances without any broadcast. Versions start at the epoch milliseconds of the row's creation,
 * so a recreated table never hands out an ETag a client already holds for other data.
 */
export const VERSIONS_TABLE = 'kit_cache_versions';

export interface Version {
  version: number;
  /** epoch milliseconds of the last change */
  changedAt: number;
}

/**
 * The table is created by a Strapi internal migration: migrations run once, at database init,
 * before any request or bootstrap write (creating it lazily would deadlock SQLite's single
 * connection when the first touch happens inside a transaction).
 */
export const versionsMigration = {
  name: 'grassroots-kit-cache-versions',
  async up(knex: Knex): Promise<void> {
    if (await knex.schema.hasTable(VERSIONS_TABLE)) return;
    await knex.schema.createTable(VERSIONS_TABLE, (t) => {
      t.string('scope', 191).primary();
      t.bigInteger('version').notNullable();
      t.bigInteger('changed_at').notNullable();
    });
  },
  async down(knex: Knex): Promise<void> {
    await knex.schema.dropTableIfExists(VERSIONS_TABLE);
  },
};

const fresh = (scopes: string[], now: number) => scopes.map((scope) => ({ scope, version: now, changed_at: now }));

/** The versions of the scopes, in one primary-key lookup; a scope seen for the first time is created. */
export async function readVersions(knex: Knex, scopes: string[]): Promise<Map<string, Version>> {
  const read = async () => {
    const rows: Array<{ scope: string; version: string | number; changed_at: string | number }> = await knex(
      VERSIONS_TABLE,
    )
      .whereIn('scope', scopes)
      .select('scope', 'version', 'changed_at');
    return new Map(rows.map((r) => [r.scope, { version: Number(r.version), changedAt: Number(r.changed_at) }]));
  };
  const found = await read();
  if (found.size === scopes.length) return found;
  await knex(VERSIONS_TABLE)
    .insert(
      fresh(
        scopes.filter((s) => !found.has(s)),
        Date.now(),
      ),
    )
    .onConflict('scope')
    .ignore();
  return read();
}

/** Moves every scope to a new version; sorted, so two writers never lock the same rows in opposite order. */
export async function bumpVersions(knex: Knex, scopes: string[]): Promise<void> {
  const now = Date.now();
  await knex(VERSIONS_TABLE)
    .insert(fresh([...new Set(scopes)].sort(), now))
    .onConflict('scope')
    .merge({ version: knex.raw('??.?? + 1', [VERSIONS_TABLE, 'version']), changed_at: now });
}
