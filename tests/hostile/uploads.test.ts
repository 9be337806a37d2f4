import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin, createApiToken } from '../helpers/auth';

/** Real file heads: what file-type recognises. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const HOSTILE: Array<[string, string, Buffer]> = [
  ['html named png', 'image/png', Buffer.from('<!doctype html><script>alert(document.cookie)</script>')],
  ['svg with script', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
  ['javascript as jpeg', 'image/jpeg', Buffer.from('alert(document.domain)')],
  ['html as pdf', 'application/pdf', Buffer.from('<html><body onload=alert(1)></body></html>')],
  ['windows executable', 'image/png', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])],
  ['zip archive', 'application/zip', Buffer.from('504b0304140000000800', 'hex')],
];
const NAMES: Record<string, string> = {
  'html named png': '照片.png',
  'svg with script': 'logo.svg',
  'javascript as jpeg': 'a.jpg',
  'html as pdf': '通知.pdf',
  'windows executable': 'setup.png',
  'zip archive': 'a.zip',
};

let admin: string;
let token: string;
const fileRows = () => strapi().db.query('plugin::upload.file').count();

beforeAll(async () => {
  await setupStrapi();
  admin = (await createAdmin()).token;
  token = await createApiToken('full-access');
});
afterAll(teardownStrapi);

describe('uploads are judged by their bytes, on every upload route', () => {
  const routes: Array<[string, string, () => Record<string, string>]> = [
    ['media library (admin)', '/upload', () => bearer(admin)],
    ['content API', '/api/upload', () => bearer(token)],
  ];
  for (const [where, url, auth] of routes) {
    it.each(HOSTILE)(`${where}: %s → 400 naming files, nothing stored`, async (label, type, body) => {
      const before = await fileRows();
      const res = await http()
        .post(url)
        .set(auth())
        .attach('files', body, { filename: NAMES[label], contentType: type });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^files: content is .*; accepted: /);
      expect(await fileRows()).toBe(before);
    });

    it(`${where}: one bad file among good ones refuses the whole request`, async () => {
      const before = await fileRows();
      const res = await http()
        .post(url)
        .set(auth())
        .attach('files', PNG, { filename: 'ok.png', contentType: 'image/png' })
        .attach('files', HOSTILE[0][2], { filename: 'bad.png', contentType: 'image/png' });
      expect(res.status).toBe(400);
      expect(await fileRows()).toBe(before);
    });
  }

  it('a real PNG and a real PDF are accepted; the stored type and extension follow the bytes', async () => {
    const png = await http()
      .post('/api/upload')
      .set(bearer(token))
      .attach('files', PNG, { filename: 'photo.html', contentType: 'text/html' });
    expect(png.status).toBe(201);
    expect(png.body[0]).toMatchObject({ mime: 'image/png', ext: '.png' });
    expect(png.body[0].url).toMatch(/\.png$/);
    const pdf = await http()
      .post('/api/upload')
      .set(bearer(token))
      .attach('files', PDF, { filename: '台账.pdf', contentType: 'application/octet-stream' });
    expect(pdf.status).toBe(201);
    expect(pdf.body[0]).toMatchObject({ mime: 'application/pdf', ext: '.pdf' });
  });
});

describe('user files are served with nosniff, as downloads unless image or PDF', () => {
  it('an image and a PDF are inline with nosniff', async () => {
    const up = await http()
      .post('/api/upload')
      .set(bearer(token))
      .attach('files', PNG, { filename: 'inline.png', contentType: 'image/png' })
      .attach('files', PDF, { filename: 'inline.pdf', contentType: 'application/pdf' });
    expect(up.status).toBe(201);
    for (const f of up.body) {
      const res = await http().get(f.url);
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBeUndefined();
    }
  });

  it('a file stored before these rules (an .html in the uploads folder) is a download with nosniff', async () => {
    const fs = await import('fs');
    const path = await import('path');
    const dir = path.join(strapi().dirs.static.public, 'uploads');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `legacy_${process.pid}.html`);
    fs.writeFileSync(file, '<script>alert(1)</script>');
    try {
      const res = await http().get(`/uploads/legacy_${process.pid}.html`);
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
