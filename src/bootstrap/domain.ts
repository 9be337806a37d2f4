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
export const DOMAIN_PLUGINS = ['star-scoring', 'double-report', 'deliberation', 'grid-cases', 'registers'] as const;

/** Users & Permissions roles of the content API, beside Strapi's public and authenticated. */
export const CONTENT_ROLES = [
  { type: 'party-unit', name: '报到单位 Party unit', description: '双报到：机关企事业单位党组织账号' },
  { type: 'party-member', name: '在职党员 Party member', description: '双报到：在职党员个人账号' },
  {
    type: 'grid-worker',
    name: '网格通账号 Grid worker',
    description: '网格事项：网格员、五长、两代表一委员的账号（在网格通账号中绑定网格）',
  },
  {
    type: 'case-owner',
    name: '承办方 Case owner',
    description: '网格事项：县直部门、物业公司的账号（在承办方账号中绑定），签收、处置、办结派给本单位的事项',
  },
] as const;

/**
 * Content Manager access of staff to types whose rows change only through a plugin's routes, which
 * enforce its flow and the separation of duties (a star's status, its evidence, the sheets' thresholds,
 * the transition log): `read` (governed ones within the staff's organisation) or `none`. Super Admins
 * keep every action.
 */
export const STAFF_CONTENT_LIMITS: Readonly<Record<string, 'read' | 'none'>> = {
  'plugin::star-scoring.assessment': 'read',
  'plugin::star-scoring.evidence': 'read',
  'plugin::star-scoring.star': 'read',
  'plugin::star-scoring.criterion': 'read',
  'plugin::star-scoring.transition': 'none',
  // 双报到 rules (hours, points, requirement) hold for the whole county: staff read them, Super Admins set them.
  'plugin::double-report.rule-set': 'read',
  // 网格事项 change only through the plugin's routes (flow, events, deadlines); the trail is internal.
  'plugin::grid-cases.case': 'read',
  'plugin::grid-cases.case-event': 'none',
  // the catalogue and the calendar are county-wide: edited through the county's catalogue routes only
  'plugin::grid-cases.case-category': 'read',
  'plugin::grid-cases.holiday': 'read',
  // 个人信息查看记录 is append-only: written by the reveal route, read on the registers pages
  'plugin::registers.reveal-log': 'none',
  // 导入任务 are the Excel import's own bookkeeping, read through its route by the one who started them
  'plugin::registers.import-job': 'none',
};

/** Which admin user works where (员工所属组织): Super Admins only, never granted to a staff role. */
export const STAFF_ASSIGNMENT_TYPE = 'api::staff-assignment.staff-assignment' as const;

/** Content Manager actions a staff role may hold on the governed types. */
export type ContentAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

const ALL_UPLOAD = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

export interface StaffRoleDefinition {
  code: string;
  name: string;
  description: string;
  /** the level of the organisation tree its members are assigned to (what their scope means) */
  level: 'community_branch' | 'street_committee' | 'county_committee';
  /** Content Manager actions on the governed types, always under the 本组织及下级 condition */
  governed: ContentAction[];
  /** every Content Manager action on the other domain types (plugin types, notice subscribers), unscoped as before */
  otherContent: boolean;
  /** governed types this role edits beyond `governed`, still under the 本组织及下级 condition */
  governedExtra?: Readonly<Record<string, ContentAction[]>>;
  /** admin actions of our plugins: 'all', or action ids (`plugin::star-scoring.review`; `plugin::double-report.*` for all of one plugin) */
  pluginActions: 'all' | string[];
  upload: string[];
}

/** 双报到 and 议事协商 actions of the street office: read, the yearly figures, and running the joint meeting. */
const STREET_DR_DELIBERATION = [
  'plugin::double-report.read',
  'plugin::double-report.dashboard.read',
  'plugin::deliberation.read',
  'plugin::deliberation.manage',
  'plugin::deliberation.meetings',
  'plugin::deliberation.action-items',
];
/**
 * 议事协商 of the community: its councils, meetings and action items; the settings (quorum and vote
 * rules every council starts from) are county-wide, so they are the county's.
 */
const COMMUNITY_DELIBERATION = [
  'plugin::deliberation.read',
  'plugin::deliberation.manage',
  'plugin::deliberation.meetings',
  'plugin::deliberation.action-items',
];
/**
 * 网格事项: the community accepts, dispatches and verifies its cases; the street and the county do
 * the same for the cases escalated to them (the service checks the case's level against the
 * caller's) and read the figures of their area. The catalogue and the working-day calendar
 * (事项目录与工作日历) hold for every deadline in the county, so only the county edits them
 * (GRID_CASES_CATALOGUE); the others read them.
 */
