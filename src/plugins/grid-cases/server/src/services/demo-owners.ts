import { randomBytes } from 'crypto';
import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { joinOf, knexOf, tableOf } from '@grassroots/kit/server';
import { BRANCH, UID } from '../uids';

/** 县住建局: the demo catalogue's usual owner of 管道漏水 and 安全隐患 (services/demo.ts). */
export const DEMO_DEPARTMENT = '尉氏县住房和城乡建设局';
const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as StrapiUID.ContentType);

interface Wanted {
  name: string;
  kind: 'department' | 'property';
  /** the branch it serves (documentId) */
  organisation: string;
  /** the demo cases that go to it: a department by its name, a property company by its community */
  cases: { ownerName: string } | { scopeCommunity: string };
}

/**
 * 承办方账号 of the demo: 县住建局 (serving the county) and the 红色物业 company of the first demo compound
 * under red property management (serving its community), each a `case-owner` platform account with a
 * password nobody is told (the printed demo logins department@ / property@ take them over, see
 * src/bootstrap/demo-accounts.ts). The demo year's cases of that department, and the property
 * companies' cases of that community, become theirs: the owner's steps in their trails were already
 * recorded by an account, so the states stay coherent. Matched by name: a second run creates nothing.
 */
export async function seedOwnerAccounts(strapi: Core.Strapi): Promise<number> {
  const county = (await strapi.db
    .query(BRANCH as StrapiUID.Schema)
    .findOne({ where: { level: 'county_committee' }, select: ['documentId'], orderBy: { id: 'asc' } })) as {
    documentId: string;
  } | null;
  const compound = (await strapi.db.query('api::compound.compound' as StrapiUID.Schema).findOne({
    where: { redPropertyManagement: true, scopeCommunity: { $notNull: true } },
    select: ['name', 'scopeCommunity'],
    orderBy: { code: 'asc' },
  })) as { name: string; scopeCommunity: string } | null;
  const wanted: Wanted[] = [
    ...(county
      ? [
          {
            name: DEMO_DEPARTMENT,
            kind: 'department' as const,
            organisation: county.documentId,
            cases: { ownerName: DEMO_DEPARTMENT },
          },
        ]
      : []),
    ...(compound
      ? [
          {
            name: `${compound.name}红色物业服务中心`,
            kind: 'property' as const,
            organisation: compound.scopeCommunity,
            cases: { scopeCommunity: compound.scopeCommunity },
          },
        ]
      : []),
  ];
  const role = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'case-owner' }, select: ['id'] })) as { id: number } | null;
  if (!role) return 0;
  let created = 0;
  for (const w of wanted) {
    if (await strapi.db.query(UID.ownerAccount).findOne({ where: { name: w.name }, select: ['id'] })) continue;
    const user = (await strapi
      .plugin('users-permissions')
      .service('user')
      .add({
        username: `owner-${randomBytes(6).toString('hex')}`,
        email: `owner-${randomBytes(6).toString('hex')}@owner.weishi.example`,
        password: randomBytes(24).toString('base64url'),
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      })) as { id: number };
    const account = await docs(strapi, UID.ownerAccount).create({
      data: { name: w.name, kind: w.kind, organisation: w.organisation } as never,
    });
    await strapi.db.query(UID.ownerAccount).update({ where: { id: account.id }, data: { account: user.id } });
    await takeOverCases(strapi, Number(account.id), w);
    created++;
  }
  return created;
}

/** The demo cases of this owner get its account (one insert of the links) and its name. */
async function takeOverCases(strapi: Core.Strapi, accountId: number, w: Wanted) {
  const knex = knexOf(strapi);
  const link = joinOf(strapi, UID.case, 'ownerAccount');
  const have = knex(link.table).select(link.own);
  // every case of this owner not yet linked (escalated cases carry no client key, so no key filter)
  const cases = knex(tableOf(strapi, UID.case))
    .whereNotIn('id', have)
    .where('owner_kind', w.kind)
    .where('ownerName' in w.cases ? { owner_name: w.cases.ownerName } : { scope_community: w.cases.scopeCommunity });
  const ids = ((await cases.clone().select('id')) as Array<{ id: number }>).map((r) => r.id);
  if (!ids.length) return;
  await knex.transaction(async (trx) => {
    await trx(tableOf(strapi, UID.case)).whereIn('id', ids).update({ owner_name: w.name });
    await trx.batchInsert(
      link.table,
      ids.map((id) => ({ [link.own]: id, [link.other]: accountId })),
      500,
    );
  });
}
