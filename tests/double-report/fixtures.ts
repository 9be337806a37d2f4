import { randomBytes } from 'crypto';
import { strapi } from '../helpers/strapi';
import { createUser } from '../helpers/auth';

const tag = () => randomBytes(3).toString('hex');
const docs = (uid: string) => strapi().documents(uid as any);

export async function community(name = `社区${tag()}`) {
  return (await docs('api::branch.branch').create({
    data: { name, code: `T-${tag()}`, level: 'community_branch', category: 'urban' } as any,
  })) as any;
}

/** A reporting unit with its party-unit account. */
export async function unit(communityDoc: any, name = `单位${tag()}`) {
  const branch: any = await docs('api::branch.branch').create({
    data: { name, code: `TU-${tag()}`, level: 'unit_branch' } as any,
  });
  const account = await createUser('party-unit');
  const u: any = await docs('plugin::double-report.unit').create({
    data: { name, branch: branch.documentId, community: communityDoc.documentId, contactPhone: '13900000000' } as any,
  });
  await strapi()
    .db.query('plugin::double-report.unit')
    .update({ where: { id: u.id }, data: { account: account.user.id } });
  return { ...u, jwt: account.jwt };
}

/** An in-service member with a party-member account. */
export async function member(unitDoc: any, communityDoc: any, name = `党员${tag()}`) {
  const account = await createUser('party-member');
  const m: any = await docs('plugin::double-report.member').create({
    data: { name, unit: unitDoc.documentId, community: communityDoc.documentId, phone: '13800000000' } as any,
  });
  await strapi()
    .db.query('plugin::double-report.member')
    .update({ where: { id: m.id }, data: { account: account.user.id } });
  return { ...m, jwt: account.jwt, userId: account.user.id, username: account.username, password: account.password };
}

export async function activity(communityDoc: any, over: Record<string, unknown> = {}) {
  const now = Date.now();
  return (await docs('plugin::double-report.activity').create({
    data: {
      title: `活动${tag()}`,
      kind: 'policy_talk',
      community: communityDoc.documentId,
      startsAt: new Date(now - 3600000).toISOString(),
      endsAt: new Date(now + 3600000).toISOString(),
      lat: 34.4123,
      lng: 114.1935,
      radius: 200,
      qrToken: `tok-${tag()}`,
      qrRotatedAt: new Date(now).toISOString(),
      ...over,
    } as any,
  })) as any;
}

/**
 * A check-in as the community finds it after the member checked out (pending its decision), on
 * 1 May of `year`, in from 01:00 UTC to `outHour`:00 UTC, with the minutes the test wants to count.
 */
export async function finished(m: any, a: any, minutes: number, { year = 2025, outHour = 3 } = {}) {
  const at = (hour: number) => `${year}-05-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return (await docs('plugin::double-report.check-in').create({
    data: {
      member: m.documentId,
      activity: a.documentId,
      memberRef: m.id,
      activityRef: a.id,
      checkedInAt: at(1),
      checkedOutAt: at(outHour),
      minutes,
      source: 'qr',
      status: 'pending',
      year,
    } as any,
  })) as any;
}

export const countCheckIns = (where: Record<string, unknown> = {}) =>
  strapi().db.query('plugin::double-report.check-in').count({ where });
