// Bench scenario: the 三图 layers of a street. Bulk-inserts (plain SQL in chunks) a street of
// BENCH_MAP_COMMUNITIES communities (default 10), each with 8 grids with square boundaries, and
// BENCH_MAP_HOUSES houses (default 100,000) in buildings of 50 with positions, a party member in
// every tenth house, scope columns filled as the scope middleware would; then measures
// GET /registers/map of the street per layer (features, bytes, ms) as Super Admin.
const crypto = require('crypto');
const { insertChunked: insertRows } = require('../lib/bench-rows');

const COMMUNITIES = Number(process.env.BENCH_MAP_COMMUNITIES || 10);
const HOUSES = Number(process.env.BENCH_MAP_HOUSES || 100000);
const GRIDS_PER_COMMUNITY = 8;
const PER_BUILDING = 50;
const USES = ['owner_occupied', 'rented', 'vacant', 'shop'];
let CHUNK = 2000;
const docId = () => crypto.randomBytes(12).toString('hex');
const state = {};

const insertChunked = (knex, table, rows, chunk = CHUNK) => insertRows(knex, table, rows, chunk);

const link = (knex, jt, pairs) =>
  knex.batchInsert(
    jt.name,
    pairs.map(([own, other]) => ({ [jt.joinColumn.name]: own, [jt.inverseJoinColumn.name]: other })),
    CHUNK,
  );

const square = (x, y, size) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ].map(([a, b]) => [Math.round(a * 1e6) / 1e6, Math.round(b * 1e6) / 1e6]),
  ],
});

