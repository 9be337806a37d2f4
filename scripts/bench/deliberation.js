// Bench scenario: the public follow-up reads and the staff board over 100,000 action items, all
// served from the kit cache, beside Strapi's core GET /api/branches measured in the same run; then
// the first (uncached) request after a change, one at a time.
const crypto = require('crypto');
const path = require('path');
const { staffSession } = require('../lib/staff-session');

const ITEMS = Number(process.env.BENCH_ACTION_ITEMS || 100000);
const MEETINGS = 200;
const TOPICS = 100;
const OWNERS = [
  '县住建局',
  '县城管局',
  '县供电公司',
  '县自来水公司',
  '大西门社区党支部',
  '物业经理 王建国',
  '县交通局',
  '县卫健委',
];
const id = () => crypto.randomBytes(12).toString('hex').slice(0, 24);
// The staff board is scoped (issue 12): every bench row belongs to one community, whose staff account
// is measured (the worst case for the scoped board: all 100,000 items in the caller's organisation).
let community;

module.exports = {
  name: 'deliberation',
  async setup({ strapi, knex }) {
    const table = (uid) => strapi.db.metadata.get(uid).tableName;
    const wf = strapi.plugin('deliberation').service('workflow');
    community = await strapi.documents('api::branch.branch').create({
      data: { name: '压测社区党支部', code: 'BENCH-C', level: 'community_branch', category: 'urban' },
    });
    const scope = { scope_community: community.documentId };
    const council = await wf.createCouncil({
      name: '压测联席会议',
      code: 'BENCH-JM',
      branch: community.documentId,
      kind: 'joint_meeting',
      members: Array.from({ length: 11 }, (_, i) => ({
        key: `m${i}`,
        name: `成员${i}`,
        role: '成员',
        organisation: '单位',
      })),
      rule: { quorum: { type: 'more_than_half' }, vote: { type: 'more_than_half', base: 'present' } },
    });
    const now = new Date();
    const meetingRows = Array.from({ length: MEETINGS }, (_, i) => ({
      document_id: id(),
      title: `压测联席会议 ${i}`,
      start_at: new Date(now.getTime() - i * 86400000 * 2),
      place: '党群服务中心',
      status: i % 10 === 0 ? 'minutes_draft' : 'published',
      minutes: '会议纪要正文',
      revision: 0,
      quorum_recorded: true,
      decisions: JSON.stringify([{ key: 'D1', text: '决议', votes: { for: 8, against: 1, abstain: 0 }, passed: true }]),
      agenda: '[]',
      attendance: '[]',
      created_at: now,
      updated_at: now,
      ...scope,
    }));
    const meetings = [];
    for (let i = 0; i < meetingRows.length; i += 100)
      meetings.push(
        ...(await knex(table('plugin::deliberation.meeting'))
          .insert(meetingRows.slice(i, i + 100))
          .returning('id')),
      );
    const meetingIds = meetings.map((m) => (typeof m === 'object' ? m.id : m));
    const councilRow = await knex(table('plugin::deliberation.council'))
      .where('document_id', council.documentId)
      .first('id');
    const cl = strapi.db.metadata.get('plugin::deliberation.meeting').attributes.council.joinTable;
    await knex.batchInsert(
      cl.name,
      meetingIds.map((m) => ({ [cl.joinColumn.name]: m, [cl.inverseJoinColumn.name]: councilRow.id })),
      500,
    );

    const statuses = ['open', 'in_progress', 'done', 'verified'];
    const jt = strapi.db.metadata.get('plugin::deliberation.action-item').attributes.meeting.joinTable;
    const BATCH = 2000;
    for (let i = 0; i < ITEMS; i += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, ITEMS - i) }, (_, k) => {
        const n = i + k;
        const due = new Date(now.getTime() + ((n % 365) - 180) * 86400000).toISOString().slice(0, 10);
        return {
          document_id: id(),
          title: `交办事项 ${n}`,
          decision_key: 'D1',
          owner_kind: 'unit',
          owner_name: OWNERS[n % OWNERS.length],
          owner_phone: '13903780000',
          due_date: due,
          status: statuses[n % 4],
          created_at: now,
          updated_at: now,
          ...scope,
        };
      });
      const ids = (await knex(table('plugin::deliberation.action-item')).insert(rows).returning('id')).map((r) =>
        typeof r === 'object' ? r.id : r,
      );
      await knex.batchInsert(
        jt.name,
        ids.map((x, k) => ({
          [jt.joinColumn.name]: x,
          [jt.inverseJoinColumn.name]: meetingIds[(i + k) % meetingIds.length],
        })),
        500,
      );
    }
    // Planner statistics, as autovacuum would gather them on a live database after such a load.
    await knex.raw(
      process.env.BENCH_DB === 'sqlite'
        ? 'ANALYZE'
        : `ANALYZE ${table('plugin::deliberation.action-item')}, ${table('plugin::deliberation.meeting')}, ${jt.name}`,
    );
    // Topics with a trail, for the public topic list.
    for (let i = 0; i < TOPICS; i++) {
      const t = await wf.createTopic(
        { title: `压测议题 ${i}`, raisedBy: 'resident', sourceText: '居民反映的问题', council: council.documentId },
        'bench',
      );
      await wf.transitionTopic(t.documentId, 'scheduled', 'bench');
    }
  },
  async run({ strapi, baseUrl, measure, note }) {
    const session = await staffSession(strapi, baseUrl);
    await strapi
      .documents('api::staff-assignment.staff-assignment')
      .create({ data: { adminEmail: session.user.email, branch: community.documentId } });
    const auth = session.headers;
    const { httpCache } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'packages', 'kit', 'server'));
    const cache = httpCache(strapi);
    note(
      `deliberation: ${ITEMS} action items over ${MEETINGS} meetings (90 % published), ${OWNERS.length} owners, ${TOPICS} topics; cache mode ${cache.mode}`,
    );
    const meeting = (await (await fetch(`${baseUrl}/api/deliberation/meetings`)).json()).data[0].documentId;
    const owner = encodeURIComponent('县城管局');
    const b = { baseline: 'core:list-branches' };
    const reads = [
      ['public GET /api/deliberation/meetings', { path: '/api/deliberation/meetings' }],
      ['public GET /api/deliberation/meetings/:documentId', { path: `/api/deliberation/meetings/${meeting}` }],
      ['public GET /api/deliberation/topics', { path: '/api/deliberation/topics' }],
      ['public GET /api/deliberation/action-items', { path: '/api/deliberation/action-items?pageSize=50' }],
      [
        'staff GET /deliberation/action-items (board, overdue first)',
        { path: '/deliberation/action-items?pageSize=50', headers: auth },
      ],
      [
        'staff GET /deliberation/action-items?owner=县城管局&status=open',
        { path: `/deliberation/action-items?owner=${owner}&status=open&pageSize=50`, headers: auth },
      ],
      [
        'staff GET /deliberation/action-items/owners (summary)',
        { path: '/deliberation/action-items/owners', headers: auth },
      ],
    ];
    for (const [label, req] of reads) await measure(label, req, b);
    // As a browser asks: the kit serves the copy compressed when it was stored (brotli, gzip).
    await measure(
      'public GET /api/deliberation/meetings/:documentId, Accept-Encoding: br',
      { path: reads[1][1].path, headers: { 'accept-encoding': 'br' } },
      b,
    );
    // The floor of any staff route: admin authentication, session check and RBAC ability, with a trivial handler.
    await measure(
      'staff GET /deliberation/settings (reference: admin auth + RBAC only)',
      { path: '/deliberation/settings', headers: auth },
      b,
    );

    // The first request after a change rebuilds the answer: median of 10, one at a time.
    const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    for (const [label, req, scopes] of [
      [reads[3][0], reads[3][1], ['plugin::deliberation.action-item']],
      [reads[4][0], reads[4][1], ['plugin::deliberation.action-item']],
      [reads[6][0], reads[6][1], ['plugin::deliberation.action-item']],
      [reads[0][0], reads[0][1], ['plugin::deliberation.meeting']],
    ]) {
      const times = [];
      for (let i = 0; i < 10; i++) {
        await cache.touch(scopes);
        const t = process.hrtime.bigint();
        const res = await fetch(baseUrl + req.path, { headers: req.headers || {} });
        await res.arrayBuffer();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      note(`first request after a change, ${label}: median ${median(times).toFixed(1)} ms (10 runs, one at a time)`);
    }
  },
};
