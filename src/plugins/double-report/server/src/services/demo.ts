import type { Core } from '@strapi/strapi';
import { documentData } from '@grassroots/kit/server';
import { UID } from '../uids';

interface Doc {
  id: number;
  documentId: string;
}
interface BranchRow extends Doc {
  name: string;
  secretary?: string | null;
}

const KINDS = ['policy_talk', 'sentiment_talk', 'dispute_screening', 'livelihood_project', 'home_visit', 'other'];
const UNITS = [
  { code: 'U01', community: 'LH-C1', members: ['王建国', '李秀英', '张伟'] },
  { code: 'U02', community: 'LH-C2', members: ['刘洋', '陈静', '杨帆'] },
  { code: 'U03', community: 'LH-C3', members: ['赵磊', '黄敏'] },
];
const ITEMS: [string, string][] = [
  ['need', '老旧小区楼道照明改造'],
  ['need', '独居老人定期走访'],
  ['resource', '单位法律顾问每月坐班'],
  ['project', '社区健身广场共建'],
];

/**
 * Weishi demo for 双报到: units for U01–U03, their members (reported to where they live), the three
 * lists, a year of monthly activities with verified check-ins. Matched by name, so a second run adds nothing.
 */
export default () => ({
  async seed(strapi: Core.Strapi): Promise<number> {
    let created = 0;
    const year = new Date().getUTCFullYear() - 1;
    const branch = (code: string): Promise<BranchRow | null> =>
      strapi.db.query(UID.branch).findOne({ where: { code } });
    for (const u of UNITS) {
      const [b, c] = await Promise.all([branch(u.code), branch(u.community)]);
      if (!b || !c) continue;
      if (await strapi.db.query(UID.unit).findOne({ where: { name: b.name } })) continue;
      await strapi.db.transaction(async () => {
        const unit = (await strapi.documents(UID.unit).create({
          data: documentData(UID.unit, {
            name: b.name,
            branch: b.documentId,
            community: c.documentId,
            contactName: b.secretary,
          }),
        })) as unknown as Doc;
        await strapi.documents(UID.registration).create({
          data: documentData(UID.registration, {
            kind: 'unit',
            unit: unit.documentId,
            community: c.documentId,
            reportedOn: `${year}-01-10`,
            status: 'accepted',
          }),
        });
        created += 2;
        for (const [t, title] of ITEMS) {
          await strapi.documents(UID.listItem).create({
            data: documentData(UID.listItem, {
              type: t,
              title: `${c.name}·${title}`,
              community: c.documentId,
              status: 'open',
              dueDate: `${year + 1}-06-30`,
            }),
          });
          created += 1;
        }
        const activities: Array<Doc & { startsAt: string }> = [];
        for (let month = 0; month < 12; month += 1) {
          const starts = new Date(Date.UTC(year, month, 12, 1, 0));
          const a = (await strapi.documents(UID.activity).create({
            data: documentData(UID.activity, {
              title: `${c.name}${month + 1}月党员服务日`,
              kind: KINDS[month % KINDS.length],
              community: c.documentId,
              unit: unit.documentId,
              startsAt: starts.toISOString(),
              endsAt: new Date(starts.getTime() + 3 * 3600000).toISOString(),
              place: `${c.name}党群服务中心`,
              lat: 34.41 + month / 1000,
              lng: 114.19,
              radius: 300,
              capacity: 30,
            }),
          })) as unknown as Doc & { startsAt: string };
          activities.push(a);
          created += 1;
        }
        for (const [i, name] of u.members.entries()) {
          const m = (await strapi.documents(UID.member).create({
            data: documentData(UID.member, {
              name,
              unit: unit.documentId,
              community: c.documentId,
              skills: ['政策宣讲', '志愿服务'].slice(0, 1 + (i % 2)),
            }),
          })) as unknown as Doc;
          await strapi.documents(UID.registration).create({
            data: documentData(UID.registration, {
              kind: 'member',
              member: m.documentId,
              community: c.documentId,
              reportedOn: `${year}-02-01`,
              status: 'accepted',
            }),
          });
          created += 2;
          for (const [j, a] of activities.entries()) {
            if ((i + j) % 3 === 2) continue; // not everyone comes every month
            const minutes = 120 + ((i + j) % 3) * 30;
            const ci = (await strapi.documents(UID.checkIn).create({
              data: documentData(UID.checkIn, {
                member: m.documentId,
                activity: a.documentId,
                memberRef: m.id,
                activityRef: a.id,
                checkedInAt: a.startsAt,
                checkedOutAt: new Date(new Date(a.startsAt).getTime() + minutes * 60000).toISOString(),
                minutes,
                source: j % 2 ? 'gps' : 'qr',
                status: 'verified',
                rating: 4 + (j % 2),
                year,
              }),
            })) as unknown as Doc & { startsAt: string };
            // sourceRef = the check-in, as verification writes it, so revoking a demo check-in reverses its points.
            await strapi.db.query(UID.points).create({
              data: {
                member: m.id,
                unit: unit.id,
                memberRef: m.id,
                unitRef: unit.id,
                points: minutes / 60,
                reason: `服务时长 ${minutes} 分钟`,
                source: 'verified_hours',
                sourceRef: ci.documentId,
                year,
              },
            });
            created += 2;
          }
        }
      });
    }
    return created;
  },
});
