import type { OwnerAccountKind } from './flow';

/**
 * The party organisations an owner account may serve, by kind: a department (县直部门, 街道科室) serves the
 * county or a street committee; a property company (物业公司) a community or one of its compounds. The
 * organisation decides who keeps and dispatches to the account, so a community's "department" would be a
 * property company under the wrong label, offered where a department is asked for.
 */
export const OWNER_ACCOUNT_LEVELS: Record<OwnerAccountKind, readonly string[]> = {
  department: ['county_committee', 'street_committee'],
  property: ['community_branch', 'compound_group'],
};

/** Why an owner account of this kind cannot serve an organisation of this level (`null`: it can). */
export function ownerAccountProblem(
  kind: string,
  level: string | null | undefined,
): { field: 'kind' | 'organisation'; message: string } | null {
  if (!level) {
    return {
      field: 'organisation',
      message: 'is required: the organisation the account serves (须选择承办方服务的党组织)',
    };
  }
  const allowed = OWNER_ACCOUNT_LEVELS[kind as OwnerAccountKind];
  if (!allowed || allowed.includes(level)) return null;
  return kind === 'department'
    ? {
        field: 'kind',
        message: 'department serves the county or a street (县直部门、街道科室账号须属于县委或街道党工委)',
      }
    : {
        field: 'kind',
        message: 'property serves a community or a compound (物业公司账号须属于社区党支部或小区党小组)',
      };
}