const GRID_CASES = [
  'plugin::grid-cases.read',
  'plugin::grid-cases.intake',
  'plugin::grid-cases.dispatch',
  'plugin::grid-cases.verify',
  'plugin::grid-cases.figures',
];
const GRID_CASES_CATALOGUE = 'plugin::grid-cases.catalogue';
/**
 * 一表三图: the community keeps its registers (Excel in and out), reveals a resident's identity number
 * or phone one at a time with a reason, and reads care tags (it visits those residents); the street
 * and the county read, export and map their area, masked, without care tags.
 */
const REGISTERS = {
  community: [
    'plugin::registers.read',
    'plugin::registers.import',
    'plugin::registers.export',
    'plugin::registers.reveal',
    'plugin::registers.care',
    'plugin::registers.map',
  ],
  above: ['plugin::registers.read', 'plugin::registers.export', 'plugin::registers.map'],
};
/** 双报到 and 议事协商 actions of the county: read, the yearly figures, and the county-wide settings. */
const COUNTY_DR_DELIBERATION = [
  'plugin::double-report.read',
  'plugin::double-report.dashboard.read',
  'plugin::deliberation.read',
  'plugin::deliberation.settings',
];

/**
 * 五星支部创建, separation of duties: the community self-assesses, the street reviews and publicises
 * (公示), the county approves and revokes; the server also refuses anyone reviewing or approving an
 * assessment of their own community.
 */
const STAR_SCORING = {
  community: ['plugin::star-scoring.read', 'plugin::star-scoring.assess'],
  street: ['plugin::star-scoring.read', 'plugin::star-scoring.review'],
  county: ['plugin::star-scoring.read', 'plugin::star-scoring.approve'],
};

/**
 * The staff roles, one table: the plugin step edits `pluginActions` (street: review/publicise,
 * county: approve/revoke) without touching the bootstrap code.
 */
export const STAFF_ROLES: StaffRoleDefinition[] = [
  {
    code: 'community-staff',
    name: '社区工作人员',
    description:
      '社区工作人员：维护本社区的党组织、网格、小区、两代表一委员和通知公告（本组织及下级），开展星级自评，不能审核或审定星级；受理、派单、核查、归档本社区的网格事项，查看事项目录与工作日历（不能编辑）；不能管理用户、角色和设置',
    level: 'community_branch',
    governed: ['create', 'read', 'update', 'delete', 'publish'],
    otherContent: true,
    pluginActions: [
      ...STAR_SCORING.community,
      'plugin::double-report.*',
      ...COMMUNITY_DELIBERATION,
      ...GRID_CASES,
      ...REGISTERS.community,
    ],
    upload: ALL_UPLOAD,
  },
  {
    code: 'street-staff',
    name: '街道工作人员',
    description:
      '街道工作人员：查看本街道及所辖社区的数据；审核、公示所辖社区的星级评定；召集联席会议；办理上报街道的网格事项，查看事项目录与工作日历（不能编辑）',
    level: 'street_committee',
    governed: ['read'],
    otherContent: false,
    pluginActions: [...STREET_DR_DELIBERATION, ...STAR_SCORING.street, ...GRID_CASES, ...REGISTERS.above],
    upload: ['plugin::upload.read', 'plugin::upload.assets.download'],
  },
  {
    code: 'county-reviewer',
    name: '县级审核',
    description:
      '县级审核：查看全县数据；批准、撤销星级；办理上报县级的网格事项；维护全县的网格事项目录与工作日历和县直部门的承办方账号',
    level: 'county_committee',
    governed: ['read'],
    otherContent: false,
    // 承办方账号: the county keeps the accounts of its departments (a community those of its property companies)
    governedExtra: { 'plugin::grid-cases.owner-account': ['create', 'read', 'update', 'delete'] },
    pluginActions: [
      ...COUNTY_DR_DELIBERATION,
      ...STAR_SCORING.county,
      ...GRID_CASES,
      GRID_CASES_CATALOGUE,
      ...REGISTERS.above,
    ],
    upload: ['plugin::upload.read', 'plugin::upload.assets.download'],
  },
];

/** The community role, as other bootstrap steps and tests name it. */
export const STAFF_ROLE = STAFF_ROLES[0];

export const isDomainContentType = (uid: string): boolean =>
  uid !== STAFF_ASSIGNMENT_TYPE &&
  (uid.startsWith('api::') || DOMAIN_PLUGINS.some((p) => uid.startsWith(`plugin::${p}.`)));
