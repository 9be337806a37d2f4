import { randomBytes } from 'crypto';
import { strapi, http } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';

const tag = () => randomBytes(3).toString('hex');

export async function community(
  opts: { name?: string; code?: string; category?: 'urban' | 'rural'; parent?: string; level?: string } = {},
) {
  return (await strapi()
    .documents('api::branch.branch')
    .create({
      data: {
        name: opts.name ?? `社区${tag()}`,
        code: opts.code ?? `T-${tag()}`,
        level: opts.level ?? 'community_branch',
        category: opts.category ?? 'urban',
        ...(opts.parent ? { parent: opts.parent } : {}),
      } as any,
    })) as any;
}

/**
 * An admin whose role holds exactly the given star-scoring actions (or full action uids, e.g. `plugin::upload.read`),
 * working at `node` (a county, street or community branch); without a node the admin has no organisation.
 */
export async function staff(actions: string[], node?: { documentId: string }) {
  const roles: any = strapi().service('admin::role');
  const code = `ss-${tag()}`;
  const role = await roles.create({ name: code, code, description: 'test' });
  await roles.assignPermissions(
    role.id,
    actions.map((a) => ({
      action: a.includes('::') ? a : `plugin::star-scoring.${a}`,
      subject: null,
      conditions: [],
      properties: {},
    })),
  );
  const admin = await createAdmin(code);
  if (node)
    await strapi()
      .documents('api::staff-assignment.staff-assignment')
      .create({ data: { adminEmail: admin.email, branch: node.documentId } as any });
  return admin.token;
}

export const api = (token: string) => ({
  get: (p: string) => http().get(`/star-scoring${p}`).set(bearer(token)),
  post: (p: string, body: object = {}) => http().post(`/star-scoring${p}`).set(bearer(token)).send(body),
  put: (p: string, body: object = {}) => http().put(`/star-scoring${p}`).set(bearer(token)).send(body),
  del: (p: string) => http().delete(`/star-scoring${p}`).set(bearer(token)),
  /** Multipart: form fields plus one file part named `file`. */
  upload: (p: string, fields: Record<string, string>, file: { name: string; type: string; body: Buffer }) => {
    let r = http().post(`/star-scoring${p}`).set(bearer(token));
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', file.body, { filename: file.name, contentType: file.type });
  },
});

/** Scores for a whole sheet: every criterion at max minus `minus[code]`. */
export async function sheet(category: string, star: string) {
  return (await strapi().plugin('star-scoring').service('sheets').one(category, star)) as any;
}
export function scores(sh: any, minus: Record<string, number> = {}, evidence = '台账') {
  return sh.criteria.map((c: any) => ({ code: c.code, score: c.maxPoints - (minus[c.code] ?? 0), evidence }));
}

/** Drives an assessment through the whole flow to approved, as a super admin. */
export async function approved(
  token: string,
  branch: any,
  year: number,
  star: string,
  minus: Record<string, number> = {},
) {
  const a = api(token);
  const sh = await sheet(branch.category ?? 'urban', star);
  const created = await a.post('/assessments', { branch: branch.documentId, year, star });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = created.body.data.documentId;
  await a.put(`/assessments/${id}/items`, { items: scores(sh, minus) });
  await a.post(`/assessments/${id}/submit`);
  await a.post(`/assessments/${id}/review`, { items: scores(sh, minus) });
  await a.post(`/assessments/${id}/publicize`, { endsOn: `${year}-01-02` });
  const r = await a.post(`/assessments/${id}/approve`);
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return id as string;
}
