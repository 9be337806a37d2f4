// Bench scenario (double-report): check-in throughput with authenticated members and real
// Idempotency-Keys beside core POST /api/branches, duplicates counted afterwards; and the yearly
// member summary over BENCH_DR_CHECKINS (default 1,000,000) bulk-inserted check-ins.
const crypto = require('crypto');

const MEMBERS = 50;
const ACTIVITIES = 4000;
const HISTORY = Number(process.env.BENCH_DR_CHECKINS || 1000000);
const HISTORY_MEMBERS = 1000;
const YEAR = 2025;
const id = () => crypto.randomBytes(12).toString('hex').slice(0, 24);
const state = {};

module.exports = {
  name: 'double-report',
  async setup({ strapi, knex }) {
    const docs = (uid) => strapi.documents(uid);
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'party-member' } });
    const c = await docs('api::branch.branch').create({
      data: { name: '压测社区', code: 'BENCH-DR-C', level: 'community_branch' },
    });
    const u = await docs('plugin::double-report.unit').create({ data: { name: '压测单位', community: c.documentId } });
    state.jwts = [];
    const memberIds = [];
    for (let i = 0; i < MEMBERS; i += 1) {
      const user = await strapi
        .plugin('users-permissions')
        .service('user')
        .add({
          username: `bench_dr_${i}`,
          email: `bench_dr_${i}@bench.local`,
          password: 'Bench-12345',
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: role.id,
        });
      const m = await docs('plugin::double-report.member').create({
        data: { name: `压测党员${i}`, unit: u.documentId, community: c.documentId },
      });
      await strapi.db.query('plugin::double-report.member').update({ where: { id: m.id }, data: { account: user.id } });
      state.jwts.push(strapi.plugin('users-permissions').service('jwt').issue({ id: user.id }));
      memberIds.push(m.id);
    }
    const now = Date.now();
    const rows = Array.from({ length: ACTIVITIES }, (_, i) => ({
      document_id: id(),
      title: `压测活动${i}`,
      kind: 'other',
      starts_at: new Date(now - 3600000),
      ends_at: new Date(now + 86400000),
      lat: 34.41,
      lng: 114.19,
      radius: 500,
      created_at: new Date(now),
      updated_at: new Date(now),
      published_at: new Date(now),
    }));
    state.activities = [];
    for (let i = 0; i < rows.length; i += 500) await knex('dr_activities').insert(rows.slice(i, i + 500));
    state.activities = rows.map((r) => r.document_id);

    // History: HISTORY check-ins of HISTORY_MEMBERS members in YEAR (member_ref only; relations are not needed by the aggregate).
    const base = memberIds[0];
    // knex writes a multi-row insert on SQLite as a compound SELECT, limited to 500 terms.
    const BATCH = process.env.BENCH_DB === 'sqlite' ? 500 : 5000;
    for (let i = 0; i < HISTORY; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, HISTORY - i) }, (_, k) => {
        const n = i + k;
        return {
          document_id: id(),
          member_ref: n % HISTORY_MEMBERS === 0 ? base : 1000000 + (n % HISTORY_MEMBERS),
          activity_ref: 1000000 + n,
          checked_in_at: new Date(now),
          minutes: 60 + (n % 120),
          source: 'qr',
          status: n % 5 === 0 ? 'pending' : 'verified',
          rating: 1 + (n % 5),
          year: YEAR,
          created_at: new Date(now),
          updated_at: new Date(now),
          published_at: new Date(now),
        };
      });
      await knex('dr_check_ins').insert(batch);
    }
    // Bulk-loaded rows: VACUUM sets the visibility map (as autovacuum would on a live table) so the
    // covering index can serve the summary without visiting table pages; ANALYZE gives the planner stats.
    await knex.raw(process.env.BENCH_DB === 'sqlite' ? 'ANALYZE' : 'VACUUM (ANALYZE) dr_check_ins');
    state.base = base;
  },
  async run({ strapi, measure, knex, note }) {
    await measure(
      'double-report POST /check-ins (member JWT, Idempotency-Key, GPS)',
      {
        path: '/api/double-report/check-ins',
        method: 'POST',
        load: { module: 'check-in', data: { jwts: state.jwts, activities: state.activities } },
      },
      { baseline: 'core:create-branch' },
    );
    const dup = await knex('dr_check_ins')
      .whereNot('year', YEAR)
      .select('member_ref', 'activity_ref')
      .count({ n: '*' })
      .groupBy('member_ref', 'activity_ref')
      .havingRaw('COUNT(*) > 1');
    const stored = await knex('dr_check_ins').whereNot('year', YEAR).count({ n: '*' }).first();
    note(`double-report: ${stored.n} check-ins stored by the bench, ${dup.length} duplicate (member, activity) pairs`);
    // The same first request replayed (same key and body → stored 201): the member strategy's one
    // statement plus the check-in statement finding the key taken, no write. The floor of a member route.
    await measure(
      'double-report POST /check-ins, key replayed (floor: auth + 1 statement, no write)',
      {
        path: '/api/double-report/check-ins',
        method: 'POST',
        headers: { authorization: `Bearer ${state.jwts[0]}`, 'idempotency-key': 'bench-0' },
        body: { activity: state.activities[0], source: 'gps', lat: 34.41, lng: 114.19 },
      },
      { baseline: 'core:create-branch' },
    );
    const summary = {
      path: `/api/double-report/me/summary?year=${YEAR}`,
      headers: { authorization: `Bearer ${state.jwts[0]}` },
    };
    await measure(`double-report GET /me/summary over ${HISTORY} check-ins`, summary, {
      baseline: 'core:list-branches',
    });
    // One connection: the median is the request's own latency, not time queued behind nine others.
    await measure(`double-report GET /me/summary over ${HISTORY} check-ins, 1 connection`, summary, { connections: 1 });
    // The exact statement the route runs, as the database executes it on this data.
    const q = strapi.plugin('double-report').service('summary').memberQuery(state.base, YEAR).toSQL();
    if (process.env.BENCH_DB !== 'sqlite') {
      const plan = (await knex.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.bindings)).rows.map((r) => r['QUERY PLAN']);
      note(
        `double-report summary plan: ${plan
          .filter((l) => /Scan|Execution Time|Heap Fetches/.test(l))
          .map((l) => l.trim())
          .join(' | ')}`,
      );
    }
  },
};