module.exports = {
  name: 'registers-map',
  async setup({ strapi, knex, baseUrl, note }) {
    const pg = /^(pg|postgres)/.test(String(strapi.db.dialect.client));
    if (!pg) CHUNK = 400;
    const now = new Date();
    const base = { created_at: now, updated_at: now };
    const meta = (uid) => strapi.db.metadata.get(uid);
    const branchParent = meta('api::branch.branch').attributes.parent.joinTable;
    const gridBranch = meta('api::grid.grid').attributes.branch.joinTable;
    const buildingGrid = meta('plugin::registers.building').attributes.grid.joinTable;
    const houseBuilding = meta('plugin::registers.house').attributes.building.joinTable;
    const residentHouse = meta('plugin::registers.resident').attributes.house.joinTable;

    const county = docId();
    const street = docId();
    const [countyId] = await insertChunked(knex, 'branches', [
      {
        ...base,
        published_at: now,
        document_id: county,
        name: '三图压测县',
        code: 'BM-WS',
        level: 'county_committee',
        category: 'urban',
        member_count: 0,
        scope_county: county,
      },
    ]);
    const [streetId] = await insertChunked(knex, 'branches', [
      {
        ...base,
        published_at: now,
        document_id: street,
        name: '三图压测街道',
        code: 'BM-S',
        level: 'street_committee',
        category: 'urban',
        member_count: 0,
        scope_county: county,
        scope_street: street,
      },
    ]);
    await link(knex, branchParent, [[streetId, countyId]]);
    const communities = Array.from({ length: COMMUNITIES }, (_, c) => ({
      ...base,
      published_at: now,
      document_id: docId(),
      name: `三图压测社区${c}`,
      code: `BM-C${c}`,
      level: 'community_branch',
      category: 'urban',
      member_count: 30,
      scope_county: county,
      scope_street: street,
    }));
    communities.forEach((c) => (c.scope_community = c.document_id));
    const communityIds = await insertChunked(knex, 'branches', communities);
    await link(
      knex,
      branchParent,
      communityIds.map((id) => [id, streetId]),
    );

    const size = 0.004;
    const grids = [];
    communities.forEach((c, ci) => {
      for (let g = 0; g < GRIDS_PER_COMMUNITY; g++)
        grids.push({
          ...base,
          published_at: now,
          document_id: docId(),
          name: `${c.name}第${g + 1}网格`,
          code: `BM-G${ci}-${g}`,
          level: 'base',
          boundary: JSON.stringify(
            square(
              114.15 + (ci % 5) * 4 * size + (g % 4) * size,
              34.38 + Math.floor(ci / 5) * 2 * size + Math.floor(g / 4) * size,
              size,
            ),
          ),
          scope_county: county,
          scope_street: street,
          scope_community: c.document_id,
        });
    });
    const gridIds = await insertChunked(knex, 'grids', grids);
    await link(
      knex,
      gridBranch,
      gridIds.map((id, g) => [id, communityIds[Math.floor(g / GRIDS_PER_COMMUNITY)]]),
    );

    const buildingCount = Math.ceil(HOUSES / PER_BUILDING);
    const buildings = Array.from({ length: buildingCount }, (_, b) => {
      const g = b % grids.length;
      const [[x, y]] = JSON.parse(grids[g].boundary).coordinates[0];
      const k = Math.floor(b / grids.length);
      return {
        ...base,
        document_id: docId(),
        number: `${k + 1}号楼`,
        units: 2,
        floors: 6,
        lat: y + 0.0002 + (k % 18) * 0.0002,
        lng: x + 0.0002 + Math.floor(k / 18) * 0.0002,
        scope_county: county,
        scope_street: street,
        scope_community: grids[g].scope_community,
      };
    });
    const buildingIds = await insertChunked(knex, 'rg_buildings', buildings);
    await link(
      knex,
      buildingGrid,
      buildingIds.map((id, b) => [id, gridIds[b % grids.length]]),
    );

    const houses = Array.from({ length: HOUSES }, (_, h) => {
      const b = Math.floor(h / PER_BUILDING);
      return {
        ...base,
        document_id: docId(),
        unit: 1 + (h % 2),
        floor: 1 + ((h >> 1) % 6),
        room: `${h % PER_BUILDING}`,
        use: USES[(h * 7) % 4],
        scope_county: county,
        scope_street: street,
        scope_community: buildings[b].scope_community,
      };
    });
    const houseIds = await insertChunked(knex, 'rg_houses', houses);
    await link(
      knex,
      houseBuilding,
      houseIds.map((id, h) => [id, buildingIds[Math.floor(h / PER_BUILDING)]]),
    );
    const members = houseIds.filter((_, h) => h % 10 === 0);
    const residentIds = await insertChunked(
      knex,
      'rg_residents',
      members.map((_, i) => ({
        ...base,
        document_id: docId(),
        name: `党员${i}`,
        type: 'permanent',
        relation: 'householder',
        party_member: true,
        scope_county: county,
        scope_street: street,
        scope_community: houses[i * 10].scope_community,
      })),
    );
    await link(
      knex,
      residentHouse,
      residentIds.map((id, i) => [id, members[i]]),
    );
    if (pg)
      await knex.raw(
        'ANALYZE rg_houses; ANALYZE rg_buildings; ANALYZE rg_houses_building_lnk; ANALYZE grids; ANALYZE branches',
      );

    const email = `bench-map-${Date.now()}@bench.local`;
    const password = `Bench-${crypto.randomBytes(6).toString('hex')}-9a`;
    const role = await strapi.service('admin::role').findOne({ code: 'strapi-super-admin' });
    await strapi.service('admin::user').create({
      email,
      password,
      firstname: '压测',
      lastname: '三图',
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    const login = await (
      await fetch(`${baseUrl}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).json();
    state.headers = { authorization: `Bearer ${login.data.token}` };
    state.street = street;
    state.baseUrl = baseUrl;
    note(
      `registers-map: a street of ${COMMUNITIES} communities, ${grids.length} grids, ${buildingCount} buildings, ${HOUSES} houses, ${members.length} party-member households`,
    );
  },

  async run({ measure, note }) {
    for (const layers of ['grids', 'branches', 'houses', 'grids,branches,houses']) {
      const path = `/registers/map?within=${state.street}&layers=${layers}`;
      const started = Date.now();
      const res = await fetch(state.baseUrl + path, { headers: state.headers });
      const text = await res.text();
      const ms = Date.now() - started;
      if (res.status !== 200) throw new Error(`registers-map: ${path} answered ${res.status} ${text.slice(0, 200)}`);
      const body = JSON.parse(text);
      const features = Object.entries(body.data.layers).map(([k, v]) => `${k} ${v.features.length}`);
      note(
        `registers-map: ${layers} of the street: ${features.join(', ')} features, ${text.length} bytes, first answer ${ms} ms`,
      );
      await measure(
        `GET /registers/map?layers=${layers} (a street)`,
        { path, headers: state.headers },
        { baseline: 'core:list-branches', connections: 2 },
      );
    }
  },
};
