// Bench scenario: the 一表 grid sheet (issue 16; BENCH_SCENARIOS=registers-sheet npm run bench). Bulk-inserts
// (plain SQL in chunks, scope columns filled as the scope middleware would) one street of
// BENCH_SHEET_COMMUNITIES communities (default 6), 8 base grids each plus a secondary grid under the
// first, 4 compounds a grid (every other one with a compound party group), 7 buildings a compound and
// 4 outside any compound a grid, 24 houses a building (自住 70 %, 出租 15 %, 空置 10 %, 商铺 5 %),
// BENCH_SHEET_RESIDENTS residents (default 100,000) in the lived-in houses (常住 75 %, 人户分离 10 %,
// 暂住 10 %, 寄住 5 %; 6 % party members), a letting of each rented house (four in five current), a shop
// in each 商铺 house plus 10 street-front shops a grid, 5 firms a grid (one in three with a unit party
// branch). Then measures GET /registers/sheet?branch=<street> (the summary of the street's grids, street
// staff) and GET /registers/sheet/<grid> (a grid's sheet, its community's staff): autocannon with one
// connection beside the core list, and 30 requests one at a time for the median and p95 a staff member
// waits. Target of the issue: median under 100 ms.
const crypto = require('crypto');
const { oneAtATime: timeOneAtATime } = require('../lib/bench-timing');
const { insertChunked: insertRows } = require('../lib/bench-rows');
const { staffSession } = require('../lib/staff-session');

const COMMUNITIES = Number(process.env.BENCH_SHEET_COMMUNITIES || 6);
const RESIDENTS = Number(process.env.BENCH_SHEET_RESIDENTS || 100000);
const GRIDS_PER_COMMUNITY = 8;
const COMPOUNDS_PER_GRID = 4;
const BUILDINGS_PER_COMPOUND = 7;
const LOOSE_BUILDINGS_PER_GRID = 4;
const HOUSES_PER_BUILDING = 24; // 2 units × 6 floors × 2 rooms
const RUNS = 30;
// 20 slots: 14 自住, 3 出租, 2 空置, 1 商铺.
const USES = [...Array(14).fill('owner_occupied'), ...Array(3).fill('rented'), 'vacant', 'vacant', 'shop'];
const TYPES = [
  ...Array(15).fill('permanent'),
  'registered_elsewhere',
  'registered_elsewhere',
  'temporary',
  'temporary',
];
const RELATIONS = ['householder', 'spouse', 'child', 'parent', 'grandchild', 'other'];
const SHOP_CATEGORIES = ['catering', 'retail', 'beauty', 'repair', 'education', 'medical', 'other'];
const FIRM_SIZES = ['medium', 'small', 'micro', 'micro'];
let CHUNK = 2000;
const docId = () => crypto.randomBytes(12).toString('hex');
const state = {};

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

const oneAtATime = (url, headers, runs = RUNS) => timeOneAtATime(url, headers, runs);

/**
 * An admin of `role` assigned to the branch of id `branchId` (its organisation: the rows its routes see),
 * through the Query Engine: the Document Service does not find the bulk-inserted branch by documentId.
 */
async function staffAt(strapi, baseUrl, role, branchId) {
  const session = await staffSession(strapi, baseUrl, role);
  await strapi.db.query('api::staff-assignment.staff-assignment').create({
    data: { documentId: docId(), adminEmail: session.user.email, branch: branchId },
  });
  return session.headers;
}

