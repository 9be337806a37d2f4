/** The content types and plugins that make up the governance domain (one list, used by every bootstrap step). */
export const REGISTRY_TYPES = [
  'api::branch.branch',
  'api::grid.grid',
  'api::compound.compound',
  'api::representative.representative',
] as const;

export const NOTICE_TYPE = 'api::notice.notice' as const;

export const PUBLIC_READ_TYPES = [...REGISTRY_TYPES, NOTICE_TYPE] as const;

/** Our own plugins: their content types and admin actions belong to community staff too. */
export const DOMAIN_PLUGINS = ['star-scoring', 'double-report', 'deliberation'] as const;

/** Users & Permissions roles of the content API, beside Strapi's public and authenticated. */
export const CONTENT_ROLES = [
  { type: 'party-unit', name: '报到单位 Party unit', description: '双报到：机关企事业单位党组织账号' },
  { type: 'party-member', name: '在职党员 Party member', description: '双报到：在职党员个人账号' },
] as const;

export const STAFF_ROLE = {
  code: 'community-staff',
  name: '社区工作人员',
  description: '社区工作人员：维护党组织、网格、小区、两代表一委员和通知公告；不能管理用户、角色和设置',
} as const;

export const isDomainContentType = (uid: string): boolean =>
  uid.startsWith('api::') || DOMAIN_PLUGINS.some((p) => uid.startsWith(`plugin::${p}.`));
