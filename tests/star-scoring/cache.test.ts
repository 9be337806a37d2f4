import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { busDelay, withOtherInstance } from '../helpers/instance';
import { bearer, createAdmin, createApiToken } from '../helpers/auth';
import { api, approved, community, scores, sheet, staff } from './fixtures';

const YEAR = 2025;
const PDF = {
  name: '缓存台账.pdf',
  type: 'application/pdf',
  body: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
};

let root: string;
let street: any;
let x: any;
let y: any;

const pub = {
  rankings: () => `/api/star-scoring/rankings?year=${YEAR}`,
  street: () => `/api/star-scoring/rankings?year=${YEAR}&parent=${street.documentId}`,
  scorecard: (b: any = x) => `/api/star-scoring/branches/${b.documentId}/scorecard?year=${YEAR}`,
};
const adm = {
  rankings: () => `/star-scoring/rankings?year=${YEAR}&parent=${street.documentId}`,
  dashboard: () => `/star-scoring/dashboard?year=${YEAR}`,
  scorecard: (b: any = x) => `/star-scoring/branches/${b.documentId}/scorecard?year=${YEAR}`,
  streets: () => `/star-scoring/streets?year=${YEAR}`,
};

/** GET as an anonymous caller (public) or as the super admin (staff), optionally conditional. */
const anon = (url: string, etag?: string) => (etag ? http().get(url).set('If-None-Match', etag) : http().get(url));
const asRoot = (url: string, etag?: string) => {
  const r = http().get(url).set(bearer(root));
  return etag ? r.set('If-None-Match', etag) : r;
};

/** The ETag now, then the change, then the very next request with the old ETag: 200 and the new data. */
async function afterChange(get: (url: string, etag?: string) => any, url: string, change: () => Promise<unknown>) {
  const before = await get(url);
  expect(before.status).toBe(200);
  expect((await get(url, before.headers.etag)).status).toBe(304);
  await change();
  const after = await get(url, before.headers.etag);
  expect(after.status).toBe(200);
  expect(after.headers.etag).not.toBe(before.headers.etag);
  return { before: before.body, after: after.body };
}

const rowOf = (body: any, code: string) => body.data.find((r: any) => r.branch.code === code);

beforeAll(async () => {
  await setupStrapi();
  root = (await createAdmin('strapi-super-admin')).token;
  street = await strapi()
    .documents('api::branch.branch')
    .create({ data: { name: '缓存街道', code: 'C-ST', level: 'street_committee' } as any });
  x = await community({ code: 'C-X', name: '缓存甲社区', parent: street.documentId });
  y = await community({ code: 'C-Y', name: '缓存乙社区', parent: street.documentId });
  await approved(root, x, YEAR, 'party_strength', { PS1: 5 });
});
afterAll(teardownStrapi);

