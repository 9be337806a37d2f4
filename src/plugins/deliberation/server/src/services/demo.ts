import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';
import type { Topic } from '../types';

const COMMUNITIES = ['LH-C1', 'LH-C2', 'LH-C3', 'LH-C4', 'LH-C5', 'LH-V1', 'LH-V2'];
const ORGS = ['街道党工委', '联盟成员单位', '社区居委会', '业主委员会', '物业服务企业'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';

const members = (prefix: string, n: number, orgs: string[]) =>
  Array.from({ length: n }, (_, i) => ({
    key: `${prefix}-m${i + 1}`,
    name: `${SURNAMES[(i * 7 + prefix.length) % SURNAMES.length]}${'建国秀英志强丽华明德桂兰'[i % 10]}`,
    role: i === 0 ? '召集人' : '成员',
    organisation: orgs[i % orgs.length],
  }));

const rule: { quorum: { type: 'more_than_half' }; vote: { type: 'more_than_half'; base: 'present' } } = {
  quorum: { type: 'more_than_half' },
  vote: { type: 'more_than_half', base: 'present' },
};

/**
 * Weishi demo: 17 红色邻里议事会, the street's monthly 联席会议 and two forums, and a year of joint
 * meetings driven through the real workflow (so every transition is recorded). Idempotent by council code.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seed(_s?: Core.Strapi): Promise<number> {
    if ((await strapi.db.query('plugin::deliberation.council').count({ where: { code: 'LH-JM' } })) > 0) return 0;
    const wf = getService(strapi, 'workflow');
    const branchRows: Array<{ code: string; documentId: string; name: string }> = await strapi.db
      .query('api::branch.branch')
      .findMany({ select: ['code', 'documentId', 'name'], where: { code: { $in: ['LH', ...COMMUNITIES] } } });
    const branch = new Map(branchRows.map((b) => [b.code, b.documentId]));
    // An action item owned by a branch names one that exists in the tree (大西门社区党支部, LH-C1).
    const ownerBranch = branchRows.find((b) => b.code === 'LH-C1')?.name ?? '两湖街道党工委';
    const gridRows: Array<{ code: string; documentId: string }> = await strapi.db
      .query('api::grid.grid')
      .findMany({ select: ['code', 'documentId'], where: { level: 'base' }, orderBy: { code: 'asc' }, limit: 41 });
    let created = 0;
    const actor = 'demo-seed';

    for (let i = 0; i < 17; i++) {
      const community = COMMUNITIES[i % COMMUNITIES.length];
      await wf.createCouncil({
        name: `红色邻里议事会（第${i + 1}议事会）`,
        code: `LH-NC${String(i + 1).padStart(2, '0')}`,
        kind: 'neighbourhood_council',
        branch: branch.get(community),
        grids: gridRows[i] ? [gridRows[i].documentId] : [],
        members: members(`NC${i + 1}`, 7, ['小区党小组', '楼长', '居民代表', '业主委员会', '物业服务企业']),
        rule,
        cadence: 'as_needed',
      });
      created++;
    }
    const joint = await wf.createCouncil({
      name: '两湖街道联席会议',
      code: 'LH-JM',
      kind: 'joint_meeting',
      branch: branch.get('LH'),
      members: members('JM', 11, ORGS),
      rule,
      cadence: 'monthly',
    });
    const forum = await wf.createCouncil({
      name: '两湖街道民情恳谈会',
      code: 'LH-SF',
      kind: 'sentiment_forum',
      branch: branch.get('LH'),
      members: members('SF', 9, ['居民', '网格员', '人大代表']),
      rule,
      cadence: 'quarterly',
    });
    await wf.createCouncil({
      name: '两湖街道居民代表座谈会',
      code: 'LH-RF',
      kind: 'residents_forum',
      branch: branch.get('LH'),
      members: members('RF', 9, ['居民代表']),
      rule,
      cadence: 'quarterly',
    });
    created += 3;

    const now = new Date();
    const ownerPool: ReadonlyArray<readonly ['unit' | 'branch' | 'person', string]> = [
      ['unit', '县住建局'],
      ['unit', '县城管局'],
      ['branch', ownerBranch],
      ['person', '物业经理 王建国'],
      ['unit', '县供电公司'],
    ];
    for (let k = 12; k >= 1; k--) {
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 10, 1, 0, 0));
      const label = `${start.getUTCFullYear()}年${start.getUTCMonth() + 1}月`;
      const topics: Topic[] = [];
      for (let t = 0; t < 2; t++) {
        const topic = await wf.createTopic(
          {
            title: `${label}议题${t + 1}：${t ? '老旧小区加装电梯' : '小区停车难'}`,
            raisedBy: (['resident', 'grid_head', 'representative', 'double_report_need'] as const)[(k + t) % 4],
            sourceText: '居民通过网格员反映，请求协调解决。',
            grid: gridRows[(k * 2 + t) % gridRows.length]?.documentId,
            council: joint.documentId,
          },
          actor,
        );
        await wf.transitionTopic(topic.documentId, 'scheduled', actor);
        topics.push(topic);
        created++;
      }
      const m = await wf.createMeeting(
        {
          council: joint.documentId,
          title: `两湖街道${label}联席会议`,
          startAt: start.toISOString(),
          endAt: new Date(start.getTime() + 2 * 3600000).toISOString(),
          place: '两湖街道党群服务中心会议室',
          convener: '街道党工委书记',
          recorder: '党政办',
          agenda: topics.map((t, i) => ({
            position: i + 1,
            title: t.title,
            topicDocumentId: t.documentId,
            presenter: '社区书记',
            plannedMinutes: 20,
          })),
        },
        actor,
      );
      created++;
      const last = k === 1;
      await wf.transitionMeeting(m.documentId, 'held', actor);
      if (last) continue; // the latest meeting is held, minutes still to write
      for (const t of topics) await wf.transitionTopic(t.documentId, 'deliberated', actor);
      await wf.updateMeeting(m.documentId, {
        attendance: members('JM', 11, ORGS).map((mb, i) => ({
          memberKey: mb.key,
          status: i < 9 ? 'present' : i === 9 ? 'excused' : 'absent',
        })),
        minutes: `${label}联席会议由街道党工委主持，围绕居民反映的问题逐项协商。\n与会各方同意由责任单位限期办理，社区跟踪督办。`,
        decisions: topics.map((t, i) => ({
          key: `D${i + 1}`,
          text: `${t.title}：由责任单位牵头办理，限期完成。`,
          topicDocumentId: t.documentId,
          votes: { for: 8, against: i, abstain: 1 - i },
        })),
      });
      await wf.transitionMeeting(m.documentId, 'minutes_draft', actor);
      if (k === 2) continue; // minutes in draft: never public
      await wf.transitionMeeting(m.documentId, 'minutes_approved', actor);
      await wf.transitionMeeting(m.documentId, 'published', actor);
      for (let d = 0; d < 2; d++) {
        const [kind, name] = ownerPool[(k + d) % ownerPool.length];
        const due = new Date(start.getTime() + (k > 6 ? 30 : 60 + d * 30) * 86400000).toISOString().slice(0, 10);
        const item = await wf.createActionItem(
          {
            meeting: m.documentId,
            decisionKey: `D${d + 1}`,
            title: `落实决议 D${d + 1}（${label}）`,
            ownerKind: kind,
            ownerName: name,
            ownerPhone: '13903780000',
            dueDate: due,
          },
          actor,
        );
        created++;
        // Older months end verified (topic closed), recent ones spread across open/in_progress/done.
        const target = k > 6 ? 'verified' : (['open', 'in_progress', 'done', 'verified'] as const)[(k + d) % 4];
        const path = {
          open: [],
          in_progress: ['in_progress'],
          done: ['in_progress', 'done'],
          verified: ['in_progress', 'done', 'verified'],
        }[target];
        for (const to of path)
          await wf.transitionActionItem(
            item.documentId,
            { to, resultNote: to === 'done' ? '已按决议完成，居民反映问题解决。' : undefined },
            actor,
          );
      }
    }
    // Coming up: next week's joint meeting with this month's topics on its agenda, and the quarter's forum.
    const day = (d: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + d, 1));
    const upcoming = [
      { council: joint.documentId, title: '两湖街道本月联席会议', startAt: day(7), topic: '小区充电桩安装' },
      { council: forum.documentId, title: '两湖街道季度民情恳谈会', startAt: day(20), topic: '背街小巷路灯维修' },
    ];
    for (const u of upcoming) {
      const topic = await wf.createTopic(
        {
          title: u.topic,
          raisedBy: 'resident',
          sourceText: '居民在网格微信群反映，网格长登记上报。',
          grid: gridRows[0]?.documentId,
          council: u.council,
        },
        actor,
      );
      await wf.transitionTopic(topic.documentId, 'scheduled', actor);
      await wf.createMeeting(
        {
          council: u.council,
          title: u.title,
          startAt: u.startAt.toISOString(),
          endAt: new Date(u.startAt.getTime() + 2 * 3600000).toISOString(),
          place: '两湖街道党群服务中心会议室',
          convener: '街道党工委书记',
          recorder: '党政办',
          agenda: [
            { position: 1, title: u.topic, topicDocumentId: topic.documentId, presenter: '网格长', plannedMinutes: 30 },
          ],
        },
        actor,
      );
      created += 2;
    }
    return created;
  },
});
