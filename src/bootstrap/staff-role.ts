import type { Core } from '@strapi/strapi';
import { DOMAIN_PLUGINS, STAFF_ROLE, isDomainContentType } from './domain';

const UPLOAD_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

/**
 * 社区工作人员: every content-manager action on the domain's content types (all fields),
 * the media library, and our plugins' own admin actions — but nothing under settings,
 * users or roles. Reassigned on every start so the role always matches this definition.
 */
interface Action {
  actionId: string;
  section: string;
  pluginName?: string;
}
interface Permission {
  action: string;
  subject: string | null;
  conditions: string[];
  properties: Record<string, unknown>;
}
// Strapi types its admin services loosely: the calls used here, as Strapi 5.54 defines them.
interface AdminServices {
  role: {
    findOne(where: { code: string }): Promise<{ id: number } | null>;
    create(role: typeof STAFF_ROLE): Promise<{ id: number }>;
    assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
  };
  permission: { actionProvider: { values(): Action[] } };
  contentType: { getPermissionsWithNestedFields(actions: Action[]): Permission[] };
}

export async function ensureStaffRole(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role') as unknown as AdminServices['role'];
  const permissionService = strapi.service('admin::permission') as unknown as AdminServices['permission'];
  const contentTypeService = strapi.service('admin::content-type') as unknown as AdminServices['contentType'];

  let role = await roleService.findOne({ code: STAFF_ROLE.code });
  if (!role) role = await roleService.create({ ...STAFF_ROLE });

  const allActions = permissionService.actionProvider.values();
  const contentTypeActions = allActions.filter((a) => a.section === 'contentTypes');
  const contentPermissions = contentTypeService
    .getPermissionsWithNestedFields(contentTypeActions)
    .filter((p) => p.subject !== null && isDomainContentType(p.subject));
  const pluginPermissions = allActions
    .filter((a) => DOMAIN_PLUGINS.some((p) => p === a.pluginName) && a.section === 'plugins')
    .map((a): Permission => ({ action: a.actionId, subject: null, conditions: [], properties: {} }));
  const uploadPermissions = UPLOAD_ACTIONS.map((action): Permission => ({ action, subject: null, conditions: [], properties: {} }));

  await roleService.assignPermissions(role.id, [...contentPermissions, ...pluginPermissions, ...uploadPermissions]);
}
