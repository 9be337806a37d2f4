import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnOf, joinOf, knexOf, tableOf } from '../db';
import type { Ctx } from '../http';
import type { StaffUser } from './store';

/**
 * Staff reads opened all day (dashboards, boards) are cached like public ones, but a cached answer
 * may only reach a caller the route would admit. Strapi's admin authentication rebuilds the user's
 * whole permission ability on every request (several queries and the CASL build), which costs more
 * than the cached answer itself. The staff fast path admits a caller with what the route's policy
 * checks, in one statement: the access token's session is live, the user is active, and one of the
 * user's roles holds the action the route requires. Anything else (no cached copy for this URL, a
 * route with other policies, a refused statement) goes through Strapi's full pipeline.
 */

interface SessionManager {
  (origin: 'admin'): {
    validateAccessToken(token: string): { isValid: boolean; payload: { userId: string; sessionId: string } | null };
  };
}

interface Policy {
  name?: string;
  config?: { actions?: string[] };
}

/** The admin actions a route's `admin::hasPermissions` policy requires, or null when it has other policies. */
export function requiredActions(ctx: Ctx): string[] | null {
  const route = (ctx.state as { route?: { config?: { policies?: Array<Policy | string> } } }).route;
  const policies = route?.config?.policies ?? [];
  const actions: string[] = [];
  for (const p of policies) {
    if (typeof p === 'string' || p.name !== 'admin::hasPermissions' || !p.config?.actions?.length) return null;
    actions.push(...p.config.actions);
  }
  return actions.length ? actions : null;
}

type Admission = (
  knex: Knex,
  sessionId: string,
  userId: number,
  actions: string[],
) => Promise<{ email: string; is_super: unknown } | undefined>;
let statement: Admission | undefined;

function admissionQuery(strapi: Core.Strapi) {
  if (statement) return statement;
  const sessions = tableOf(strapi, 'admin::session');
  const users = tableOf(strapi, 'admin::user');
  const permissions = tableOf(strapi, 'admin::permission');
  const userRoles = joinOf(strapi, 'admin::user', 'roles');
  const permissionRole = joinOf(strapi, 'admin::permission', 'role');
  const col = (uid: string, attr: string) => columnOf(strapi, uid, attr);
  const roles = tableOf(strapi, 'admin::role');
  statement = (knex, sessionId, userId, actions) =>
    knex(`${users} as u`)
      .join(`${sessions} as s`, (j) => {
        j.on(`s.${col('admin::session', 'sessionId')}`, knex.raw('?', [sessionId]))
          .andOn(`s.${col('admin::session', 'userId')}`, knex.raw('?', [String(userId)]))
          .andOn(`s.${col('admin::session', 'origin')}`, knex.raw('?', ['admin']))
          .andOn(`s.${col('admin::session', 'expiresAt')}`, '>', knex.raw('?', [new Date()]));
      })
      .where('u.id', userId)
      .andWhere(`u.${col('admin::user', 'isActive')}`, true)
      .whereExists((q) =>
        q
          .select(knex.raw('1'))
          .from(`${userRoles.table} as ur`)
          .join(`${permissionRole.table} as pr`, `pr.${permissionRole.other}`, `ur.${userRoles.other}`)
          .join(`${permissions} as p`, 'p.id', `pr.${permissionRole.own}`)
          .whereRaw(`ur.${userRoles.own} = u.id`)
          .whereIn(`p.${col('admin::permission', 'action')}`, actions),
      )
      .first(
        `u.${col('admin::user', 'email')} as email`,
        // Super Admins see every organisation: the organisation scope tells their variant apart.
        knex.raw(
          `exists (select 1 from ?? as sr join ?? as r on r.id = sr.?? where sr.?? = u.id and r.?? = 'strapi-super-admin') as is_super`,
          [userRoles.table, roles, userRoles.other, userRoles.own, col('admin::role', 'code')],
        ),
      );
  return statement;
}

export interface StaffToken {
  userId: number;
  sessionId: string;
}

/** Who a bearer access token claims to be (signature and expiry checked; the session is not). */
export function staffToken(strapi: Core.Strapi, authorization: string | undefined): StaffToken | null {
  const [scheme, token] = (authorization ?? '').split(/\s+/);
  if (!token || scheme.toLowerCase() !== 'bearer') return null;
  const manager = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  if (!manager) return null;
  const result = manager('admin').validateAccessToken(token);
  if (!result.isValid || !result.payload) return null;
  const userId = Number(result.payload.userId);
  return Number.isInteger(userId) ? { userId, sessionId: result.payload.sessionId } : null;
}

/**
 * The admin behind the token when its session is live, the user active, and one of the user's roles
 * holds one of the actions; else null.
 */
export async function admit(strapi: Core.Strapi, token: StaffToken, actions: string[]): Promise<StaffUser | null> {
  const row = await admissionQuery(strapi)(knexOf(strapi), token.sessionId, token.userId, actions);
  if (!row) return null;
  const superAdmin = row.is_super === true || row.is_super === 1 || row.is_super === '1' || row.is_super === 't';
  return { id: token.userId, email: row.email, roles: superAdmin ? [{ code: 'strapi-super-admin' }] : [] };
}
