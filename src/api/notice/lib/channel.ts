import type { Core } from '@strapi/strapi';
import { Feed } from 'feed';
import { audienceFilters, type ChannelQuery } from './audience';
import { blocksToHtml, blocksToText } from './blocks-html';
import { sanitizeBody, textAsHtml } from './safe-html';

export const FEED_SIZE = 50;
const UID = 'api::notice.notice';

const CATEGORY_LABELS: Record<string, string> = {
  notice: '通知',
  announcement: '公告',
  publicity: '公示',
  news: '动态',
};

export interface PublishedNotice {
  documentId: string;
  title: string;
  slug: string;
  summary: string | null;
  body: unknown;
  category: string;
  publishedAt: string;
  updatedAt: string;
  cover?: { url: string; mime?: string } | null;
}

/** Newest published notices matching the channel filters (never drafts: status is fixed here). */
export async function latestNotices(
  strapi: Core.Strapi,
  q: ChannelQuery,
  limit = FEED_SIZE,
): Promise<PublishedNotice[]> {
  const docs = await strapi.documents(UID).findMany({
    status: 'published',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- filter types need generated schemas (types/generated), which the app does not generate
    filters: audienceFilters(q) as any,
    sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
    limit,
    fields: ['title', 'slug', 'summary', 'body', 'category', 'publishedAt', 'updatedAt'],
    populate: { cover: { fields: ['url', 'mime'] } },
  });
  return docs as unknown as PublishedNotice[];
}

const absolute = (base: string, url: string) => (/^https?:\/\//.test(url) ? url : `${base}${url}`);

/** Where a reader opens a notice: NOTICE_LINK_TEMPLATE (e.g. https://site/notices/{slug}) or the public API. */
export const noticeLink = (base: string, n: { slug: string; documentId: string }) =>
  process.env.NOTICE_LINK_TEMPLATE
    ? process.env.NOTICE_LINK_TEMPLATE.replace('{slug}', encodeURIComponent(n.slug)).replace(
        '{documentId}',
        n.documentId,
      )
    : `${base}/api/notices/${n.documentId}`;

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Each feed's media type: sent by the controller and declared by the route in the OpenAPI document. */
export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/**
 * RSS 2.0, Atom 1.0 or JSON Feed 1.1 built by the `feed` library. Titles and summaries are text:
 * the XML formats carry them where readers render HTML (RSS title/description, Atom type="html",
 * inside CDATA), so they go in HTML-escaped (which also keeps `]]>` out of the CDATA); JSON Feed's
 * `title` and `summary` are plain text by the spec. The body is HTML through an allow-list.
 */
export function renderFeed(format: FeedFormat, base: string, query: string, notices: PublishedNotice[]): string {
  const self = (ext: string) => `${base}/api/notices/feed.${ext}${query}`;
  const feed = new Feed({
    title: '通知公告 · 党建引领基层治理',
    description: '街道、社区发布的通知、公告、公示和动态',
    id: self(format),
    link: `${base}/api/notices`,
    language: 'zh-CN',
    updated: notices[0] ? new Date(notices[0].updatedAt) : new Date(0),
    generator: 'grassroots-governance',
    copyright: '尉氏县两湖街道',
    feedLinks: { rss: self('rss'), atom: self('atom'), json: self('json') },
  });
  const text = format === 'json' ? (t: string) => t : textAsHtml;
  for (const n of notices) {
    const summary = n.summary || blocksToText(n.body).slice(0, 200);
    feed.addItem({
      title: text(n.title),
      id: `${base}/api/notices/${n.documentId}`,
      link: noticeLink(base, n),
      description: text(summary),
      content: sanitizeBody(blocksToHtml(n.body) || `<p>${textAsHtml(summary)}</p>`),
      date: new Date(n.updatedAt),
      published: new Date(n.publishedAt),
      category: [{ name: CATEGORY_LABELS[n.category] ?? n.category, term: n.category }],
      image: n.cover?.url ? absolute(base, n.cover.url) : undefined,
    });
  }
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  // The library writes JSON Feed 1.0; 1.1 adds `language` and replaces `author` by `authors`.
  const json = JSON.parse(feed.json1());
  json.version = 'https://jsonfeed.org/version/1.1';
  json.language = 'zh-CN';
  for (const item of json.items) {
    if (item.author) {
      item.authors = [item.author];
      delete item.author;
    }
  }
  return JSON.stringify(json);
}
