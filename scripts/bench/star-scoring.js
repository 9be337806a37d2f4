// Bench scenario: the five-star ranking bulletin at province scale. Bulk-inserts (plain SQL in
// chunks, no entity service) BENCH_BRANCHES community branches (default 50,000) under streets of
// 25, each with 5 assessments of the year carrying 20 item entries in their JSON, then loads
// GET /api/star-scoring/rankings (whole province and category+street), the public scorecard and the
// admin dashboard (all served from the kit's response cache) beside core GET /api/branches, and notes
// what the first request after a change costs (the answer rebuilt, one request at a time).
const crypto = require('crypto');
const path = require('path');
const { staffSession } = require('../lib/staff-session');
const { insertChunked: insertRows } = require('../lib/bench-rows');

const BRANCHES = Number(process.env.BENCH_BRANCHES || 50000);
const PER_STREET = 25;
const YEAR = 2025;
// Rows per INSERT. PostgreSQL: 2,000 (1,000 for the 16-column assessment rows). SQLite: knex writes a
// multi-row insert as a compound SELECT, limited to 500 terms.
let CHUNK = 2000;
let WIDE_CHUNK = 1000;
const URBAN = ['party_strength', 'co_governance', 'safety_rule_of_law', 'harmony_happiness', 'livelihood_business'];
const RURAL = [
  'party_strength',
  'industry_prosperity',
  'ecological_livability',
  'safety_rule_of_law',
  'civility_happiness',
];
// A province mid-campaign: each branch holds 0–5 approved stars (most 2–4), its other stars spread
// along the flow. Pseudo-random per branch so levels do not follow the urban/rural pattern.
const LEVELS = [0, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5];
const OTHER = ['publicized', 'reviewed', 'rejected', 'self_assessed', 'draft', 'revoked'];
const spread = (n) => (Math.imul(n + 1, 2654435761) >>> 0) % 9973;
const docId = () => crypto.randomBytes(12).toString('hex');
const state = {};

function items(n, star) {
  // 20 entries of 5 points each, a few points short here and there: a realistic JSON size per row.
  return JSON.stringify(
    Array.from({ length: 20 }, (_, k) => {
      const review = 5 - ((n + k) % 7 === 0 ? 1 + ((n + k) % 3) : 0);
      return {
        code: `${star.slice(0, 2).toUpperCase()}${String(k + 1).padStart(2, '0')}`,
        self: 5,
        review,
        evidence: k % 4 === 0 ? '台账、照片' : '',
        internal: k % 10 === 0,
      };
    }),
  );
}

/**
 * Latency of one request at a time (no queueing behind other connections): what one official waits
 * for the bulletin. autocannon's p50 under 10 connections also counts time spent waiting in line.
 */
