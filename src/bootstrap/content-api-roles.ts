import type { Core } from '@strapi/strapi';
import { CONTENT_ROLES, DOMAIN_PLUGINS, PUBLIC_READ_TYPES } from './domain';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

const readActions = (): string[] => PUBLIC_READ_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/** Adds the missing grants; never removes what an administrator added in the role editor. */
export async function grant(strapi: Core.Strapi, roleType: string, actions: string[]): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: roleType } });
  if (!role) throw new Error(`users-permissions role ${roleType} is missing`);
  const existing = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: role.id, action: { $in: actions } } });
  const have = new Set(existing.map((p: { action: string }) => p.action));
  for (const action of actions.filter((a) => !have.has(a))) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
}

/** Public reads the registries and published notices; the two 双报到 roles exist with the same reads. */
export async function ensureContentApiRoles(strapi: Core.Strapi): Promise<void> {
  for (const def of CONTENT_ROLES) {
    const found = await strapi.db.query(ROLE_UID).findOne({ where: { type: def.type } });
    if (!found) {
      await strapi.db.query(ROLE_UID).create({ data: { ...def } });
    }
  }
  for (const type of ['public', 'authenticated', ...CONTENT_ROLES.map((r) => r.type)]) {
    await grant(strapi, type, readActions());
  }
  // Each domain plugin declares what its routes grant to which role (service `access`).
  for (const id of DOMAIN_PLUGINS) {
    const access = strapi.plugin(id)?.service('access') as
      { contentApiGrants?: () => Record<string, string[]> } | undefined;
    for (const [roleType, actions] of Object.entries(access?.contentApiGrants?.() ?? {})) {
      await grant(strapi, roleType, actions);
    }
  }
  // Accounts are issued by communities and units, not self-registered.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) as Record<string, unknown> | null) ?? {};
  if (advanced.allow_register !== false) {
    await store.set({ value: { ...advanced, allow_register: false } });
  }
}
