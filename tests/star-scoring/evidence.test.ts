import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { api, community, scores, sheet, staff } from './fixtures';

/** Evidence files (证明材料): attach/remove rules, who may, and what staff and the public see. */
const YEAR = 2025;
const PDF = {
  name: '台账.pdf',
  type: 'application/pdf',
  body: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
};
/** A real 1×1 PNG: uploads are judged by their bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
let root: string;
let assessor: string;
let reader: string;
let branch: any;

const evidenceRows = () => strapi().db.query('plugin::star-scoring.evidence').count();
const fileRows = () => strapi().db.query('plugin::upload.file').count();

async function draft(star: string, evidenceText = '台账') {
  const created = await api(root).post('/assessments', { branch: branch.documentId, year: YEAR, star });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = created.body.data.documentId as string;
  const sh = await sheet('urban', star);
  await api(root).put(`/assessments/${id}/items`, { items: scores(sh, {}, evidenceText) });
  return { id, sh };
}

/** A file put into the media library the ordinary way (admin upload route), as an editor would. */
async function libraryFile(name: string) {
  const res = await http()
    .post('/upload')
    .set(bearer(root))
    .attach('files', PNG, { filename: name, contentType: 'image/png' });
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload ${res.status} ${JSON.stringify(res.body)}`);
  return res.body[0];
}

beforeAll(async () => {
  await setupStrapi();
  root = (await createAdmin('strapi-super-admin')).token;
  const street: any = await strapi()
    .documents('api::branch.branch')
    .create({ data: { name: '材料街道', code: 'EV-ST', level: 'street_committee' } as any });
  branch = await community({ code: 'EV-C1', name: '材料社区', parent: street.documentId });
  assessor = await staff(['read', 'assess', 'plugin::upload.read'], branch);
  reader = await staff(['read', 'review', 'approve'], street);
});
afterAll(teardownStrapi);

describe('attach and list', () => {
  let id: string;
  let uploaded: any;
  let fromLibrary: any;

  it('attaches an uploaded file (multipart) and a media-library file to a draft item', async () => {
    ({ id } = await draft('party_strength'));
    const before = await fileRows();
    const up = await api(assessor).upload(
      `/assessments/${id}/evidence`,
      { criterion: 'PS1', note: '会议记录扫描件' },
      PDF,
    );
    expect(up.status).toBe(201);
    uploaded = up.body.data;
    expect(uploaded).toMatchObject({
      criterion: 'PS1',
      name: '台账.pdf',
      mime: 'application/pdf',
      internal: false,
      note: '会议记录扫描件',
    });
    expect(uploaded.url).toMatch(/^\/uploads\/.+\.pdf$/);
    expect(await fileRows()).toBe(before + 1);

    const lib = await libraryFile('现场照片.png');
    const byId = await api(assessor).post(`/assessments/${id}/evidence`, {
      criterion: 'PS1',
      file: lib.id,
      internal: true,
    });
    expect(byId.status).toBe(201);
    fromLibrary = byId.body.data;
    expect(fromLibrary).toMatchObject({ name: '现场照片.png', mime: 'image/png', internal: true, url: lib.url });
  });

  it('lists files per item on the staff scorecard, internal ones flagged', async () => {
    const res = await api(reader).get(`/branches/${branch.documentId}/scorecard?year=${YEAR}`);
    expect(res.status).toBe(200);
    const ps = res.body.data.stars.find((s: any) => s.key === 'party_strength');
    const ps1 = ps.criteria.find((c: any) => c.code === 'PS1');
    expect(ps1.files.map((f: any) => [f.id, f.name, f.mime, f.internal])).toEqual([
      [uploaded.id, '台账.pdf', 'application/pdf', false],
      [fromLibrary.id, '现场照片.png', 'image/png', true],
    ]);
    expect(Object.keys(ps1.files[0]).sort()).toEqual(['id', 'internal', 'mime', 'name', 'note', 'url']);
    expect(ps.criteria.find((c: any) => c.code === 'PS2').files).toEqual([]);
  });

  it('public scorecard: nothing while under review; after publicity only non-internal files', async () => {
    const sh = await sheet('urban', 'party_strength');
    expect((await api(root).post(`/assessments/${id}/submit`)).status).toBe(200);
    expect((await api(root).post(`/assessments/${id}/review`, { items: scores(sh) })).status).toBe(200);
    const underReview = await http().get(`/api/star-scoring/branches/${branch.documentId}/scorecard?year=${YEAR}`);
    expect(underReview.status).toBe(200);
    expect(JSON.stringify(underReview.body)).not.toContain('/uploads/');
    const ps = underReview.body.data.stars.find((s: any) => s.key === 'party_strength');
    expect(ps.assessment).toBeNull();
    expect(ps.criteria.every((c: any) => c.files.length === 0)).toBe(true);

    expect((await api(root).post(`/assessments/${id}/publicize`, { endsOn: '2999-01-01' })).status).toBe(200);
    const pub = await http().get(`/api/star-scoring/branches/${branch.documentId}/scorecard?year=${YEAR}`);
    const ps1 = pub.body.data.stars
      .find((s: any) => s.key === 'party_strength')
      .criteria.find((c: any) => c.code === 'PS1');
    expect(ps1.files.map((f: any) => f.name)).toEqual(['台账.pdf']);
    expect(JSON.stringify(pub.body)).not.toContain('现场照片');
  });

  it('after review files are frozen: attach and remove → 409, nothing written', async () => {
    const lib = await libraryFile('迟交.png');
    const before = await evidenceRows();
    const add = await api(assessor).post(`/assessments/${id}/evidence`, { criterion: 'PS2', file: lib.id });
    expect(add.status).toBe(409);
    expect(add.body.error.message).toMatch(
      /^status: evidence can change only while the assessment is draft or self_assessed \(now publicized\)/,
    );
    const del = await api(assessor).del(`/assessments/${id}/evidence/${uploaded.id}`);
    expect(del.status).toBe(409);
    expect(await evidenceRows()).toBe(before);
  });
});

describe('refusals', () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await draft('co_governance'));
  });

  it('unknown criterion, missing or unknown file, refused file type → 400 naming the field, nothing written', async () => {
    const lib = await libraryFile('照片.png');
    const rows = await evidenceRows();
    const files = await fileRows();
    const unknown = await api(assessor).post(`/assessments/${id}/evidence`, { criterion: 'PS1', file: lib.id });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'criterion: unknown criterion PS1 for star co_governance (评分细则 PS1 不属于该星)',
    );
    const unknownUpload = await api(assessor).upload(`/assessments/${id}/evidence`, { criterion: 'ZZ9' }, PDF);
    expect(unknownUpload.status).toBe(400);
    expect(unknownUpload.body.error.message).toMatch(/^criterion: unknown criterion ZZ9/);
    const noFile = await api(assessor).post(`/assessments/${id}/evidence`, { criterion: 'CG1' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.message).toMatch(/^file: required/);
    const missing = await api(assessor).post(`/assessments/${id}/evidence`, { criterion: 'CG1', file: 999999 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('file: no file 999999 in the media library (媒体库中没有该文件)');
    const html = await api(assessor).upload(
      `/assessments/${id}/evidence`,
      { criterion: 'CG1' },
      { name: 'x.html', type: 'text/html', body: Buffer.from('<script>alert(1)</script>') },
    );
    expect(html.status).toBe(400);
    expect(html.body.error.message).toMatch(/^file: content is not a recognised file type; accepted:/);
    const badNote = await api(assessor).post(`/assessments/${id}/evidence`, {
      criterion: 'CG1',
      file: lib.id,
      note: 'x'.repeat(201),
    });
    expect(badNote.status).toBe(400);
    expect(badNote.body.error.message).toMatch(/^note:/);
    expect(await evidenceRows()).toBe(rows);
    expect(await fileRows()).toBe(files);
  });

  it('RBAC: an admin without `assess` gets 403 on attach and remove, nothing written', async () => {
    const lib = await libraryFile('无权.png');
    const ok = await api(assessor).post(`/assessments/${id}/evidence`, { criterion: 'CG1', file: lib.id });
    expect(ok.status).toBe(201);
    const rows = await evidenceRows();
    const files = await fileRows();
    expect((await api(reader).post(`/assessments/${id}/evidence`, { criterion: 'CG1', file: lib.id })).status).toBe(
      403,
    );
    expect((await api(reader).upload(`/assessments/${id}/evidence`, { criterion: 'CG1' }, PDF)).status).toBe(403);
    expect((await api(reader).del(`/assessments/${id}/evidence/${ok.body.data.id}`)).status).toBe(403);
    expect(
      (await http().post(`/star-scoring/assessments/${id}/evidence`).send({ criterion: 'CG1', file: lib.id })).status,
    ).toBe(401);
    expect(await evidenceRows()).toBe(rows);
    expect(await fileRows()).toBe(files);
  });

  it('picking a Media Library file needs its read right (403, nothing written); uploading does not', async () => {
    const lib = await libraryFile('别人的文件.png');
    const noLibrary = await staff(['read', 'assess'], branch);
    const rows = await evidenceRows();
    const pick = await api(noLibrary).post(`/assessments/${id}/evidence`, { criterion: 'CG3', file: lib.id });
    expect(pick.status).toBe(403);
    expect(pick.body.error.message).toMatch(
      /^file: attaching a Media Library file needs the Media Library read permission/,
    );
    expect(await evidenceRows()).toBe(rows);
    const up = await api(noLibrary).upload(`/assessments/${id}/evidence`, { criterion: 'CG3' }, PDF);
    expect(up.status).toBe(201);
    expect(await evidenceRows()).toBe(rows + 1);
  });

  it('removes a file while draft; the media-library file stays', async () => {
    const lib = await libraryFile('待删.png');
    const add = await api(assessor).post(`/assessments/${id}/evidence`, { criterion: 'CG2', file: lib.id });
    const rows = await evidenceRows();
    const del = await api(assessor).del(`/assessments/${id}/evidence/${add.body.data.id}`);
    expect(del.status).toBe(200);
    expect(await evidenceRows()).toBe(rows - 1);
    expect(
      await strapi()
        .db.query('plugin::upload.file')
        .findOne({ where: { id: lib.id } }),
    ).not.toBeNull();
    const card = await api(reader).get(`/branches/${branch.documentId}/scorecard?year=${YEAR}`);
    const cg2 = card.body.data.stars
      .find((s: any) => s.key === 'co_governance')
      .criteria.find((c: any) => c.code === 'CG2');
    expect(cg2.files).toEqual([]);
    expect((await api(assessor).del(`/assessments/${id}/evidence/${add.body.data.id}`)).status).toBe(404);
  });
});

describe('evidence-required criteria on submit', () => {
  it('refuses with 400 naming the item when neither text nor file exists; a file alone satisfies it', async () => {
    const { id, sh } = await draft('harmony_happiness', '');
    const transitions = () => strapi().db.query('plugin::star-scoring.transition').count();
    const t0 = await transitions();
    const refused = await api(assessor).post(`/assessments/${id}/submit`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'items[0].evidence: criterion HH1 requires evidence (text or a file) (评分细则 HH1 须附佐证材料)',
    );
    expect(refused.body.error.details.errors[0].path).toEqual(['items[0]', 'evidence']);
    const required = sh.criteria.filter((c: any) => c.evidenceRequired).map((c: any) => c.code);
    expect(required).toEqual(['HH1', 'HH2', 'HH3']);
    // Files on the first two only: the third is named now.
    for (const code of ['HH1', 'HH2'])
      expect((await api(assessor).upload(`/assessments/${id}/evidence`, { criterion: code }, PDF)).status).toBe(201);
    const third = await api(assessor).post(`/assessments/${id}/submit`);
    expect(third.status).toBe(400);
    expect(third.body.error.message).toBe(
      'items[2].evidence: criterion HH3 requires evidence (text or a file) (评分细则 HH3 须附佐证材料)',
    );
    expect(await transitions()).toBe(t0);
    const a: any = await strapi()
      .db.query('plugin::star-scoring.assessment')
      .findOne({ where: { documentId: id } });
    expect(a.status).toBe('draft');
    expect(
      (await api(assessor).upload(`/assessments/${id}/evidence`, { criterion: 'HH3', internal: 'true' }, PDF)).status,
    ).toBe(201);
    const ok = await api(assessor).post(`/assessments/${id}/submit`);
    expect(ok.status).toBe(200);
    expect(ok.body.data.status).toBe('self_assessed');
    // self_assessed still accepts files (the assessor may complete the file before review).
    expect((await api(assessor).upload(`/assessments/${id}/evidence`, { criterion: 'HH4' }, PDF)).status).toBe(201);
  });
});
