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

const DAY = 86400000;
/** 09:00 in Weishi (UTC+8) on the day `days` from `now`. */
const morning = (now: Date, days: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 1, 0));

interface Slot {
  startsAt: Date;
  title: string;
  /** verified: counted in the hours; pending: waiting in the verification queue; none: not held yet */
  checkIns: 'verified' | 'pending' | 'none';
  hours?: number;
}

/**
 * The activities of one community, dated from the day of seeding: a monthly service day from January
 * last year up to last month (verified), the last weeks (one verified, two waiting for verification),
 * one today for the phone check-in page, and two to come (later this month or early next, and next month).
 */
function slots(now: Date, community: string): Slot[] {
  const out: Slot[] = [];
  const lastYear = now.getUTCFullYear() - 1;
  for (let m = 0; ; m++) {
    const startsAt = new Date(Date.UTC(lastYear, m, 12, 1, 0));
    if (startsAt.getTime() > now.getTime() - 21 * DAY) break;
    out.push({
      startsAt,
      title: `${community}${startsAt.getUTCMonth() + 1}月党员服务日`,
      checkIns: 'verified',
    });
  }
  out.push(
    { startsAt: morning(now, -14), title: `${community}政策宣讲进小区`, checkIns: 'verified' },
    { startsAt: morning(now, -6), title: `${community}独居老人走访`, checkIns: 'pending' },
    { startsAt: morning(now, -2), title: `${community}矛盾纠纷排查`, checkIns: 'pending' },
    // Under way from an hour before seeding for half a day: the phone page can check in at once.
    {
      startsAt: new Date(Math.floor(now.getTime() / 3600000) * 3600000 - 3600000),
      title: `${community}今日志愿服务`,
      checkIns: 'none',
      hours: 12,
    },
    { startsAt: morning(now, 9), title: `${community}民生实事认领会`, checkIns: 'none' },
    { startsAt: morning(now, 35), title: `${community}下月党员服务日`, checkIns: 'none' },
  );
  return out;
}

/**
 * Weishi demo for 双报到: units for U01–U03, their members (reported to where they live), the three
 * lists, activities from last January to next month (slots above) with check-ins. Every date is relative
 * to the day of seeding, so the current year's dashboard has figures. Matched by name, so a second run adds nothing.
 */
export default () => ({
  async seed(strapi: Core.Strapi): Promise<number> {
    let created = 0;
    const now = new Date();
    const year = now.getUTCFullYear() - 1;
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
              dueDate: morning(now, 90).toISOString().slice(0, 10),
            }),
          });
          created += 1;
        }
        const activities: Array<Doc & { startsAt: string; slot: Slot }> = [];
        for (const [j, slot] of slots(now, c.name).entries()) {
          const hours = slot.hours ?? 3;
          const a = (await strapi.documents(UID.activity).create({
            data: documentData(UID.activity, {
              title: slot.title,
              kind: KINDS[j % KINDS.length],
              community: c.documentId,
              unit: unit.documentId,
              startsAt: slot.startsAt.toISOString(),
              endsAt: new Date(slot.startsAt.getTime() + hours * 3600000).toISOString(),
              place: `${c.name}党群服务中心`,
              lat: 34.41 + (j % 12) / 1000,
              lng: 114.19,
              radius: 300,
              capacity: 30,
            }),
          })) as unknown as Doc & { startsAt: string };
          activities.push({ ...a, slot });
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
            if (a.slot.checkIns === 'none') continue;
            if (a.slot.checkIns === 'verified' && (i + j) % 3 === 2) continue; // not everyone comes every month
            const verified = a.slot.checkIns === 'verified';
            const when = new Date(a.startsAt);
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
                status: verified ? 'verified' : 'pending',
                ...(verified ? { rating: 4 + (j % 2) } : {}),
                year: when.getUTCFullYear(),
              }),
            })) as unknown as Doc & { startsAt: string };
            if (!verified) {
              created += 1;
              continue;
            }
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
                year: when.getUTCFullYear(),
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
