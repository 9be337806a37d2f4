import { accountIdOf, forbidden, type Ctx } from '@grassroots/kit/server';
import { memberOfAccount } from '../accounts';
import { NOT_LINKED, type MemberRef } from '../domain/check-in-rules';
import { getService } from '../get-service';

/** The signed-in user's id; an API token (authenticated, but no account) is refused with 403. */
export const userIdOf = accountIdOf;

/**
 * The member behind the caller, or null: the member strategy already read it in its authentication
 * statement (ctx.state.member) on the phone's routes; elsewhere it is asked now. accounts.ts answers
 * both ways.
 */
export async function memberOrNull(ctx: Ctx): Promise<MemberRef | null> {
  const read = ctx.state.member as MemberRef | null | undefined;
  return read === undefined ? memberOfAccount(strapi, userIdOf(ctx)) : read;
}

/** The member behind the caller; none linked → 403. */
export async function memberOf(ctx: Ctx): Promise<MemberRef> {
  const m = await memberOrNull(ctx);
  if (!m) throw forbidden(NOT_LINKED, 'account');
  return m;
}

/** The reporting unit behind the caller; none linked → 403. */
export const unitOf = (ctx: Ctx) => getService(strapi, 'actors').unitOf(userIdOf(ctx));
