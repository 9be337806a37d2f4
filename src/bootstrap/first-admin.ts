import type { Core } from '@strapi/strapi';

/**
 * Development convenience: create the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD
 * when none exists. Never in production, where Strapi's own first-admin registration page
 * stays the only way in.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV === 'production') return;
  const email = process.env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;

  // Strapi types admin services loosely: the two calls used here, as Strapi 5.54 defines them.
  const userService = strapi.service('admin::user') as unknown as {
    create(data: Record<string, unknown>): Promise<unknown>;
  };
  const roleService = strapi.service('admin::role') as unknown as { getSuperAdmin(): Promise<{ id: number } | null> };
  const existing = await strapi.db.query('admin::user').count();
  if (existing === 0) {
    const superAdmin = await roleService.getSuperAdmin();
    if (!superAdmin) return;
    await userService.create({
      email,
      password,
      firstname: '管理员',
      lastname: '尉氏',
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
    strapi.log.info(`[first-admin] created ${email}`);
  }
  const url = strapi.config.get('server.url') || `http://localhost:${strapi.config.get('server.port')}`;
  // The develop command's promise: say where to log in and with what.
  strapi.log.info(`管理后台 Admin panel: ${url}/admin  登录 login: ${email} / ${password}`);
}
