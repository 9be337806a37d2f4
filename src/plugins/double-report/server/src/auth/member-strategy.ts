import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createSecretKey, type KeyObject } from 'crypto';
import jwt, { type Algorithm, type JwtPayload } from 'jsonwebtoken';
import { joinOf, knexOf, readJson, tableOf, type Ctx } from '@grassroots/kit/server';
import { memberOfAccountSql, memberRef } from '../accounts';

const USER = 'plugin::users-permissions.user';
const PERMISSION = 'plugin::users-permissions.permission';
const ROLE = 'plugin::users-permissions.role';
const STORE = 'strapi::core-store';
const ADVANCED_KEY = 'plugin_users-permissions_advanced';

/** What U&P's jwt service verifies: the user id, and in refresh mode the session. */
type Token = JwtPayload & { id?: number; sessionId?: string };

/** Strapi's authentication result for a content-API strategy. */
type AuthResult =
  | { authenticated: false }
  | { error: string }
  | { authenticated: true; credentials: unknown; ability: { allowed: boolean } };

interface AuthRow {
  id: number;
  username: string;
  email: string;
  blocked: unknown;
  confirmed: unknown;
  role_id: number | null;
  allowed: unknown;
  advanced: unknown;
  member_id: unknown;
  member_document_id: unknown;
}

/** SQLite gives 0/1, PostgreSQL true/false. */
const truthy = (v: unknown) => v === true || v === 1 || v === '1';

/**
 * Authentication for the phone's hot routes (check-in, check-out). It accepts exactly what the
 * users-permissions strategy accepts — the same JWT, verified by U&P's own jwt service (legacy or
 * refresh mode), an existing, unblocked user (confirmed when email confirmation is on) whose role holds
 * the route's action — but reads user, role grant, the confirmation setting AND the member behind the
 * account (accounts.ts, the one place that answers it) in ONE statement instead of U&P's five queries
 * and a CASL ability per request (see README "Bench": the statement count is what limits check-in
 * throughput on a small machine). The member lands in ctx.state.member (null: none linked).
 */
export function memberStrategy(strapi: Core.Strapi) {
  let sql: string | null = null;
  const statement = () => {
    if (sql) return sql;
    const roleLink = joinOf(strapi, USER, 'role');
    const permLink = joinOf(strapi, PERMISSION, 'role');
    sql = `SELECT u.id, u.username, u.email, u.blocked, u.confirmed, r.${roleLink.other} AS role_id,
          EXISTS (SELECT 1 FROM ${permLink.table} pl JOIN ${tableOf(strapi, PERMISSION)} p ON p.id = pl.${permLink.own}
                  WHERE pl.${permLink.other} = r.${roleLink.other} AND p.action = ?) AS allowed,
          (SELECT s.value FROM ${tableOf(strapi, STORE)} s WHERE s.key = ? AND s.environment IS NULL AND s.tag IS NULL LIMIT 1) AS advanced,
          m.id AS member_id, m.document_id AS member_document_id
        FROM ${tableOf(strapi, USER)} u LEFT JOIN ${roleLink.table} r ON r.${roleLink.own} = u.id
        LEFT JOIN (${memberOfAccountSql(strapi, '?')}) m ON 1 = 1
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
  const readToken = async (ctx: Ctx): Promise<Token | null> => {
    const mode: string = strapi.config.get('plugin::users-permissions.jwtManagement', 'legacy-support');
    if (mode === 'refresh')
      return (await strapi.plugin('users-permissions').service('jwt').getToken(ctx)) as Token | null;
    const header = ctx.request.header.authorization;
    if (!header) return null;
    const parts = String(header).split(/\s+/);
    if (parts[0].toLowerCase() !== 'bearer' || parts.length !== 2) return null;
    const algorithm =
      (strapi.config.get('plugin::users-permissions.jwt', {}) as { algorithm?: Algorithm }).algorithm || 'HS256';
    return jwt.verify(parts[1], secretKey(), { algorithms: [algorithm] }) as Token;
  };

  /** No token: what U&P does for anonymous callers — the Public role's grant decides (403 when it lacks the action). */
  const anonymous = async (action: string | undefined): Promise<AuthResult> => {
    const permLink = joinOf(strapi, PERMISSION, 'role');
    const grants: Array<{ action: string }> = await knexOf(strapi)(`${permLink.table} as pl`)
      .join(`${tableOf(strapi, PERMISSION)} as p`, 'p.id', `pl.${permLink.own}`)
      .join(`${tableOf(strapi, ROLE)} as r`, 'r.id', `pl.${permLink.other}`)
      .where('r.type', 'public')
      .select('p.action');
    if (grants.length === 0) return { authenticated: false };
    return { authenticated: true, credentials: null, ability: { allowed: grants.some((g) => g.action === action) } };
  };

  return {
    name: 'double-report-member',
    async authenticate(ctx: Ctx): Promise<AuthResult> {
      let token: Token | null;
      try {
        token = await readToken(ctx);
      } catch {
        return { authenticated: false };
      }
      const route = ctx.state.route as { config?: { auth?: { scope?: string[] } } } | undefined;
      const action = route?.config?.auth?.scope?.[0];
      if (!token) return anonymous(action);
      if (token.id === undefined) return { authenticated: false };
      const res: unknown = await knexOf(strapi).raw(statement(), [action ?? '', ADVANCED_KEY, token.id, token.id]);
      const row = (Array.isArray(res) ? res : (res as { rows: AuthRow[] }).rows)[0] as AuthRow | undefined;
      if (!row) return { error: 'Invalid credentials' };
      const advanced = readJson<{ email_confirmation?: boolean } | null>(row.advanced) ?? {};
      if ((advanced.email_confirmation && !truthy(row.confirmed)) || truthy(row.blocked))
        return { error: 'Invalid credentials' };
      const user = {
        id: row.id,
        username: row.username,
        email: row.email,
        blocked: truthy(row.blocked),
        confirmed: truthy(row.confirmed),
        role: row.role_id == null ? null : { id: row.role_id },
      };
      ctx.state.user = user;
      ctx.state.member = memberRef(row.member_id, row.member_document_id);
      if (token.sessionId) ctx.state.session = { id: token.sessionId };
      return { authenticated: true, credentials: user, ability: { allowed: truthy(row.allowed) } };
    },
    // Same answers as U&P's verify: no scope → any signed-in user; a scope the caller's role (or Public) lacks → 403.
    async verify(
      auth: { credentials?: unknown; ability?: { allowed: boolean } } | undefined,
      config: { scope?: string[] } | undefined,
    ) {
      if (!config?.scope?.length) {
        if (!auth?.credentials) throw new errors.UnauthorizedError();
        return;
      }
      if (!auth?.ability) throw new errors.UnauthorizedError();
      if (!auth.ability.allowed) throw new errors.ForbiddenError();
    },
  };
}
