import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './blocks-html';

/**
 * What a notice body may carry into a feed reader: the elements Strapi's blocks editor produces,
 * links and images over http(s) (links also mailto), nothing else (no script, style, iframe, event
 * handler or inline style). The blocks renderer already escapes; this allow-list is the guarantee.
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code'].concat([
    'strong',
    'em',
    'u',
    's',
    'a',
    'img',
  ]),
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** `]]>` would end the CDATA section a feed library wraps HTML in; `&gt;` reads the same in HTML. */
const cdataSafe = (html: string) => html.replace(/]]>/g, ']]&gt;');

export const sanitizeBody = (html: string): string => cdataSafe(sanitizeHtml(html, ALLOWED));

/** Text (a title, a summary) where a format expects HTML: escaped, so markup shows as characters. */
export const textAsHtml = (text: string): string => escapeHtml(text);
