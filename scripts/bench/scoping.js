// Bench scenario: organisation scope in the Content Manager. Bulk-inserts (plain SQL in chunks) a
// county with BENCH_SCOPE_COMMUNITIES communities (default 2,000) under streets of 25, and
// BENCH_SCOPE_GRIDS grids (default 50,000) spread over them, scope columns filled as the scope
// middleware would; then loads the Content Manager list of grids as Super Admin (no condition) and
// as community and street staff (the 本组织及下级 condition: one indexed equality), in one run.
// Target of the issue: scoped ≥ 0.8× unscoped.
const crypto = require('crypto');
const { insertChunked: insertRows } = require('../lib/bench-rows');

const COMMUNITIES = Number(process.env.BENCH_SCOPE_COMMUNITIES || 2000);
const GRIDS = Number(process.env.BENCH_SCOPE_GRIDS || 50000);
const PER_STREET = 25;
const LIST = '/content-manager/collection-types/api::grid.grid?page=1&pageSize=10&sort=name:ASC';
// Rows per INSERT: SQLite writes a multi-row insert as a compound SELECT limited to 500 terms.
let CHUNK = 2000;
const docId = () => crypto.randomBytes(12).toString('hex');
const state = {};

const insertChunked = (knex, table, rows, chunk = CHUNK) => insertRows(knex, table, rows, chunk);

