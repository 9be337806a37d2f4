// Bench scenario (issue 15; BENCH_SCENARIOS=grid-cases npm run bench, BENCH_GC_CASES to change the size): a grid account's report vs Strapi's core create; the 受理台 and 督办台 and
// the 三率 of one street over 1,000,000 cases (a county of STREETS streets, a year of cases each);
// the cached public case list vs core list. Figures only, each beside a core endpoint of the same run.
const crypto = require('crypto');
const { quantile, oneAtATime: timeOneAtATime } = require('../lib/bench-timing');
const path = require('path');
const { staffSession } = require('../lib/staff-session');

const CASES = Number(process.env.BENCH_GC_CASES || 1_000_000);
const STREETS = 10;
const COMMUNITIES = 3; // per street, one grid each
const FIGURES_RUNS = 30;
const OWNERS = ['尉氏县城市管理局', '尉氏县住房和城乡建设局', '小区物业服务企业', '社区居委会'];
const SOURCES = ['grid_patrol', 'five_heads', 'residents', 'representatives', 'forum', 'hotline_12345'];
const state = {};
const PER_STREET = (CASES / STREETS).toLocaleString('en');
const ALL = CASES.toLocaleString('en');

const shanghaiDate = (d) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const oneAtATime = (url, headers, runs = FIGURES_RUNS) => timeOneAtATime(url, headers, runs);

/**
 * The cases, set-based: one INSERT … SELECT over generate_series, each case in one of the 30 communities
 * (scope columns copied from its community), spread over the last 365 days, in every status with the
 * timestamps its status implies, placed in its community's 2 km × 2 km (the communities 3 km apart, like a
 * county town's): a ±50 m box then holds the few neighbours a real desk sees; then the grid and category join tables from the inserted rows.
 */
async function generateCases(strapi, knex, communities, categoryIds) {
  const table = (uid) => strapi.db.metadata.get(uid).tableName;
  const cases = table('plugin::grid-cases.case');
  const before = Number((await knex(cases).max('id as m').first()).m || 0);
  const values = communities
    .map((c, k) => `(${k}, '${c.scopeCounty}', '${c.scopeStreet}', '${c.documentId}', ${c.gridId})`)
    .join(', ');
  const src = `ARRAY[${SOURCES.map((s) => `'${s}'`).join(',')}]`;
  const own = `ARRAY[${OWNERS.map((s) => `'${s}'`).join(',')}]`;
  // s = n % 100 (the community is (n / 100) % 30, so every street has every status): 0-1 reported, 2 returned, 3 merged, 4 accepted, 5 escalated, 6 dispatched, 7 signed,
  // 8 handling, 9 handled, 10 verified, 11 rated, the rest archived.
  await knex.raw(`
    INSERT INTO ${cases} (document_id, title, description, source, level, status, owner_kind, owner_name,
      reported_at, accepted_at, dispatched_at, due_at, signed_at, handled_at, verified_at, rated_at, archived_at,
      handled_on_time, satisfaction, reopened, extension_status, lat, lng, building,
      created_at, updated_at, published_at, scope_county, scope_street, scope_community)
    SELECT 'q' || lpad(to_hex(n), 23, '0'), '压测事项 ' || n, '压测：居民反映的问题', (${src})[1 + n % 6], 'community',
      CASE WHEN s < 2 THEN 'reported' WHEN s = 2 THEN 'returned' WHEN s = 3 THEN 'merged' WHEN s = 4 THEN 'accepted'
        WHEN s = 5 THEN 'escalated' WHEN s = 6 THEN 'dispatched' WHEN s = 7 THEN 'signed' WHEN s = 8 THEN 'handling'
        WHEN s = 9 THEN 'handled' WHEN s = 10 THEN 'verified' WHEN s = 11 THEN 'rated' ELSE 'archived' END,
      CASE WHEN s >= 6 THEN 'department' END, CASE WHEN s >= 6 THEN (${own})[1 + n % 4] END,
      r, CASE WHEN s >= 4 THEN r + interval '1 hour' END,
      CASE WHEN s >= 6 THEN r + interval '2 hours' END,
      CASE WHEN s >= 6 THEN r + (1 + n % 7) * interval '1 day' END,
      CASE WHEN s >= 7 THEN r + interval '3 hours' END,
      CASE WHEN s >= 9 THEN r + (n % 9) * interval '1 day' END,
      CASE WHEN s >= 10 THEN r + (n % 9 + 1) * interval '1 day' END,
      CASE WHEN s >= 11 THEN r + (n % 9 + 2) * interval '1 day' END,
      CASE WHEN s >= 12 THEN r + (n % 9 + 3) * interval '1 day' END,
      CASE WHEN s >= 9 THEN n % 9 <= n % 7 END,
      CASE WHEN s >= 11 THEN CASE n % 10 WHEN 0 THEN 'dissatisfied' WHEN 1 THEN 'basically' WHEN 2 THEN 'basically' ELSE 'satisfied' END END,
      false, 'not_requested', 34.30 + (c.k % 6) * 0.03 + ((n * 7919) % 2000) * 0.00001,
      114.10 + (c.k / 6) * 0.03 + ((n * 104729) % 2000) * 0.00001, (1 + n % 18) || '号楼',
      r, r, r, c.county, c.street, c.community
    FROM (SELECT n, n % 100 AS s, now() - ((n * 7919) % 525000) * interval '1 minute' AS r
          FROM generate_series(1::bigint, ${CASES}) AS g(n)) x
    JOIN (VALUES ${values}) AS c(k, county, street, community, grid) ON c.k = (x.n / 100) % ${communities.length}`);
  const link = (attribute) => strapi.db.metadata.get('plugin::grid-cases.case').attributes[attribute].joinTable;
  const gl = link('grid');
  await knex.raw(
    `INSERT INTO ${gl.name} (${gl.joinColumn.name}, ${gl.inverseJoinColumn.name})
     SELECT x.id, c.grid FROM ${cases} x JOIN (VALUES ${values}) AS c(k, county, street, community, grid)
       ON c.community = x.scope_community WHERE x.id > ?`,
    [before],
  );
  const cl = link('category');
  const cats = categoryIds.map((id, k) => `(${k}, ${id})`).join(', ');
  await knex.raw(
    `INSERT INTO ${cl.name} (${cl.joinColumn.name}, ${cl.inverseJoinColumn.name})
     SELECT x.id, k.id FROM ${cases} x JOIN (VALUES ${cats}) AS k(i, id) ON k.i = x.id % ${categoryIds.length}
     WHERE x.id > ?`,
    [before],
  );
  // Planner statistics and the visibility map, as autovacuum would leave them on a live database after such a load.
  await knex.raw(`VACUUM ANALYZE ${cases}`);
  await knex.raw(`ANALYZE ${gl.name}, ${cl.name}`);
}