async function sequential(url, headers = {}, n = Number(process.env.BENCH_SEQUENTIAL || 60)) {
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers })).arrayBuffer();
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms (${n} sequential requests)`;
}

/** Median of `n` rounds of: a change (the scopes touched), then one request of each URL, timed alone. */
async function afterChange(urls, change, n = Number(process.env.BENCH_AFTER_CHANGE || 10)) {
  const ms = Object.fromEntries(Object.keys(urls).map((k) => [k, []]));
  for (let i = 0; i < n; i++) {
    await change(i);
    for (const [k, { url, headers }] of Object.entries(urls)) {
      const t = process.hrtime.bigint();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      ms[k].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
  return Object.entries(ms)
    .map(([k, xs]) => `${k} ${median(xs)} ms`)
    .join(', ');
}

const insertChunked = (knex, table, rows, chunk = CHUNK) => insertRows(knex, table, rows, chunk);

module.exports = {
  name: 'star-scoring',
  async setup({ strapi, knex, note }) {
    const t0 = Date.now();
    const pg = /^(pg|postgres)/.test(String(strapi.db.dialect.client));
    if (!pg) CHUNK = WIDE_CHUNK = 500;
    const now = new Date();
    const base = { created_at: now, updated_at: now, published_at: now };
    const streets = Math.ceil(BRANCHES / PER_STREET);
    const parent = strapi.db.metadata.get('api::branch.branch').attributes.parent.joinTable;
    const link = strapi.db.metadata.get('plugin::star-scoring.assessment').attributes.branch.joinTable;

    // One county office above the streets: every row carries its organisation scope columns as the kit's
    // middleware writes them, so the staff dashboard is read under the county reviewer's scope.
    const countyDoc = await strapi.documents('api::branch.branch').create({
      data: { name: '压测县委组织部', code: 'BS-COUNTY', level: 'county_committee', category: 'urban' },
    });
    const county = { document_id: countyDoc.documentId };
    const countyId = countyDoc.id;
    state.county = county.document_id;
    const streetRows = Array.from({ length: streets }, (_, s) => {
      const documentId = docId();
      return {
        ...base,
        document_id: documentId,
        name: `压测街道${s}`,
        code: `BS-${s}`,
        level: 'street_committee',
        category: 'urban',
        member_count: 0,
        scope_county: county.document_id,
        scope_street: documentId,
      };
    });
    const streetIds = await insertChunked(knex, 'branches', streetRows);
    await knex.batchInsert(
      parent.name,
      streetIds.map((id) => ({ [parent.joinColumn.name]: id, [parent.inverseJoinColumn.name]: countyId })),
      CHUNK,
    );
    state.street = streetRows[0].document_id;

    const stars = { n: 0 };
    for (let i = 0; i < BRANCHES; i += CHUNK) {
      const size = Math.min(CHUNK, BRANCHES - i);
      // One in three rural (villages), like a county with towns and townships.
      const rows = Array.from({ length: size }, (_, k) => {
        const n = i + k;
        const documentId = docId();
        return {
          ...base,
          document_id: documentId,
          name: `压测社区${n}`,
          code: `BC-${String(n).padStart(6, '0')}`,
          level: 'community_branch',
          category: n % 3 === 0 ? 'rural' : 'urban',
          member_count: 30 + (n % 200),
          scope_county: county.document_id,
          scope_street: streetRows[Math.floor(n / PER_STREET)].document_id,
          scope_community: documentId,
        };
      });
      const ids = (await knex('branches').insert(rows).returning('id')).map((r) => (typeof r === 'object' ? r.id : r));
      const streetOf = (k) => streetIds[Math.floor((i + k) / PER_STREET)];
      await knex.batchInsert(
        parent.name,
        ids.map((id, k) => ({ [parent.joinColumn.name]: id, [parent.inverseJoinColumn.name]: streetOf(k) })),
        CHUNK,
      );
      const assessments = [];
      ids.forEach((id, k) => {
        const n = i + k;
        const list = rows[k].category === 'rural' ? RURAL : URBAN;
        list.forEach((star, s) => {
          const status = s < LEVELS[spread(n) % LEVELS.length] ? 'approved' : OTHER[(n + s) % OTHER.length];
          const reviewed = status === 'draft' || status === 'self_assessed' ? null : 70 + ((n + s * 11) % 31);
          assessments.push({
            ...base,
            document_id: docId(),
            branch_ref: id,
            parent_ref: streetOf(k),
            category: rows[k].category,
            year: YEAR,
            star_key: star,
            status,
            items: items(n, star),
            self_score: 90,
            reviewed_score: reviewed,
            veto_failed: false,
            passed: reviewed !== null && reviewed >= 80,
            publicity_ends_on: status === 'approved' || status === 'publicized' ? `${YEAR}-12-31` : null,
            scope_county: rows[k].scope_county,
            scope_street: rows[k].scope_street,
            scope_community: rows[k].scope_community,
          });
        });
      });
      const aIds = await insertChunked(knex, 'ss_assessments', assessments, WIDE_CHUNK);
      await knex.batchInsert(
        link.name,
        aIds.map((a, j) => ({ [link.joinColumn.name]: a, [link.inverseJoinColumn.name]: assessments[j].branch_ref })),
        CHUNK,
      );
      stars.n += assessments.length;
    }
    // Statistics and the visibility map (index-only scans), as autovacuum produces shortly after a bulk load.
    await knex.raw(pg ? 'VACUUM ANALYZE' : 'ANALYZE');
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    note(
      `star-scoring: ${BRANCHES} community branches under ${streets} streets, ${stars.n} assessments × 20 item entries, generated in ${secs} s`,
    );
  },

  async run({ strapi, knex, baseUrl, measure, note }) {
    const { httpCache } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'packages', 'kit', 'server'));
    const cache = httpCache(strapi);
    // A staff session as the admin panel has one (POST /admin/login, like the other scenarios): the
    // county reviewer (县级审核) assigned to the county office, whose dashboard covers the whole province.
    const session = await staffSession(strapi, baseUrl, 'county-reviewer');
    await strapi
      .documents('api::staff-assignment.staff-assignment')
      .create({ data: { adminEmail: session.user.email, branch: state.county } });
    const auth = session.headers;
    const b = { baseline: 'core:list-branches' };
    const one = await knex('branches').where({ level: 'community_branch' }).orderBy('id').first('document_id');
    // Sanity: the endpoint answers over the whole set before it is timed.
    const check = await (await fetch(`${baseUrl}/api/star-scoring/rankings?year=${YEAR}`)).json();
    note(
      `star-scoring: rankings total ${check.meta?.total}, first ${check.data?.[0]?.branch?.code} level ${check.data?.[0]?.level} points ${check.data?.[0]?.totalPoints}; cache mode ${cache.mode}`,
    );
    const paths = {
      province: `/api/star-scoring/rankings?year=${YEAR}`,
      street: `/api/star-scoring/rankings?year=${YEAR}&category=urban&parent=${state.street}`,
      scorecard: `/api/star-scoring/branches/${one.document_id}/scorecard?year=${YEAR}`,
      dashboard: `/star-scoring/dashboard?year=${YEAR}`,
    };
    const urls = {
      'rankings whole province': { url: baseUrl + paths.province },
      'rankings category+street': { url: baseUrl + paths.street },
      'public scorecard': { url: baseUrl + paths.scorecard },
      'admin dashboard': { url: baseUrl + paths.dashboard, headers: auth },
    };
    // Uncached cost: every round marks the assessments changed (what each transition, score save or
    // evidence change does in its transaction), so each of the four answers is rebuilt once.
    note(
      `star-scoring: first request after a change (rebuilt, one at a time, median of 10): ${await afterChange(
        urls,
        () => cache.touch(['plugin::star-scoring.assessment']),
      )}`,
    );
    note(`star-scoring: one at a time, core GET /api/branches ${await sequential(`${baseUrl}/api/branches`)}`);
    note(`star-scoring: one at a time (cached), rankings whole province ${await sequential(baseUrl + paths.province)}`);
    note(`star-scoring: one at a time (cached), rankings category+street ${await sequential(baseUrl + paths.street)}`);
    note(`star-scoring: one at a time (cached), admin dashboard ${await sequential(baseUrl + paths.dashboard, auth)}`);
    // The floor of any admin route: session check, user with roles, the CASL ability of the role, policy.
    note(
      `star-scoring: one at a time, admin GET /star-scoring/metrics (uncached, no SQL: the admin-auth floor) ${await sequential(`${baseUrl}/star-scoring/metrics`, auth)}`,
    );
    await measure(
      'GET /api/star-scoring/rankings (whole province, page 1 of 100, cached)',
      { path: paths.province },
      b,
    );
    await measure('GET /api/star-scoring/rankings?category=urban&parent=<street> (cached)', { path: paths.street }, b);
    await measure('GET /api/star-scoring/branches/:id/scorecard (public, cached)', { path: paths.scorecard }, b);
    await measure(
      'GET /star-scoring/dashboard (staff JWT, whole province, cached)',
      { path: paths.dashboard, headers: auth },
      b,
    );
    await measure(
      'GET /star-scoring/metrics (staff JWT, admin-auth floor)',
      { path: '/star-scoring/metrics', headers: auth },
      b,
    );
    await measure(
      'GET /api/star-scoring/rankings (page 200, cached)',
      { path: `/api/star-scoring/rankings?year=${YEAR}&page=200` },
      b,
    );
  },
};