async function adminToken(strapi, baseUrl, roleCode, branchDocumentId) {
  const email = `bench-${roleCode}-${Date.now()}@bench.local`;
  const password = `Bench-${crypto.randomBytes(6).toString('hex')}-9a`;
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  await strapi.service('admin::user').create({
    email,
    password,
    firstname: '压测',
    lastname: roleCode,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  if (branchDocumentId) {
    await strapi
      .documents('api::staff-assignment.staff-assignment')
      .create({ data: { adminEmail: email, branch: branchDocumentId } });
  }
  const res = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const login = await res.json();
  return { authorization: `Bearer ${login.data.token}` };
}

module.exports = {
  name: 'scoping',
  async setup({ strapi, knex, baseUrl, note }) {
    const pg = /^(pg|postgres)/.test(String(strapi.db.dialect.client));
    if (!pg) CHUNK = 500;
    const now = new Date();
    const base = { created_at: now, updated_at: now, published_at: now };
    const parent = strapi.db.metadata.get('api::branch.branch').attributes.parent.joinTable;
    const gridBranch = strapi.db.metadata.get('api::grid.grid').attributes.branch.joinTable;

    const county = docId();
    const [countyId] = await insertChunked(knex, 'branches', [
      {
        ...base,
        document_id: county,
        name: '压测县委组织部',
        code: 'BZ-WS',
        level: 'county_committee',
        category: 'urban',
        member_count: 0,
        scope_county: county,
      },
    ]);
    const streets = Array.from({ length: Math.ceil(COMMUNITIES / PER_STREET) }, (_, s) => {
      const d = docId();
      return {
        ...base,
        document_id: d,
        name: `压测街道${s}`,
        code: `BZ-S${s}`,
        level: 'street_committee',
        category: 'urban',
        member_count: 0,
        scope_county: county,
        scope_street: d,
      };
    });
    const streetIds = await insertChunked(knex, 'branches', streets);
    await knex.batchInsert(
      parent.name,
      streetIds.map((id) => ({ [parent.joinColumn.name]: id, [parent.inverseJoinColumn.name]: countyId })),
      CHUNK,
    );

    const communities = Array.from({ length: COMMUNITIES }, (_, c) => {
      const d = docId();
      const street = streets[Math.floor(c / PER_STREET)];
      return {
        ...base,
        document_id: d,
        name: `压测社区${c}`,
        code: `BZ-C${c}`,
        level: 'community_branch',
        category: c % 3 ? 'urban' : 'rural',
        member_count: 30,
        scope_county: county,
        scope_street: street.document_id,
        scope_community: d,
      };
    });
    const communityIds = await insertChunked(knex, 'branches', communities);
    await knex.batchInsert(
      parent.name,
      communityIds.map((id, c) => ({
        [parent.joinColumn.name]: id,
        [parent.inverseJoinColumn.name]: streetIds[Math.floor(c / PER_STREET)],
      })),
      CHUNK,
    );

    // Grid names are shuffled against their communities, so sorting by name interleaves communities.
    const grids = Array.from({ length: GRIDS }, (_, g) => {
      const c = g % COMMUNITIES;
      const community = communities[c];
      return {
        ...base,
        document_id: docId(),
        name: `网格${String((g * 7919) % GRIDS).padStart(6, '0')}`,
        code: `BZ-G${g}`,
        level: 'base',
        households: 300 + (g % 200),
        population: 900 + (g % 700),
        scope_county: county,
        scope_street: community.scope_street,
        scope_community: community.document_id,
      };
    });
    const gridIds = await insertChunked(knex, 'grids', grids);
    await knex.batchInsert(
      gridBranch.name,
      gridIds.map((id, g) => ({
        [gridBranch.joinColumn.name]: id,
        [gridBranch.inverseJoinColumn.name]: communityIds[g % COMMUNITIES],
      })),
      CHUNK,
    );
    if (pg) await knex.raw('ANALYZE grids; ANALYZE branches');

    state.community = communities[0].document_id;
    state.baseUrl = baseUrl;
    state.root = await adminToken(strapi, baseUrl, 'strapi-super-admin');
    state.communityStaff = await adminToken(strapi, baseUrl, 'community-staff', communities[0].document_id);
    state.streetStaff = await adminToken(strapi, baseUrl, 'street-staff', streets[0].document_id);
    note(
      `scoping: ${COMMUNITIES} communities in ${streets.length} streets, ${GRIDS} grids (${GRIDS / COMMUNITIES} a community)`,
    );

    // The condition must be an index lookup, not a scan of 50,000 grids.
    if (pg) {
      const plan = await knex.raw(
        'EXPLAIN SELECT t0.id FROM grids t0 WHERE t0.scope_community = ? ORDER BY t0.name ASC LIMIT 10',
        [state.community],
      );
      note(`scoping: EXPLAIN of the community condition: ${plan.rows.map((r) => r['QUERY PLAN'].trim()).join(' / ')}`);
    } else {
      const plan = await knex.raw(
        'EXPLAIN QUERY PLAN SELECT t0.id FROM grids t0 WHERE t0.scope_community = ? ORDER BY t0.name ASC LIMIT 10',
        [state.community],
      );
      note(`scoping: query plan of the community condition: ${plan.map((r) => r.detail).join(' / ')}`);
    }
  },

  async run({ measure, note }) {
    // Each caller must see what its scope holds before its speed means anything.
    for (const [who, headers, expected] of [
      ['Super Admin', state.root, GRIDS],
      ['community staff', state.communityStaff, GRIDS / COMMUNITIES],
      ['street staff', state.streetStaff, PER_STREET * (GRIDS / COMMUNITIES)],
    ]) {
      const body = await (await fetch(state.baseUrl + LIST, { headers })).json();
      if (body.pagination?.total !== expected)
        throw new Error(`scoping: ${who} sees ${body.pagination?.total} grids, expected ${expected}`);
    }
    const unscoped = await measure(
      `CM list of grids, Super Admin (${GRIDS} grids)`,
      { path: LIST, headers: state.root },
      { baseline: 'core:list-branches' },
    );
    const community = await measure(
      'CM list of grids, community staff (本组织及下级, 25 grids)',
      { path: LIST, headers: state.communityStaff },
      { baseline: 'core:list-branches' },
    );
    const street = await measure(
      `CM list of grids, street staff (本组织及下级, ${PER_STREET * (GRIDS / COMMUNITIES)} grids)`,
      { path: LIST, headers: state.streetStaff },
      { baseline: 'core:list-branches' },
    );
    note(
      `scoping: community staff / Super Admin = ${(community.rps / unscoped.rps).toFixed(2)}×, street staff / Super Admin = ${(street.rps / unscoped.rps).toFixed(2)}× (target ≥ 0.8×)`,
    );
  },
};
