import { randomBytes } from 'crypto';
import { http, strapi } from '../helpers/strapi';
import { bearer, createUser } from '../helpers/auth';
import type { Node } from '../scoping/fixtures';

const tag = () => randomBytes(3).toString('hex');
const docs = (uid: string) => strapi().documents(uid as any) as any;

export const A = '/grid-cases';
export const P = '/api/grid-cases';

/** A case category of the catalogue (事项目录). */
export async function category(timeLimitDays: number, over: Record<string, unknown> = {}) {
  return docs('plugin::grid-cases.case-category').create({
    data: { name: `类别${tag()}`, timeLimitDays, active: true, ...over },
  });
}

/** A grid-worker account linked to `grid` through a grid account (网格通账号). */
export async function gridWorker(grid: Node | null) {
  const account = await createUser('grid-worker');
  const ga = await docs('plugin::grid-cases.grid-account').create({
    data: { name: `网格员${tag()}`, kind: 'grid_worker', ...(grid ? { grid: grid.documentId } : {}) },
  });
  await strapi()
    .db.query('plugin::grid-cases.grid-account' as any)
    .update({ where: { id: ga.id }, data: { account: account.user.id } });
  return { jwt: account.jwt, userId: account.user.id as number };
}

/** A double-report unit registered with `community`, and its party-unit account. */
export async function ownerUnit(community: Node) {
  const account = await createUser('party-unit');
  const u = await docs('plugin::double-report.unit').create({
    data: { name: `承办单位${tag()}`, community: community.documentId },
  });
  await strapi()
    .db.query('plugin::double-report.unit' as any)
    .update({ where: { id: u.id }, data: { account: account.user.id } });
  return { documentId: u.documentId as string, name: u.name as string, jwt: account.jwt };
}

let keys = 0;
/** POST /cases as a grid account, with a fresh Idempotency-Key unless one is given. */
export const report = (jwt: string, body: Record<string, unknown>, key = `k-${tag()}-${keys++}`) =>
  http().post(`${P}/cases`).set(bearer(jwt)).set('Idempotency-Key', key).send(body);

/** A staff move: POST /grid-cases/cases/:id/<action>. */
export const staffMove = (token: string, id: string, action: string, body: Record<string, unknown> = {}) =>
  http().post(`${A}/cases/${id}/${action}`).set(bearer(token)).send(body);

/** An owner's move: POST /api/grid-cases/cases/:id/<action>. */
export const ownerMove = (jwt: string, id: string, action: string, body: Record<string, unknown> = {}) =>
  http().post(`${P}/cases/${id}/${action}`).set(bearer(jwt)).send(body);

export const countCases = () =>
  strapi()
    .db.query('plugin::grid-cases.case' as any)
    .count({});
export const countEvents = () =>
  strapi()
    .db.query('plugin::grid-cases.case-event' as any)
    .count({});

/**
 * An owner account (承办方账号) of `kind` serving `organisation` (the county for a department, a
 * community for a property company), and its case-owner login. Created through the Document Service
 * so the organisation scope is computed as in the Content Manager.
 */
export async function ownerAccount(kind: 'department' | 'property', organisation: Node) {
  const login = await createUser('case-owner');
  const a = await docs('plugin::grid-cases.owner-account').create({
    data: {
      name: `${kind === 'department' ? '县直部门' : '物业公司'}${tag()}`,
      kind,
      organisation: organisation.documentId,
      contact: '13700001111',
    },
  });
  await strapi()
    .db.query('plugin::grid-cases.owner-account' as any)
    .update({ where: { id: a.id }, data: { account: login.user.id } });
  return {
    documentId: a.documentId as string,
    name: a.name as string,
    jwt: login.jwt,
    userId: login.user.id as number,
  };
}
