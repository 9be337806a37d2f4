import type { Core } from '@strapi/strapi';
import { ORGANISATION_CONDITION_ID, SCOPE_ATTRIBUTES } from '../packages/kit/server';
import {
  DOMAIN_PLUGINS,
  STAFF_ASSIGNMENT_TYPE,
  STAFF_CONTENT_LIMITS,
  STAFF_ROLES,
  isDomainContentType,
  type StaffRoleDefinition,
} from './domain';
import { SCOPE_REGISTRY } from './organisation-scope';

/**
 * The staff roles of STAFF_ROLES (社区工作人员, 街道工作人员, 县级审核): Content Manager actions on
 * the governed types under the 本组织及下级 condition, the other domain types and plugin actions
 * as each definition says, the media library — never settings, users or roles. Reassigned on every
 * start so each role always matches its definition.
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
    create(role: { code: string; name: string; description: string }): Promise<{ id: number }>;
    assignPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
  };
  permission: { actionProvider: { values(): Action[] } };
  contentType: { getPermissionsWithNestedFields(actions: Action[]): Permission[] };
}

const CM = 'plugin::content-manager.explorer.';
const SCOPE_FIELDS = new Set<string>(SCOPE_ATTRIBUTES);

/** The scope columns are the server's to write: no staff role reads or edits them as fields. */
function withoutScopeFields(p: Permission): Permission {
  const fields = p.properties.fields;
  return Array.isArray(fields)
    ? { ...p, properties: { ...p.properties, fields: fields.filter((f) => !SCOPE_FIELDS.has(String(f))) } }
    : p;
}

/** `plugin::star-scoring.review` grants itself; `plugin::double-report.*` every action of the plugin. */
const grants = (granted: string, actionId: string): boolean =>
  granted.endsWith('.*') ? actionId.startsWith(granted.slice(0, -1)) : granted === actionId;

function permissionsOf(def: StaffRoleDefinition, contentPermissions: Permission[], actions: Action[]): Permission[] {
  const content = contentPermissions.flatMap((p): Permission[] => {
    const subject = p.subject as string;
    // Limited types: the Content Manager's read at most (their writes go through the plugin's routes).
    const limit = STAFF_CONTENT_LIMITS[subject];
    if (limit === 'none' || (limit === 'read' && p.action !== `${CM}read`)) return [];
    if (subject in SCOPE_REGISTRY.governed) {
      const verb = p.action.slice(CM.length) as StaffRoleDefinition['governed'][number];
      const granted = def.governed.includes(verb) || (def.governedExtra?.[subject]?.includes(verb) ?? false);
      return p.action.startsWith(CM) && granted
        ? [{ ...withoutScopeFields(p), conditions: [ORGANISATION_CONDITION_ID] }]
        : [];
    }
    return def.otherContent ? [p] : [];
  });
  const plugin = actions
    .filter((a) => a.section === 'plugins' && DOMAIN_PLUGINS.some((id) => id === a.pluginName))
    .filter((a) => def.pluginActions === 'all' || def.pluginActions.some((g) => grants(g, a.actionId)))
    .map((a): Permission => ({ action: a.actionId, subject: null, conditions: [], properties: {} }));
  const upload = def.upload.map((action): Permission => ({ action, subject: null, conditions: [], properties: {} }));
  return [...content, ...plugin, ...upload];
}

export async function ensureStaffRoles(strapi: Core.Strapi): Promise<void> {
  const roleService = strapi.service('admin::role') as unknown as AdminServices['role'];
  const permissionService = strapi.service('admin::permission') as unknown as AdminServices['permission'];
  const contentTypeService = strapi.service('admin::content-type') as unknown as AdminServices['contentType'];

  const allActions = permissionService.actionProvider.values();
  const contentPermissions = contentTypeService
    .getPermissionsWithNestedFields(allActions.filter((a) => a.section === 'contentTypes'))
    .filter((p) => p.subject !== null && isDomainContentType(p.subject));

  for (const def of STAFF_ROLES) {
    const role =
      (await roleService.findOne({ code: def.code })) ??
      (await roleService.create({ code: def.code, name: def.name, description: def.description }));
    await roleService.assignPermissions(role.id, permissionsOf(def, contentPermissions, allActions));
  }
  // Strapi's default Editor and Author roles were given every content type when they were
  // created: take staff assignments away from every role but Super Admin.
  const granted = (await strapi.db.query('admin::permission').findMany({
    where: { subject: STAFF_ASSIGNMENT_TYPE, role: { code: { $ne: 'strapi-super-admin' } } },
    select: ['id'],
  })) as Array<{ id: number }>;
  if (granted.length)
    await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: granted.map((p) => p.id) } } });
}
