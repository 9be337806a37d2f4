import { randomBytes } from 'crypto';
import { http, strapi } from './strapi';

const unique = () => randomBytes(5).toString('hex');

/** A Users & Permissions account with the given role type; returns its JWT (logged in over HTTP). */
export async function createUser(roleType: string, overrides: Record<string, unknown> = {}) {
  const role = await strapi()
    .db.query('plugin::users-permissions.role')
    .findOne({ where: { type: roleType } });
  if (!role) throw new Error(`no role ${roleType}`);
  const username = `u_${unique()}`;
  const password = `Pw-${unique()}-9`;
  const user = await strapi()
    .plugin('users-permissions')
    .service('user')
    .add({
      username,
      email: `${username}@test.local`,
      password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
      ...overrides,
    });
  const res = await http().post('/api/auth/local').send({ identifier: username, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { user, jwt: res.body.jwt as string, password, username };
}

/** An API token created the way an administrator creates one in Settings → API Tokens. */
export async function createApiToken(
  type: 'read-only' | 'full-access' | 'custom' = 'full-access',
  permissions: string[] = [],
) {
  const token = await (strapi().service('admin::api-token') as any).create({
    name: `test-${unique()}`,
    type,
    lifespan: null,
    permissions: type === 'custom' ? permissions : undefined,
  });
  return token.accessKey as string;
}

/** An administrator with the given admin role code; returns an admin-panel JWT obtained via /admin/login. */
export async function createAdmin(roleCode = 'strapi-super-admin') {
  const role = await (strapi().service('admin::role') as any).findOne({ code: roleCode });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const email = `admin_${unique()}@test.local`;
  const password = `Admin-${unique()}-9a`;
  await (strapi().service('admin::user') as any).create({
    email,
    password,
    firstname: '测试',
    lastname: '管理员',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const res = await http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { email, password, token: res.body.data.token as string };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
