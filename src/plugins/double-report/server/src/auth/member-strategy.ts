import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createSecretKey, type KeyObject } from 'crypto';
import jwt from 'jsonwebtoken';
import { link, readJson } from '../services/tables';

const USER = 'plugin::users-permissions.user';
const PERMISSION = 'plugin::users-permissions.permission';
const ADVANCED_KEY = 'plugin_users-permissions_advanced';

/**
 * Authentication for the phone's hot routes (check-in, check-out). It accepts exactly what the
 * users-permissions strategy accepts — the same JWT, verified by U&P's own jwt service (legacy or
 * refresh mode), an existing, unblocked user (confirmed when email confirmation is on) whose role holds
 * the route's action — but reads user, role grant and the confirmation setting in ONE statement instead
 * of U&P's five queries and a CASL ability per request (see README "Bench": the statement count is what
 * limits check-in throughput on a small machine). Everything else about the route (policies, validation,
 * ownership in the services) is unchanged.
 */
export function memberStrategy(strapi: Core.Strapi) {
  let sql: string | null = null;
  const statement = () => {
    if (sql) return sql;
    const roleLink = link(strapi, USER, 'role');
    const permLink = link(strapi, PERMISSION, 'role');
    const users = strapi.db.metadata.get(USER as any).tableName;
    const perms = strapi.db.metadata.get(PERMISSION as any).tableName;
    const store = strapi.db.metadata.get('strapi::core-store' as any).tableName;
    sql = `SELECT u.id, u.username, u.email, u.blocked, u.confirmed, r.${roleLink.other} AS role_id,
          EXISTS (SELECT 1 FROM ${permLink.table} pl JOIN ${perms} p ON p.id = pl.${permLink.own}
                  WHERE pl.${permLink.other} = r.${roleLink.other} AND p.action = ?) AS allowed,
          (SELECT s.value FROM ${store} s WHERE s.key = ? AND s.environment IS NULL AND s.tag IS NULL LIMIT 1) AS advanced
        FROM ${users} u LEFT JOIN ${roleLink.table} r ON r.${roleLink.own} = u.id
        WHERE u.id = ?`;
    return sql;
  };

  // jsonwebtoken given a string secret first tries (and fails) to parse it as a public key on every call —
  // 12 % of the server's CPU in a check-in profile. The same secret as a KeyObject skips that attempt.
  let key: { secret: string; object: KeyObject } | null = null;
  const secretKey = () => {
    const secret = String(strapi.config.get('plugin::users-permissions.jwtSecret'));
    if (key?.secret !== secret) key = { secret, object: createSecretKey(Buffer.from(secret, 'utf8')) };
    return key.object;
  };
  /** U&P's getToken: the same header rule and verification; refresh-mode tokens go through U&P's session check. */
  const readToken = async (ctx: any): Promise<any> => {
    const mode: string = strapi.config.get('plugin::users-permissions.jwtManagement', 'legacy-support');
    if (mode === 'refresh') return strapi.plugin('users-permissions').service('jwt').getToken(ctx);
    const header = ctx.request?.header?.authorization;
    if (!header) return null;
    const parts = String(header).split(/\s+/);
    if (parts[0].toLowerCase() !== 'bearer' || parts.length !== 2) return null;
    const algorithm = (strapi.config.get('plugin::users-permissions.jwt', {}) as any)?.algorithm || 'HS256';
    return jwt.verify(parts[1], secretKey(), { algorithms: [algorithm] });
  };

  /** No token: what U&P does for anonymous callers — the Public role's grant decides (403 when it lacks the action). */
  const anonymous = async (action: string | undefined) => {
    const roleTable = strapi.db.metadata.get('plugin::users-permissions.role' as any).tableName;
    const permLink = link(strapi, PERMISSION, 'role');
    const perms = strapi.db.metadata.get(PERMISSION as any).tableName;
    const grants: any[] = await strapi.db.connection(`${permLink.table} as pl`)
      .join(`${perms} as p`, 'p.id', `pl.${permLink.own}`)
      .join(`${roleTable} as r`, 'r.id', `pl.${permLink.other}`)
      .where('r.type', 'public')
      .select('p.action');
    if (grants.length === 0) return { authenticated: false };
    return { authenticated: true, credentials: null, ability: { allowed: grants.some((g) => g.action === action) } };
  };

  return {
    name: 'double-report-member',
    async authenticate(ctx: any) {
      let token: any;
      try {
        token = await readToken(ctx);
      } catch {
        return { authenticated: false };
      }
      const action = ctx.state.route?.config?.auth?.scope?.[0];
      if (!token) return anonymous(action);
      if (token.id === undefined) return { authenticated: false };
      const res: any = await strapi.db.connection.raw(statement(), [action ?? '', ADVANCED_KEY, token.id]);
      const row = (Array.isArray(res) ? res : res.rows)[0];
      if (!row) return { error: 'Invalid credentials' };
      const advanced = (readJson(row.advanced) as any) ?? {};
      if ((advanced.email_confirmation && !row.confirmed) || row.blocked) return { error: 'Invalid credentials' };
      const user = { id: row.id, username: row.username, email: row.email, blocked: !!row.blocked, confirmed: !!row.confirmed, role: row.role_id == null ? null : { id: row.role_id } };
      ctx.state.user = user;
      if (token.sessionId) ctx.state.session = { id: token.sessionId };
      // SQLite gives 0/1, PostgreSQL true/false.
      return { authenticated: true, credentials: user, ability: { allowed: row.allowed === true || row.allowed === 1 } };
    },
    // Same answers as U&P's verify: no scope → any signed-in user; a scope the caller's role (or Public) lacks → 403.
    async verify(auth: any, config: any) {
      if (!config?.scope?.length) {
        if (!auth?.credentials) throw new errors.UnauthorizedError();
        return;
      }
      if (!auth?.ability) throw new errors.UnauthorizedError();
      if (!auth.ability.allowed) throw new errors.ForbiddenError();
    },
  };
}
