import Parser from 'rss-parser';
import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { buildWeishiDemo } from '../../src/seed/weishi';

const parser = new Parser();

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
});
afterAll(teardownStrapi);

/** Published titles, newest first, straight from the database. */
async function publishedTitles(filters: Record<string, unknown> = {}): Promise<string[]> {
  const docs = await strapi()
    .documents('api::notice.notice')
    .findMany({ status: 'published', filters, sort: [{ publishedAt: 'desc' }, { id: 'desc' }], limit: 50 } as any);
  return docs.map((d: any) => d.title);
}

describe('feeds of published notices', () => {
  it('RSS 2.0 parses back to the published notices, newest first, with absolute links', async () => {
    const res = await http().get('/api/notices/feed.rss');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/rss\+xml/);
    const feed = await parser.parseString(res.text);
    expect(feed.items.map((i) => i.title)).toEqual(await publishedTitles());
    // The core Weishi demo publishes 9 notices; plugins' demo seeds (deliberation publicity) may add more.
    const corePublished = buildWeishiDemo()
      .notices.filter((n) => n.published)
      .map((n) => n.title as string);
    expect(corePublished).toHaveLength(9);
    expect(feed.items.map((i) => i.title)).toEqual(expect.arrayContaining(corePublished));
    for (const item of feed.items) {
      expect(item.link).toMatch(/^http:\/\/localhost:\d+\/api\/notices\/\w+$/);
      expect(item.title).not.toMatch(/草稿|待审核/);
    }
    expect(feed.language).toBe('zh-CN');
  });

  it('Atom 1.0 parses back to the same notices', async () => {
    const res = await http().get('/api/notices/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/atom\+xml/);
    const feed = await parser.parseString(res.text);
    expect(feed.items.map((i) => i.title)).toEqual(await publishedTitles());
    expect(res.text).toContain('xmlns="http://www.w3.org/2005/Atom"');
  });

  it('JSON Feed 1.1 lists the same notices with absolute URLs', async () => {
    const res = await http().get('/api/notices/feed.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/feed\+json/);
    const feed = JSON.parse(res.text);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('zh-CN');
    expect(feed.items.map((i: any) => i.title)).toEqual(await publishedTitles());
    expect(feed.feed_url).toMatch(/^http:\/\/localhost:\d+\/api\/notices\/feed\.json$/);
    expect(feed.items.every((i: any) => /^http/.test(i.url) && i.content_html && i.date_published)).toBe(true);
  });

  it('filters by category, and by grid or branch audience (empty audience = everyone)', async () => {
    const publicity = JSON.parse((await http().get('/api/notices/feed.json?category=publicity')).text);
    expect(publicity.items.map((i: any) => i.title)).toEqual(await publishedTitles({ category: 'publicity' }));
    expect(publicity.items.length).toBeGreaterThan(0);
    expect(publicity.items.every((i: any) => i.tags.includes('公示'))).toBe(true);

    // Seeded: the 3rd notice is for grid G03 only, the 4th for branch LH-C4 only.
    const forG03 = JSON.parse((await http().get('/api/notices/feed.json?grid=G03')).text).items.map(
      (i: any) => i.title,
    );
    const forG05 = JSON.parse((await http().get('/api/notices/feed.json?grid=G05')).text).items.map(
      (i: any) => i.title,
    );
    expect(forG03).toContain('大西门社区老旧小区改造满意度调查公告');
    expect(forG05).not.toContain('大西门社区老旧小区改造满意度调查公告');
    expect(forG05).toContain('关于开展2026年度“五星”支部创建自评工作的通知');
    const g03 = await strapi()
      .db.query('api::grid.grid')
      .findOne({ where: { code: 'G03' } });
    const byDocumentId = JSON.parse((await http().get(`/api/notices/feed.json?grid=${g03.documentId}`)).text).items.map(
      (i: any) => i.title,
    );
    expect(byDocumentId).toEqual(forG03);
    const forBranch = JSON.parse((await http().get('/api/notices/feed.json?branch=LH-C4')).text).items.map(
      (i: any) => i.title,
    );
    expect(forBranch).toContain('“双报到”在职党员认领民生实事清单公示');
    const otherBranch = JSON.parse((await http().get('/api/notices/feed.json?branch=LH-C2')).text).items.map(
      (i: any) => i.title,
    );
    expect(otherBranch).not.toContain('“双报到”在职党员认领民生实事清单公示');
  });

  it('escapes markup and Chinese punctuation correctly in every format', async () => {
    const title = '<script>alert("x")</script> & 停水“通知”';
    await strapi()
      .documents('api::notice.notice')
      .create({
        data: {
          title,
          category: 'notice',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: '<b>粗体</b> & 正文' }] }],
        } as any,
        status: 'published',
      } as any);
    // RSS titles and Atom type="html" titles are read as HTML by feed readers: the text goes in escaped.
    const asHtml = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 停水“通知”';
    const rss = await parser.parseString((await http().get('/api/notices/feed.rss')).text);
    expect(rss.items[0].title).toBe(asHtml);
    expect(rss.items[0]['content:encoded'] ?? rss.items[0].content).toContain('&lt;b&gt;粗体&lt;/b&gt; &amp; 正文');
    const atom = await parser.parseString((await http().get('/api/notices/feed.atom')).text);
    expect(atom.items[0].title).toBe(asHtml);
    const json = JSON.parse((await http().get('/api/notices/feed.json')).text);
    expect(json.items[0].title).toBe(title);
    expect(json.items[0].content_html).toBe('<p>&lt;b&gt;粗体&lt;/b&gt; &amp; 正文</p>');
  });

  it('answers at most 50 items', async () => {
    for (let i = 0; i < 45; i++) {
      await strapi()
        .documents('api::notice.notice')
        .create({ data: { title: `批量通知${i}`, category: 'news' } as any, status: 'published' } as any);
    }
    const json = JSON.parse((await http().get('/api/notices/feed.json')).text);
    expect(json.items).toHaveLength(50);
    expect(json.items[0].title).toBe('批量通知44');
  });

  it('rejects a bad filter with a 400 naming it', async () => {
    const res = await http().get('/api/notices/feed.rss?category=secret');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^category: /);
    const grid = await http().get('/api/notices/feed.json?grid=%27%20or%201=1');
    expect(grid.status).toBe(400);
    expect(grid.body.error.message).toMatch(/^grid: /);
  });
});
