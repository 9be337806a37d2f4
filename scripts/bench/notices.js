// Bench scenario: the public notice channel (feeds, cached list, conditional requests)
// beside Strapi's core GET /api/notices measured in the same run.
const path = require('path');

const NOTICES = Number(process.env.BENCH_NOTICES || 300);

module.exports = {
  name: 'notices',
  async setup({ strapi }) {
    const categories = ['notice', 'announcement', 'publicity', 'news'];
    for (let i = 0; i < NOTICES; i++) {
      await strapi.documents('api::notice.notice').create({
        data: {
          title: `压测通知 ${i}：关于开展老旧小区改造满意度调查的通知`,
          category: categories[i % 4],
          summary: '请居民通过网格员或线上问卷参与满意度调查。',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: '正文 '.repeat(40) }] }],
        },
        status: i % 5 === 4 ? undefined : 'published',
      });
    }
  },
  async run({ strapi, baseUrl, measure, note }) {
    const { httpCache } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'packages', 'kit', 'server'));
    const cache = httpCache(strapi);
    note(`notices: ${NOTICES} notices (80 % published), cache mode ${cache.mode}`);
    const etag = async (p) => (await fetch(baseUrl + p)).headers.get('etag');
    const b = { baseline: 'core:list-notices' };
    await measure('GET /api/notices/feed.json', { path: '/api/notices/feed.json' }, b);
    await measure('GET /api/notices/feed.rss', { path: '/api/notices/feed.rss' }, b);
    await measure(
      'GET /api/notices/feed.atom?category=publicity',
      { path: '/api/notices/feed.atom?category=publicity' },
      b,
    );
    await measure('GET /api/notices (anonymous, cached)', { path: '/api/notices' }, b);
    await measure(
      'GET /api/notices If-None-Match → 304',
      { path: '/api/notices', headers: { 'if-none-match': await etag('/api/notices') } },
      b,
    );
    await measure(
      'GET /api/notices/feed.json If-None-Match → 304',
      { path: '/api/notices/feed.json', headers: { 'if-none-match': await etag('/api/notices/feed.json') } },
      b,
    );
    // Without Redis every request reads the validators from the database (one indexed query).
    const redisUrl = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    await cache.stop();
    note(`notices: cache mode now ${cache.mode} for the rows marked (db validators)`);
    await measure('GET /api/notices/feed.json (db validators)', { path: '/api/notices/feed.json' }, b);
    await measure('GET /api/notices (anonymous, db validators)', { path: '/api/notices' }, b);
    if (redisUrl) {
      process.env.REDIS_URL = redisUrl;
      await cache.stop();
      await cache.start();
    }
  },
};