describe('validators and 304 on every cached route', () => {
  it.each(['rankings', 'street', 'scorecard'] as const)(
    'public %s: ETag, Last-Modified, public Cache-Control, 304',
    async (name) => {
      const url = pub[name]();
      const first = await anon(url);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^W\/".+"$/);
      expect(first.headers['last-modified']).toBeTruthy();
      expect(first.headers['cache-control']).toMatch(/public/);
      expect((await anon(url, first.headers.etag)).status).toBe(304);
      expect((await http().get(url).set('If-Modified-Since', first.headers['last-modified'])).status).toBe(304);
      // A second plain request is served from the cache: same body, same validators.
      const again = await anon(url);
      expect(again.status).toBe(200);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body).toEqual(first.body);
      expect((await anon(url, 'W/"other"')).status).toBe(200);
    },
  );

  it.each(['rankings', 'dashboard', 'scorecard', 'streets'] as const)(
    'staff %s: private validators and 304, only after the policy admitted the caller',
    async (name) => {
      const url = adm[name]();
      const first = await asRoot(url);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^W\/".+"$/);
      expect(first.headers['cache-control']).toMatch(/private/);
      expect((await asRoot(url, first.headers.etag)).status).toBe(304);
      const again = await asRoot(url);
      expect(again.body).toEqual(first.body);
      // No session, or a session without the read action: refused before the cache is consulted.
      expect((await http().get(url).set('If-None-Match', first.headers.etag)).status).toBe(401);
      const outsider = await staff(['assess']);
      expect((await http().get(url).set(bearer(outsider)).set('If-None-Match', first.headers.etag)).status).toBe(403);
    },
  );

  it('a CSV export is never answered from the JSON copy', async () => {
    await asRoot(adm.rankings());
    const csv = await asRoot(`${adm.rankings()}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
  });
});

describe('the very next request after a change sees it', () => {
  let draftId: string;

  it('submit (a staff read of progress)', async () => {
    const sh = await sheet('urban', 'co_governance');
    const created = await api(root).post('/assessments', { branch: x.documentId, year: YEAR, star: 'co_governance' });
    draftId = created.body.data.documentId;
    await api(root).put(`/assessments/${draftId}/items`, { items: scores(sh, { CG1: 5 }) });
    const { before, after } = await afterChange(asRoot, adm.dashboard(), () =>
      api(root).post(`/assessments/${draftId}/submit`),
    );
    const count = (body: any, status: string) =>
      body.data.byStarAndStatus.find((r: any) => r.star === 'co_governance' && r.status === status)?.count ?? 0;
    expect(count(after, 'self_assessed')).toBe(count(before, 'self_assessed') + 1);
  });

  it('review (the staff scorecard)', async () => {
    const sh = await sheet('urban', 'co_governance');
    const { after } = await afterChange(asRoot, adm.scorecard(), () =>
      api(root).post(`/assessments/${draftId}/review`, { items: scores(sh, { CG1: 5 }) }),
    );
    const star = after.data.stars.find((s: any) => s.key === 'co_governance');
    expect(star.assessment.status).toBe('reviewed');
    expect(star.assessment.reviewedScore).toBe(95);
  });

  it('publicize (the public scorecard shows the star)', async () => {
    const { before, after } = await afterChange(anon, pub.scorecard(), () =>
      api(root).post(`/assessments/${draftId}/publicize`, { endsOn: `${YEAR}-01-02` }),
    );
    expect(before.data.stars.find((s: any) => s.key === 'co_governance').assessment).toBeNull();
    expect(after.data.stars.find((s: any) => s.key === 'co_governance').assessment.status).toBe('publicized');
  });

  it('approve (public rankings, street rankings, public scorecard)', async () => {
    const level = (body: any) => rowOf(body, 'C-X').level;
    const before = { r: await anon(pub.rankings()), s: await anon(pub.street()), c: await anon(pub.scorecard()) };
    expect(level(before.r.body)).toBe(1);
    expect((await api(root).post(`/assessments/${draftId}/approve`)).status).toBe(200);
    const r = await anon(pub.rankings(), before.r.headers.etag);
    const s = await anon(pub.street(), before.s.headers.etag);
    const c = await anon(pub.scorecard(), before.c.headers.etag);
    expect([r.status, s.status, c.status]).toEqual([200, 200, 200]);
    expect(level(r.body)).toBe(2);
    expect(rowOf(s.body, 'C-X')).toMatchObject({ rank: 1, level: 2, totalPoints: 190 });
    expect(c.body.data.level).toBe(2);
  });

  it('revoke (public rankings)', async () => {
    const { after } = await afterChange(anon, pub.street(), () =>
      api(root).post(`/assessments/${draftId}/revoke`, { reason: '发生违纪问题，摘星' }),
    );
    expect(rowOf(after, 'C-X')).toMatchObject({ level: 1, totalPoints: 95 });
  });

  it('reject and reopen (staff rankings of the street stay consistent with the scorecard)', async () => {
    const sh = await sheet('urban', 'safety_rule_of_law');
    const cr = await api(root).post('/assessments', { branch: y.documentId, year: YEAR, star: 'safety_rule_of_law' });
    const id = cr.body.data.documentId;
    await api(root).put(`/assessments/${id}/items`, { items: scores(sh) });
    await api(root).post(`/assessments/${id}/submit`);
    const { after } = await afterChange(asRoot, adm.scorecard(y), () =>
      api(root).post(`/assessments/${id}/reject`, { reason: '佐证材料不全' }),
    );
    expect(after.data.stars.find((s: any) => s.key === 'safety_rule_of_law').assessment.status).toBe('rejected');
    const reopened = await afterChange(asRoot, adm.scorecard(y), () => api(root).post(`/assessments/${id}/reopen`));
    expect(reopened.after.data.stars.find((s: any) => s.key === 'safety_rule_of_law').assessment.status).toBe('draft');
  });

  it('evidence attached and removed (the staff scorecard)', async () => {
    const cr = await api(root).post('/assessments', { branch: y.documentId, year: YEAR, star: 'harmony_happiness' });
    const id = cr.body.data.documentId;
    let fileId = '';
    const added = await afterChange(asRoot, adm.scorecard(y), async () => {
      const up = await api(root).upload(`/assessments/${id}/evidence`, { criterion: 'HH1' }, PDF);
      expect(up.status).toBe(201);
      fileId = up.body.data.id;
    });
    const hh1 = (body: any) =>
      body.data.stars.find((s: any) => s.key === 'harmony_happiness').criteria.find((c: any) => c.code === 'HH1');
    expect(hh1(added.after).files.map((f: any) => f.name)).toEqual([PDF.name]);
    const removed = await afterChange(asRoot, adm.scorecard(y), () =>
      api(root).del(`/assessments/${id}/evidence/${fileId}`),
    );
    expect(hh1(removed.after).files).toEqual([]);
  });

  it('a rectification created and closed (public and staff scorecards)', async () => {
    const row: any = await strapi()
      .db.query('plugin::star-scoring.assessment')
      .findOne({ where: { branchRef: x.id, starKey: 'party_strength' } });
    let task = '';
    const created = await afterChange(anon, pub.scorecard(), async () => {
      const r = await api(root).post('/rectifications', {
        assessment: row.documentId,
        criterion: 'PS1',
        owner: '王书记',
        dueDate: '2026-06-30',
      });
      expect(r.status).toBe(201);
      task = r.body.data.documentId;
    });
    expect(created.before.data.rectifications).toEqual([]);
    expect(created.after.data.rectifications).toEqual([expect.objectContaining({ criterion: 'PS1', status: 'open' })]);
    const closed = await afterChange(asRoot, adm.scorecard(), () => api(root).post(`/rectifications/${task}/done`));
    expect(closed.after.data.rectifications).toEqual([expect.objectContaining({ criterion: 'PS1', status: 'done' })]);
    // The public scorecard lists open tasks only.
    expect((await anon(pub.scorecard())).body.data.rectifications).toEqual([]);
  });

  it('a branch renamed (public rankings and scorecard, staff streets)', async () => {
    const r = await afterChange(anon, pub.street(), () =>
      strapi()
        .documents('api::branch.branch')
        .update({ documentId: x.documentId, data: { name: '缓存甲社区（更名）' } } as any),
    );
    expect(rowOf(r.after, 'C-X').branch.name).toBe('缓存甲社区（更名）');
    const c = await afterChange(anon, pub.scorecard(), () =>
      strapi()
        .documents('api::branch.branch')
        .update({ documentId: x.documentId, data: { name: '缓存甲社区' } } as any),
    );
    expect(c.after.data.branch.name).toBe('缓存甲社区');
    const s = await afterChange(asRoot, adm.streets(), () =>
      strapi()
        .documents('api::branch.branch')
        .update({ documentId: street.documentId, data: { name: '缓存街道（更名）' } } as any),
    );
    expect(s.after.data.find((r: any) => r.code === 'C-ST').name).toBe('缓存街道（更名）');
  });

  it('a star definition edited in the Content Manager (public scorecard)', async () => {
    const star: any = await strapi()
      .db.query('plugin::star-scoring.star')
      .findOne({ where: { category: 'urban', key: 'party_strength' } });
    const { after } = await afterChange(anon, pub.scorecard(), () =>
      strapi()
        .documents('plugin::star-scoring.star' as any)
        .update({ documentId: star.documentId, data: { name: '支部过硬星（新）' } } as any),
    );
    expect(after.data.stars.find((s: any) => s.key === 'party_strength').name).toBe('支部过硬星（新）');
  });

  it('a refused write changes no ETag', async () => {
    const before = await anon(pub.rankings());
    expect((await api(root).post(`/assessments/${draftId}/approve`)).status).toBe(409);
    expect((await anon(pub.rankings(), before.headers.etag)).status).toBe(304);
  });
});

describe('an authenticated caller is never served the public copy', () => {
  it.each(['rankings', 'scorecard'] as const)(
    'public %s with a token: built afresh, no shared validators',
    async (name) => {
      const url = pub[name]();
      const cachedCopy = await anon(url);
      expect(cachedCopy.headers.etag).toBeTruthy();
      const token = await createApiToken('read-only');
      for (const auth of [bearer(token), bearer(root)]) {
        const seen = await http().get(url).set(auth).set('If-None-Match', cachedCopy.headers.etag);
        expect(seen.status).toBe(200);
        expect(seen.headers.etag).toBeUndefined();
        expect(seen.headers['cache-control'] ?? '').not.toMatch(/public/);
      }
    },
  );
});

describe('two app instances on one database', () => {
  for (const redis of [false, true]) {
    it(`instance B sees an approval and a rename made through instance A at once (${redis ? 'Redis broadcast' : 'database validators'})`, async () => {
      await withOtherInstance(redis, async (url) => {
        const b = (p: string, headers: Record<string, string> = {}) => fetch(url + p, { headers });
        const z = await community({ code: `C-Z${redis ? 'R' : 'D'}`, name: '跨实例社区', parent: street.documentId });
        const first = await b(pub.street());
        expect(first.status).toBe(200);
        const etag = first.headers.get('etag')!;
        expect((await b(pub.street(), { 'If-None-Match': etag })).status).toBe(304);
        const card = await b(pub.scorecard(z));
        const cardEtag = card.headers.get('etag')!;

        await approved(root, z, YEAR, 'party_strength');
        await busDelay(redis);
        const after = await b(pub.street(), { 'If-None-Match': etag });
        expect(after.status).toBe(200);
        expect(rowOf(await after.json(), z.code).level).toBe(1);
        const cardAfter = await b(pub.scorecard(z), { 'If-None-Match': cardEtag });
        expect(cardAfter.status).toBe(200);
        expect(((await cardAfter.json()) as any).data.level).toBe(1);

        const renamedEtag = (await b(pub.street())).headers.get('etag')!;
        await strapi()
          .documents('api::branch.branch')
          .update({ documentId: z.documentId, data: { name: '跨实例社区（更名）' } } as any);
        if (redis) await new Promise((r) => setTimeout(r, 200));
        const renamed = await b(pub.street(), { 'If-None-Match': renamedEtag });
        expect(renamed.status).toBe(200);
        expect(rowOf(await renamed.json(), z.code).branch.name).toBe('跨实例社区（更名）');
        // Both instances compute the same validators from the database.
        expect(renamed.headers.get('etag')).toBe(
          (await http().get(pub.street()).set('Host', new URL(url).host)).headers.etag,
        );
      });
    });
  }
});
