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
export async function ensureStaffRole(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role') as any;
  const permissionService = strapi.service('admin::permission') as any;
  const contentTypeService = strapi.service('admin::content-type') as any;

  let role = await roleService.findOne({ code: STAFF_ROLE.code });
  if (!role) role = await roleService.create({ ...STAFF_ROLE });

  const allActions: any[] = permissionService.actionProvider.values();
  const contentTypeActions = allActions.filter((a) => a.section === 'contentTypes');
  const contentPermissions = contentTypeService
    .getPermissionsWithNestedFields(contentTypeActions)
    .filter((p: { subject: string }) => isDomainContentType(p.subject));
  const pluginPermissions = allActions
    .filter((a) => DOMAIN_PLUGINS.includes(a.pluginName) && a.section === 'plugins')
    .map((a) => ({ action: a.actionId, subject: null, conditions: [], properties: {} }));
  const uploadPermissions = UPLOAD_ACTIONS.map((action) => ({ action, subject: null, conditions: [], properties: {} }));

  await roleService.assignPermissions(role.id, [...contentPermissions, ...pluginPermissions, ...uploadPermissions]);
}