module.exports = {
  name: 'registers-sheet',
  async setup({ strapi, knex, baseUrl, note }) {
    const pg = /^(pg|postgres)/.test(String(strapi.db.dialect.client));
    if (!pg) CHUNK = 400; // SQLite: a multi-row insert is a compound SELECT of at most 500 terms
    const insert = (table, rows) => insertRows(knex, table, rows, CHUNK);
    const now = new Date();
    const base = { created_at: now, updated_at: now };
    const meta = (uid) => strapi.db.metadata.get(uid);
    const col = (uid, attr) => meta(uid).attributes[attr].columnName || attr;
    const link = (uid, attr, pairs) => {
      const jt = meta(uid).attributes[attr].joinTable;
      return knex.batchInsert(
        jt.name,
        pairs.map(([own, other]) => ({ [jt.joinColumn.name]: own, [jt.inverseJoinColumn.name]: other })),
        CHUNK,
      );
    };
    const BRANCH = 'api::branch.branch';
    const GRID = 'api::grid.grid';
    const COMPOUND = 'api::compound.compound';
    const R = (t) => `plugin::registers.${t}`;

    const county = docId();
    const street = docId();
    const scopeOf = (community) => ({ scope_county: county, scope_street: street, scope_community: community });
    const branchRow = (name, code, level, scope, documentId = scope.scope_community) => ({
      ...base,
      published_at: now,
      document_id: documentId,
      name,
      code,
      level,
      category: 'urban',
      member_count: 0,
      ...scope,
    });
    const [countyId] = await insert('branches', [
      branchRow('一表压测县委', 'BS-WS', 'county_committee', { scope_county: county }, county),
    ]);
    const [streetId] = await insert('branches', [
      branchRow('一表压测街道', 'BS-S', 'street_committee', { scope_county: county, scope_street: street }, street),
    ]);
    await link(BRANCH, 'parent', [[streetId, countyId]]);
    const communities = Array.from({ length: COMMUNITIES }, (_, c) =>
      branchRow(`一表压测社区${c}`, `BS-C${c}`, 'community_branch', scopeOf(docId())),
    );
    const communityIds = await insert('branches', communities);
    await link(
      BRANCH,
      'parent',
      communityIds.map((id) => [id, streetId]),
    );

    // Grids: 8 base grids a community, and a secondary grid under its first (counted in its parent's row).
    const grids = [];
    communities.forEach((c, ci) => {
      for (let g = 0; g < GRIDS_PER_COMMUNITY; g++)
        grids.push({ ci, level: 'base', code: `BS-G${ci}-${g}`, name: `${c.name}第${g + 1}网格` });
      grids.push({ ci, level: 'secondary', code: `BS-G${ci}-0-1`, name: `${c.name}第1网格（楼院）`, parentOf: 0 });
    });
    const gridIds = await insert(
      'grids',
      grids.map((g) => ({
        ...base,
        document_id: docId(),
        name: g.name,
        code: g.code,
        level: g.level,
        ...scopeOf(communities[g.ci].document_id),
      })),
    );
    grids.forEach((g, i) => (g.id = gridIds[i]));
    await link(
      GRID,
      'branch',
      grids.map((g) => [g.id, communityIds[g.ci]]),
    );
    await link(
      GRID,
      'parent',
      grids
        .filter((g) => g.level === 'secondary')
        .map((g) => [g.id, grids.find((p) => p.ci === g.ci && p.level === 'base').id]),
    );
    const baseGrids = grids.filter((g) => g.level === 'base');

    // Compounds (every other one with its party group) and buildings (in compounds, and loose in the grid).
    const compounds = [];
    for (const g of grids)
      for (let k = 0; k < (g.level === 'base' ? COMPOUNDS_PER_GRID : 1); k++)
        compounds.push({ g, code: `${g.code}-K${k}`, name: `${g.name}第${k + 1}小区`, grouped: k % 2 === 0 });
    const groups = compounds.filter((k) => k.grouped);
    const groupIds = await insert(
      'branches',
      groups.map((k) =>
        branchRow(
          `${k.name}党小组`,
          `${k.code}-PG`,
          'compound_group',
          scopeOf(communities[k.g.ci].document_id),
          docId(),
        ),
      ),
    );
    groups.forEach((k, i) => (k.groupId = groupIds[i]));
    await link(
      BRANCH,
      'parent',
      groups.map((k) => [k.groupId, communityIds[k.g.ci]]),
    );
    const compoundIds = await insert(
      meta(COMPOUND).tableName,
      compounds.map((k) => ({
        ...base,
        document_id: docId(),
        name: k.name,
        code: k.code,
        ...scopeOf(communities[k.g.ci].document_id),
      })),
    );
    compounds.forEach((k, i) => (k.id = compoundIds[i]));
    await link(
      COMPOUND,
      'grid',
      compounds.map((k) => [k.id, k.g.id]),
    );
    await link(
      COMPOUND,
      'partyGroup',
      groups.map((k) => [k.id, k.groupId]),
    );

    const buildings = [];
    for (const k of compounds)
      for (let b = 0; b < BUILDINGS_PER_COMPOUND; b++) buildings.push({ g: k.g, compound: k, number: `${b + 1}号楼` });
    for (const g of baseGrids)
      for (let b = 0; b < LOOSE_BUILDINGS_PER_GRID; b++) buildings.push({ g, number: `散${b + 1}号楼` });
    const buildingIds = await insert(
      meta(R('building')).tableName,
      buildings.map((b) => ({
        ...base,
        document_id: docId(),
        number: b.number,
        units: 2,
        floors: 6,
        ...scopeOf(communities[b.g.ci].document_id),
      })),
    );
    buildings.forEach((b, i) => (b.id = buildingIds[i]));
    await link(
      R('building'),
      'compound',
      buildings.filter((b) => b.compound).map((b) => [b.id, b.compound.id]),
    );
    await link(
      R('building'),
      'grid',
      buildings.filter((b) => !b.compound).map((b) => [b.id, b.g.id]),
    );

    // Houses: as many buildings as the residents need at about 3.2 a lived-in house, cycling over all buildings.
    const houses = [];
    const houseCount = Math.ceil(RESIDENTS / 3.2 / (17 / 20));
    for (let h = 0; h < houseCount; h++) {
      const b = buildings[Math.floor(h / HOUSES_PER_BUILDING) % buildings.length];
      const copy = Math.floor(h / (HOUSES_PER_BUILDING * buildings.length));
      const n = h % HOUSES_PER_BUILDING;
      const unit = 1 + (n % 2);
      const room = `${copy ? `${copy}-` : ''}${1 + Math.floor(n / 4)}0${1 + ((n >> 1) % 2)}`;
      houses.push({ b, unit, room, use: USES[h % USES.length] });
    }
    const houseIds = await insert(
      meta(R('house')).tableName,
      houses.map((h) => ({
        ...base,
        document_id: docId(),
        unit: h.unit,
        floor: Number(h.room.split('-').pop()[0]),
        room: h.room,
        area: 60 + (h.room.length % 5) * 15,
        use: h.use,
        [col(R('house'), 'addressKey')]: `${h.b.id}|${h.unit}|${h.room}`,
        ...scopeOf(communities[h.b.g.ci].document_id),
      })),
    );
    houses.forEach((h, i) => (h.id = houseIds[i]));
    await link(
      R('house'),
      'building',
      houses.map((h) => [h.id, h.b.id]),
    );

    const lived = houses.filter((h) => h.use === 'owner_occupied' || h.use === 'rented');
    const residents = Array.from({ length: RESIDENTS }, (_, i) => ({ i, h: lived[i % lived.length] }));
    const residentIds = await insert(
      meta(R('resident')).tableName,
      residents.map(({ i, h }) => ({
        ...base,
        document_id: docId(),
        name: `居民${i}`,
        relation: RELATIONS[Math.floor(i / lived.length) % RELATIONS.length],
        type: h.use === 'rented' && i % 3 === 0 ? 'lodging' : TYPES[i % TYPES.length],
        [col(R('resident'), 'partyMember')]: i % 50 < 3,
        ...scopeOf(communities[h.b.g.ci].document_id),
      })),
    );
    await link(
      R('resident'),
      'house',
      residentIds.map((id, k) => [id, residents[k].h.id]),
    );

    // A letting of each rented house: four in five current (no end, or ending next year), one ended.
    const rented = houses.filter((h) => h.use === 'rented');
    const rentalIds = await insert(
      meta(R('rental')).tableName,
      rented.map((h, i) => ({
        ...base,
        document_id: docId(),
        landlord: `房东${i}`,
        [col(R('rental'), 'from')]: day(-400 + (i % 300)),
        [col(R('rental'), 'to')]: i % 5 === 4 ? day(-30) : i % 2 ? day(300) : null,
        occupants: 1 + (i % 4),
        purpose: 'living',
        ...scopeOf(communities[h.b.g.ci].document_id),
      })),
    );
    await link(
      R('rental'),
      'house',
      rentalIds.map((id, i) => [id, rented[i].id]),
    );

    // Shops: one in each 商铺 house, and 10 street-front shops a grid (by grid only).
    const shopHouses = houses.filter((h) => h.use === 'shop');
    const shops = [
      ...shopHouses.map((h) => ({ h, g: h.b.g })),
      ...baseGrids.flatMap((g) => Array.from({ length: 10 }, () => ({ g }))),
    ];
    const shopIds = await insert(
      meta(R('shop')).tableName,
      shops.map((s, i) => ({
        ...base,
        document_id: docId(),
        name: `商铺${i}`,
        [col(R('shop'), 'creditCode')]: `92410223S${String(i).padStart(9, '0')}`,
        category: SHOP_CATEGORIES[i % SHOP_CATEGORIES.length],
        ...scopeOf(communities[s.g.ci].document_id),
      })),
    );
    await link(
      R('shop'),
      'house',
      shops.map((s, i) => [shopIds[i], s.h?.id]).filter(([, h]) => h),
    );
    await link(
      R('shop'),
      'grid',
      shops.map((s, i) => [shopIds[i], s.g.id]).filter((_, i) => !shops[i].h),
    );

    const firms = baseGrids.flatMap((g) => Array.from({ length: 5 }, () => ({ g })));
    const firmIds = await insert(
      meta(R('firm')).tableName,
      firms.map((f, i) => ({
        ...base,
        document_id: docId(),
        name: `企业${i}`,
        [col(R('firm'), 'creditCode')]: `91410223F${String(i).padStart(9, '0')}`,
        size: FIRM_SIZES[i % FIRM_SIZES.length],
        employees: 5 + (i % 200),
        ...scopeOf(communities[f.g.ci].document_id),
      })),
    );
    await link(
      R('firm'),
      'grid',
      firms.map((f, i) => [firmIds[i], f.g.id]),
    );
    await link(
      R('firm'),
      'partyOrganisation',
      firms.map((f, i) => [firmIds[i], communityIds[f.g.ci]]).filter((_, i) => i % 3 === 0),
    );
    if (pg) await knex.raw('ANALYZE');

    state.street = street;
    // The busiest grid's sheet: the first community's first grid holds its secondary grid too.
    state.grid = (await knex('grids').where({ id: baseGrids[0].id }).first('document_id')).document_id;
    state.streetStaff = await staffAt(strapi, baseUrl, 'street-staff', streetId);
    state.communityStaff = await staffAt(strapi, baseUrl, 'community-staff', communityIds[0]);
    state.baseUrl = baseUrl;
    note(
      `registers-sheet: a street of ${COMMUNITIES} communities, ${grids.length} grids (${baseGrids.length} top), ` +
        `${compounds.length} compounds, ${buildings.length} buildings, ${houses.length} houses, ${RESIDENTS} residents, ` +
        `${rented.length} lettings, ${shops.length} shops, ${firms.length} firms`,
    );
  },

  async run({ strapi, knex, measure, note }) {
    const pg = /^(pg|postgres)/.test(String(strapi.db.dialect.client));
    // The 一表 statement as the route sends it (captured from knex), for EXPLAIN ANALYZE on PostgreSQL.
    let captured;
    knex.on('query', (q) => {
      if (String(q.sql).includes('WITH sheet AS')) captured = q;
    });
    const core = await oneAtATime(`${state.baseUrl}/api/branches`, {});
    const cases = [
      ['summary of the street’s grids, street staff', `/registers/sheet?branch=${state.street}`, state.streetStaff],
      ['one grid’s sheet, community staff', `/registers/sheet/${state.grid}`, state.communityStaff],
    ];
    for (const [label, path, headers] of cases) {
      const first = await fetch(state.baseUrl + path, { headers });
      const body = await first.json();
      if (first.status !== 200) throw new Error(`registers-sheet: ${path} answered ${first.status}`);
      const rows = Array.isArray(body.data) ? body.data : [body.data];
      const residents = rows.reduce((n, r) => n + r.residents, 0);
      const r = await oneAtATime(state.baseUrl + path, headers);
      note(
        `registers-sheet ${label} (${rows.length} rows, ${residents} residents): median ${r.median.toFixed(1)} ms, ` +
          `p95 ${r.p95.toFixed(1)} ms (${RUNS} runs one at a time; core list median ${core.median.toFixed(1)} ms, ` +
          `${(r.median / core.median).toFixed(2)}×)`,
      );
      if (pg && captured && process.env.BENCH_SHEET_EXPLAIN !== 'false') {
        // knex reports PostgreSQL's numbered placeholders ($1, in order): back to knex's own.
        const sql = String(captured.sql).replace(/\$\d+/g, '?');
        const plan = await knex.raw(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, captured.bindings);
        const lines = plan.rows.map((r) => r['QUERY PLAN']);
        if (process.env.BENCH_SHEET_PLANS)
          require('fs').appendFileSync(process.env.BENCH_SHEET_PLANS, `-- ${label}\n${lines.join('\n')}\n`);
        const scans = [
          ...new Set(lines.filter((l) => /Seq Scan on/.test(l)).map((l) => l.match(/Seq Scan on (\w+)/)[1])),
        ];
        note(
          `registers-sheet ${label}: EXPLAIN ANALYZE ${lines.find((l) => l.includes('Execution Time'))?.trim()}; ` +
            `sequential scans: ${scans.join(', ') || 'none'}`,
        );
      }
      await measure(
        `GET ${path.replace(/[0-9a-f]{24}/, ':id')} (${label})`,
        { path, headers },
        {
          baseline: 'core:list-branches',
          connections: 1,
        },
      );
    }
  },
};