module.exports = {
  name: 'grid-cases',
  async setup({ strapi, knex, note }) {
    const docs = (uid) => strapi.documents(uid);
    const branch = (data) => docs('api::branch.branch').create({ data: { category: 'urban', ...data } });
    const county = await branch({ name: '压测县委组织部', code: 'GCB-WS', level: 'county_committee' });
    const communities = [];
    state.streets = [];
    for (let s = 0; s < STREETS; s++) {
      const street = await branch({
        name: `压测街道${s}`,
        code: `GCB-S${s}`,
        level: 'street_committee',
        parent: county.documentId,
      });
      state.streets.push(street);
      for (let c = 0; c < COMMUNITIES; c++) {
        const community = await branch({
          name: `压测街道${s}社区${c}`,
          code: `GCB-S${s}-C${c}`,
          level: 'community_branch',
          parent: street.documentId,
        });
        const grid = await docs('api::grid.grid').create({
          data: { name: `压测网格${s}-${c}`, code: `GCB-G${s}-${c}`, level: 'base', branch: community.documentId },
        });
        const row = await strapi.db
          .query('api::grid.grid')
          .findOne({ where: { id: grid.id }, select: ['scopeCounty', 'scopeStreet', 'scopeCommunity'] });
        communities.push({ ...row, documentId: community.documentId, gridId: grid.id, grid });
      }
    }
    state.county = county;
    const categories = [];
    for (const [name, days] of [
      ['路灯损坏', 3],
      ['管道漏水', 1],
      ['垃圾清运', 0],
      ['邻里纠纷', 7],
      ['违章搭建', 13],
    ])
      categories.push(
        await docs('plugin::grid-cases.case-category').create({
          data: {
            name,
            timeLimitDays: days,
            defaultOwnerKind: 'department',
            defaultOwnerName: OWNERS[0],
            active: true,
          },
        }),
      );
    state.category = categories[0].documentId;
    state.grid = communities[0].grid.documentId;
    // The reporting grid account (网格通账号, role grid-worker) of the first grid.
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'grid-worker' } });
    const user = await strapi.plugin('users-permissions').service('user').add({
      username: 'bench_gc_worker',
      email: 'bench_gc_worker@bench.local',
      password: 'Bench-12345',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
    const account = await docs('plugin::grid-cases.grid-account').create({
      data: { name: '压测网格员', kind: 'grid_worker', grid: state.grid },
    });
    await strapi.db
      .query('plugin::grid-cases.grid-account')
      .update({ where: { id: account.id }, data: { account: user.id } });
    state.jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });

    if (process.env.BENCH_DB === 'sqlite') {
      note('grid-cases: the 1,000,000 cases are generated with PostgreSQL set-based SQL only; skipped on SQLite');
      state.skipLarge = true;
      return;
    }
    const t = Date.now();
    await generateCases(
      strapi,
      knex,
      communities,
      categories.map((c) => c.id),
    );
    note(
      `grid-cases: ${CASES} cases in ${STREETS} streets × ${COMMUNITIES} communities (${CASES / STREETS} per street), ` +
        `a year of reports in every status, generated in ${((Date.now() - t) / 1000).toFixed(1)} s (set-based SQL)`,
    );
  },

  async run({ strapi, baseUrl, measure, note }) {
    const assign = (session, node) =>
      strapi
        .documents('api::staff-assignment.staff-assignment')
        .create({ data: { adminEmail: session.user.email, branch: node.documentId } });
    const street = await staffSession(strapi, baseUrl, 'street-staff');
    await assign(street, state.streets[0]);
    const county = await staffSession(strapi, baseUrl, 'county-reviewer');
    await assign(county, state.county);

    const b = { baseline: 'core:list-branches' };
    // The public list first: every report below touches the cases' cache version (a new case is news).
    await measure('grid-cases public GET /api/grid-cases/cases (cached)', { path: '/api/grid-cases/cases' }, b);
    // The first request after a change rebuilds the page (and its total over every case), one at a time.
    const { httpCache } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'packages', 'kit', 'server'));
    const rebuilt = [];
    for (let i = 0; i < 5; i++) {
      await httpCache(strapi).touch(['plugin::grid-cases.case']);
      rebuilt.push((await oneAtATime(`${baseUrl}/api/grid-cases/cases`, {}, 1)).median);
    }
    note(`public case list, first request after a change: median ${quantile(rebuilt, 0.5).toFixed(0)} ms (5 runs)`);
    await measure(
      'grid-cases POST /api/grid-cases/cases (grid account, Idempotency-Key)',
      {
        path: '/api/grid-cases/cases',
        method: 'POST',
        load: {
          module: 'report-case',
          data: {
            jwt: state.jwt,
            grid: state.grid,
            category: state.category,
            prefix: crypto.randomBytes(4).toString('hex'),
          },
        },
      },
      { baseline: 'core:create-branch' },
    );
    // Reports still in flight when the run ends are let finish before the boards are measured.
    await new Promise((r) => setTimeout(r, 5000));
    if (state.skipLarge) return;
    // The boards are heavy reads (a page of cases with their relations, 受理台 with the open cases it
    // compares for duplicates): one connection, so no request of one board is still running in the next
    // measurement, then the latency a staff member waits for, one at a time.
    const boards = [
      [`受理台 GET /grid-cases/intake, street staff (${PER_STREET} cases in the street)`, '/grid-cases/intake', street],
      [`督办台 GET /grid-cases/supervision, street staff (${PER_STREET} cases)`, '/grid-cases/supervision', street],
      [`受理台 GET /grid-cases/intake, county staff (${ALL} cases)`, '/grid-cases/intake', county],
      [`督办台 GET /grid-cases/supervision, county staff (${ALL} cases)`, '/grid-cases/supervision', county],
    ];
    for (const [label, path, session] of boards) {
      await measure(`grid-cases ${label}`, { path, headers: session.headers }, { ...b, connections: 1 });
      const r = await oneAtATime(baseUrl + path, session.headers, 10);
      note(`${label}: one at a time median ${r.median.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms (10 runs)`);
    }

    // 三率 one request at a time (uncached staff route), beside core GET /api/branches one at a time.
    const now = new Date();
    const year = `from=${shanghaiDate(new Date(now.getTime() - 365 * 86_400_000))}&to=${shanghaiDate(now)}`;
    const core = await oneAtATime(`${baseUrl}/api/branches`, {});
    const runs = [
      [`三率 by=community, street staff (its street: ${PER_STREET} cases)`, `by=community&${year}`, street.headers],
      [`三率 by=street, street staff (its street: ${PER_STREET} cases)`, `by=street&${year}`, street.headers],
      [`三率 by=street, county staff (all ${STREETS} streets: ${ALL} cases)`, `by=street&${year}`, county.headers],
      ['三率 by=category, street staff', `by=category&${year}`, street.headers],
    ];
    note(`core GET /api/branches one at a time: median ${core.median.toFixed(1)} ms, p95 ${core.p95.toFixed(1)} ms`);
    for (const [label, query, headers] of runs) {
      const r = await oneAtATime(`${baseUrl}/grid-cases/figures?${query}`, headers);
      note(
        `${label}: median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${FIGURES_RUNS} runs one at a time; ` +
          `${(r.median / core.median).toFixed(2)}× the core list's median latency)`,
      );
    }
  },
};
