import type { Core, UID } from '@strapi/strapi';
import { STAFF_ASSIGNMENT_TYPE } from './domain';

/**
 * Development convenience, like the first administrator: one staff account per scope level and one
 * party member and one unit account for the phone check-in page, grid accounts and the two owner
 * accounts (承办方账号) of grid-cases, all with DEMO_STAFF_PASSWORD.
 * Never in production or tests. Accounts and assignments are matched by e-mail and created once.
 */
const STAFF = [
  {
    email: 'community@weishi.example',
    role: 'community-staff',
    branch: 'LH-C1',
    firstname: '社区',
    lastname: '大西门',
  },
  {
    email: 'community2@weishi.example',
    role: 'community-staff',
    branch: 'LH-C2',
    firstname: '社区',
    lastname: '小西门',
  },
  { email: 'street@weishi.example', role: 'street-staff', branch: 'LH', firstname: '街道', lastname: '两湖' },
  { email: 'county@weishi.example', role: 'county-reviewer', branch: 'WS', firstname: '县级', lastname: '审核' },
] as const;

// The double-report demo (src/plugins/double-report) names its first unit U01 and that unit's first member 王建国.
const MEMBER_UID = 'plugin::double-report.member';
const UNIT_UID = 'plugin::double-report.unit';
const GRID_ACCOUNT_UID = 'plugin::grid-cases.grid-account';
const OWNER_ACCOUNT_UID = 'plugin::grid-cases.owner-account';
const PHONE_ACCOUNTS = [
  {
    email: 'member@weishi.example',
    username: 'demo-member',
    roleType: 'party-member',
    link: { uid: MEMBER_UID, where: { name: '王建国' } },
  },
  {
    email: 'unit@weishi.example',
    username: 'demo-unit',
    roleType: 'party-unit',
    link: { uid: UNIT_UID, where: { branch: { code: 'U01' } } },
  },
  // 网格通账号 of grid G01 (the grid-cases demo makes one per head, grid worker and representative).
  {
    email: 'gridworker@weishi.example',
    username: 'demo-grid-worker',
    roleType: 'grid-worker',
    link: { uid: GRID_ACCOUNT_UID, where: { kind: 'grid_worker', grid: { code: 'G01' } } },
  },
  {
    email: 'gridhead@weishi.example',
    username: 'demo-grid-head',
    roleType: 'grid-worker',
    link: { uid: GRID_ACCOUNT_UID, where: { kind: 'five_head', grid: { code: 'G01' } } },
  },
  {
    email: 'representative@weishi.example',
    username: 'demo-representative',
    roleType: 'grid-worker',
    link: { uid: GRID_ACCOUNT_UID, where: { kind: 'representative', grid: { code: 'G01' } } },
  },
  // 承办方账号 of the grid-cases demo (services/demo-owners.ts): 县住建局 and a compound's 红色物业.
  {
    email: 'department@weishi.example',
    username: 'demo-department',
    roleType: 'case-owner',
    link: { uid: OWNER_ACCOUNT_UID, where: { kind: 'department', name: '尉氏县住房和城乡建设局' } },
  },
  {
    email: 'property@weishi.example',
    username: 'demo-property',
    roleType: 'case-owner',
    link: { uid: OWNER_ACCOUNT_UID, where: { kind: 'property' } },
  },
] as const;

interface AdminUserService {
  create(data: Record<string, unknown>): Promise<{ id: number }>;
}
interface RoleService {
  findOne(where: { code: string }): Promise<{ id: number } | null>;
}

async function ensureStaff(strapi: Core.Strapi, password: string): Promise<string[]> {
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  const roles = strapi.service('admin::role') as unknown as RoleService;
  const made: string[] = [];
  for (const s of STAFF) {
    const branch = (await strapi.db
      .query('api::branch.branch')
      .findOne({ where: { code: s.branch }, select: ['documentId'] })) as { documentId: string } | null;
    const role = await roles.findOne({ code: s.role });
    if (!branch || !role) continue;
    if (!(await strapi.db.query('admin::user').findOne({ where: { email: s.email } }))) {
      await users.create({
        email: s.email,
        password,
        firstname: s.firstname,
        lastname: s.lastname,
        isActive: true,
        registrationToken: null,
        roles: [role.id],
      });
    }
    if (!(await strapi.db.query(STAFF_ASSIGNMENT_TYPE).findOne({ where: { adminEmail: s.email } }))) {
      await strapi
        .documents(STAFF_ASSIGNMENT_TYPE)
        .create({ data: { adminEmail: s.email, branch: branch.documentId, note: '演示账号 demo account' } as never });
    }
    made.push(`${s.email} (${s.role} @ ${s.branch})`);
  }
  return made;
}

async function ensurePhoneAccounts(strapi: Core.Strapi, password: string): Promise<string[]> {
  if (!strapi.plugin('double-report')) return [];
  const made: string[] = [];
  for (const a of PHONE_ACCOUNTS) {
    const target = (await strapi.db
      .query(a.link.uid as UID.Schema)
      .findOne({ where: a.link.where, populate: { account: { select: ['id'] } } })) as {
      id: number;
      account?: { id: number } | null;
    } | null;
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: a.roleType } })) as {
      id: number;
    } | null;
    if (!target || !role) continue;
    let user = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: a.email } })) as {
      id: number;
    } | null;
    if (!user && target.account) {
      // The grid-cases demo made this 网格通账号 a platform account with a password nobody knows: the
      // printed login takes it over, so its reports (and a representative's 履职) are there at sign-in.
      await strapi
        .plugin('users-permissions')
        .service('user')
        .edit(target.account.id, { username: a.username, email: a.email, password, confirmed: true, blocked: false });
      user = { id: target.account.id };
    }
    if (!user) {
      user = (await strapi.plugin('users-permissions').service('user').add({
        username: a.username,
        email: a.email,
        password,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
      })) as { id: number };
    }
    if (!target.account)
      await strapi.db.query(a.link.uid as UID.Schema).update({ where: { id: target.id }, data: { account: user.id } });
    made.push(`${a.email} (${a.roleType})`);
  }
  return made;
}

export async function ensureDemoAccounts(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV === 'production' || process.env.NODE_ENV === 'test') return;
  const password = process.env.DEMO_STAFF_PASSWORD;
  if (!password) return;
  const staff = await ensureStaff(strapi, password);
  const phone = await ensurePhoneAccounts(strapi, password);
  if (!staff.length && !phone.length) return;
  // Printed beside the first administrator's login line.
  strapi.log.info(
    `演示账号 Demo accounts (密码 password: ${password}): ${[...staff, ...phone].join(', ')}; 手机签到 check-in page: /checkin/`,
  );
}
