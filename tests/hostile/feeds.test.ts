import { execFile } from 'child_process';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';

const HOSTILE_TITLE = '停水]]><script>alert(1)</script><x:evil/><![CDATA[ <img src=x onerror=alert(2)> & "引号"';
const HOSTILE_SUMMARY = '摘要 <script>alert(3)</script> ]]> <a href="javascript:alert(4)">点</a>';
const BODY = [
  { type: 'paragraph', children: [{ type: 'text', text: '正文 <script>alert(5)</script> ]]>' }] },
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: '<a href="javascript:alert(6)">坏链接</a>' },
      { type: 'link', url: 'https://www.weishi.example/a', children: [{ type: 'text', text: '好链接' }] },
    ],
  },
  {
    type: 'image',
    // Strapi checks a link's protocol but not an image's URL.
    image: {
      name: 'x.png',
      url: 'javascript:alert(7)',
      alternativeText: '"><svg onload=alert(8)>',
      width: 1,
      height: 1,
      hash: 'x',
      ext: '.png',
      mime: 'image/png',
      size: 1,
      provider: 'local',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    children: [{ type: 'text', text: '' }],
  },
];

beforeAll(async () => {
  await setupStrapi();
  await strapi()
    .documents('api::notice.notice')
    .create({
      data: { title: HOSTILE_TITLE, summary: HOSTILE_SUMMARY, body: BODY, category: 'notice' } as any,
      status: 'published',
    } as any);
});
afterAll(teardownStrapi);

/** fast-xml-parser: an independent parser, not the one the feed library writes with. */
const parser = new XMLParser({ ignoreAttributes: false, cdataPropName: '#cdata', processEntities: true });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object'
      ? String((v as Record<string, unknown>)['#cdata'] ?? (v as Record<string, unknown>)['#text'] ?? '')
      : '';
const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/**
 * Live markup is what a reader's HTML parser would turn into elements: every `<` that opens a tag.
 * Text arrives escaped (`&lt;`), so each real tag is `<…>` with no `>` inside (attribute values
 * escape it too). Only the allow-list's tags may appear, with no handler and no script URL.
 */
const ALLOWED_TAGS = /^<\/?(p|br|h[1-6]|ul|ol|li|blockquote|pre|code|strong|em|u|s|a|img)[\s/>]/i;
const noActiveMarkup = (html: string) => {
  for (const tag of html.match(/<[^>]*>?/g) ?? []) {
    expect(tag).toMatch(ALLOWED_TAGS);
    expect(tag.replace(/="[^"]*"/g, '=""')).not.toMatch(/\s(on\w+|style|srcdoc)\s*=/i);
    for (const [, value] of tag.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(value).toMatch(/^(https?:|mailto:|#$)/);
  }
};

describe('feeds carry hostile titles and bodies as text and sanitised HTML', () => {
  it('RSS: well-formed, one item, the title reads back as the exact text, no live markup', async () => {
    const res = await http().get('/api/notices/feed.rss');
    expect(res.status).toBe(200);
    expect(XMLValidator.validate(res.text)).toBe(true);
    const doc = parser.parse(res.text);
    const items = asArray(doc.rss.channel.item);
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]).sort()).toEqual(expect.not.arrayContaining(['script', 'x:evil', 'img']));
    expect(unescapeHtml(textOf(items[0].title))).toBe(HOSTILE_TITLE);
    expect(unescapeHtml(textOf(items[0].description))).toBe(HOSTILE_SUMMARY);
    for (const field of [textOf(items[0].title), textOf(items[0].description), textOf(items[0]['content:encoded'])])
      noActiveMarkup(field);
    expect(textOf(items[0]['content:encoded'])).toContain('<a href="https://www.weishi.example/a">好链接</a>');
  });

  it('Atom: well-formed, one entry; type="html" title and summary decode to the text', async () => {
    const res = await http().get('/api/notices/feed.atom');
    expect(XMLValidator.validate(res.text)).toBe(true);
    const doc = parser.parse(res.text);
    const entries = asArray(doc.feed.entry);
    expect(entries).toHaveLength(1);
    expect(unescapeHtml(textOf(entries[0].title))).toBe(HOSTILE_TITLE);
    expect(unescapeHtml(textOf(entries[0].summary))).toBe(HOSTILE_SUMMARY);
    noActiveMarkup(textOf(entries[0].title));
    noActiveMarkup(textOf(entries[0].summary));
    noActiveMarkup(textOf(entries[0].content));
  });

  it('JSON Feed: title and summary are the plain text (the spec says text), content_html sanitised', async () => {
    const res = await http().get('/api/notices/feed.json');
    const item = JSON.parse(res.text).items[0];
    expect(item.title).toBe(HOSTILE_TITLE);
    expect(item.summary).toBe(HOSTILE_SUMMARY);
    noActiveMarkup(item.content_html);
  });
});

describe('absolute links never come from the request Host', () => {
  it.each(['feed.rss', 'feed.atom', 'feed.json'])(
    '%s: a forged Host changes neither that answer nor the cached one',
    async (f) => {
      const forged = await http()
        .get(`/api/notices/${f}`)
        .set('Host', 'evil.example')
        .set('X-Forwarded-Host', 'evil.example');
      expect(forged.status).toBe(200);
      expect(forged.text).not.toContain('evil.example');
      const next = await http().get(`/api/notices/${f}`);
      expect(next.text).not.toContain('evil.example');
      expect(next.text).toContain('http://localhost:');
    },
  );
});

describe('production requires PUBLIC_URL', () => {
  it('the app refuses to start without it and says why', async () => {
    const file = path.join(os.tmpdir(), `gg_nopublicurl_${process.pid}.db`);
    const script = `require('./scripts/lib/boot').bootStrapi({ env: { DATABASE_FILENAME: ${JSON.stringify(file)} } }, { NODE_ENV: 'production', PUBLIC_URL: '' })
      .then(() => process.exit(0), (e) => { console.error(e.message); process.exit(3); })`;
    const run = promisify(execFile)(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..') });
    const err = await run.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(3);
    expect(err?.stderr).toMatch(/PUBLIC_URL must be set in production/);
  });
});
