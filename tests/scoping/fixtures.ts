import { randomBytes } from 'crypto';
import { http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';

/**
 * A small county of its own for each test file: county → two streets; street S1 has communities
 * C1 and C2, street S2 has C3. Each community has a compound party group, two grids, a compound
 * per grid, a representative and a notice addressed to it; one notice goes to the whole county.
 */
export const BRANCH = 'api::branch.branch';
export const GRID = 'api::grid.grid';
export const COMPOUND = 'api::compound.compound';
export const REPRESENTATIVE = 'api::representative.representative';
export const NOTICE = 'api::notice.notice';
export const ASSIGNMENT = 'api::staff-assignment.staff-assignment';
export const GOVERNED = [BRANCH, GRID, COMPOUND, REPRESENTATIVE, NOTICE] as const;
export const CM = '/content-manager/collection-types';

const tag = () => randomBytes(3).toString('hex');
const docs = (uid: string) => strapi().documents(uid as any) as any;

export interface Node {
  documentId: string;
  id: number;
  code: string;
  name: string;
}
export interface Community extends Node {
  group: Node;
  grids: Node[];
  compounds: Node[];
  representative: Node;
  notice: Node;
}
export interface World {
  county: Node;
  s1: Node;
  s2: Node;
  c1: Community;
  c2: Community;
  c3: Community;
  countyNotice: Node;
}

async function branch(name: string, level: string, parent?: Node): Promise<Node> {
  const code = `T-${tag()}`;
  const d = await docs(BRANCH).create({
    data: { name, code, level, category: 'urban', ...(parent ? { parent: parent.documentId } : {}) },
  });
  return { documentId: d.documentId, id: d.id, code, name };
}

async function community(name: string, street: Node): Promise<Community> {
  const c = await branch(`${name}党支部`, 'community_branch', street);
  const group = await branch(`${name}第1小区党小组`, 'compound_group', c);
  const grids: Node[] = [];
  const compounds: Node[] = [];
  for (let i = 1; i <= 2; i++) {
    const code = `TG-${tag()}`;
    const g = await docs(GRID).create({
      data: { name: `${name}第${i}网格`, code, level: 'base', branch: c.documentId },
    });
    grids.push({ documentId: g.documentId, id: g.id, code, name: g.name });
    const kcode = `TK-${tag()}`;
    const k = await docs(COMPOUND).create({
      data: { name: `${name}${i}号小区`, code: kcode, grid: g.documentId, partyGroup: group.documentId },
    });
    compounds.push({ documentId: k.documentId, id: k.id, code: kcode, name: k.name });
  }
  const r = await docs(REPRESENTATIVE).create({
    data: { name: `${name}代表`, kind: 'party_congress', level: 'county', grid: grids[0].documentId },
  });
  const n = await docs(NOTICE).create({
    data: { title: `${name}通知`, category: 'notice', audienceBranches: [c.documentId] },
  });
  return {
    ...c,
    group,
    grids,
    compounds,
    representative: { documentId: r.documentId, id: r.id, code: '', name: r.name },
    notice: { documentId: n.documentId, id: n.id, code: '', name: n.title },
  };
}

export async function buildWorld(): Promise<World> {
  const county = await branch('测试县委组织部', 'county_committee');
  const s1 = await branch('一号街道党工委', 'street_committee', county);
  const s2 = await branch('二号街道党工委', 'street_committee', county);
  const c1 = await community('甲社区', s1);
  const c2 = await community('乙社区', s1);
  const c3 = await community('丙社区', s2);
  const n = await docs(NOTICE).create({
    data: { title: '全县通知', category: 'notice', audienceBranches: [c1.documentId, c3.documentId] },
  });
  return { county, s1, s2, c1, c2, c3, countyNotice: { documentId: n.documentId, id: n.id, code: '', name: n.title } };
}

/** An administrator of the role, assigned to the node (or to none); logged in over HTTP. */
export async function staffAt(role: string, node?: Node) {
  const admin = await createAdmin(role);
  if (node) await docs(ASSIGNMENT).create({ data: { adminEmail: admin.email, branch: node.documentId } });
  return admin;
}

/** The three staff accounts every scoping test signs in as: 甲社区 (C1), its street (S1), the county. */
export async function worldStaff(w: World): Promise<{ c1: string; street: string; county: string }> {
  return {
    c1: (await staffAt('community-staff', w.c1)).token,
    street: (await staffAt('street-staff', w.s1)).token,
    county: (await staffAt('county-reviewer', w.county)).token,
  };
}

/** Document ids of a type whose scope column equals the node, straight from the database. */
export async function inScope(
  uid: string,
  column: 'scopeCounty' | 'scopeStreet' | 'scopeCommunity',
  node: Node,
): Promise<Set<string>> {
  const rows: Array<{ documentId: string }> = await strapi()
    .db.query(uid as any)
    .findMany({ where: { [column]: node.documentId }, select: ['documentId'] });
  return new Set(rows.map((r) => r.documentId));
}

export const row = (uid: string, where: Record<string, unknown>, populate?: Record<string, unknown>) =>
  strapi()
    .db.query(uid as any)
    .findOne({ where, populate }) as Promise<Record<string, any> | null>;

/** Bulk delete of one own and one foreign document: Strapi refuses the whole request (403), both stay. */
export async function expectMixedBulkDeleteRefused(uid: string, token: string, mine: string, theirs: string) {
  const res = await http()
    .post(`${CM}/${uid}/actions/bulkDelete`)
    .set(bearer(token))
    .send({ documentIds: [mine, theirs] });
  expect(res.status).toBe(403);
  expect(await row(uid, { documentId: mine })).toBeTruthy();
  expect(await row(uid, { documentId: theirs })).toBeTruthy();
}

/** An administrator of a staff role nobody assigned to an organisation: every scoped route says so (403). */
export async function expectUnassignedRefused(paths: string[]) {
  const { token } = await staffAt('community-staff');
  for (const path of paths) {
    const res = await http().get(path).set(bearer(token));
    expect({ path, status: res.status }).toEqual({ path, status: 403 });
    expect(res.body.error.message).toMatch(/^organisation: no organisation assigned to you/);
  }
}
