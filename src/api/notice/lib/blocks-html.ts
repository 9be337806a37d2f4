/** Renders Strapi "blocks" rich text as escaped HTML (feeds) or plain text (summaries). */
type Node = {
  type: string;
  text?: string;
  children?: Node[];
  level?: number;
  format?: string;
  url?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  image?: { url?: string; alternativeText?: string };
};

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const safeUrl = (url = ''): string => (/^(https?:|mailto:|\/)/i.test(url) ? url : '#');

function inline(node: Node): string {
  if (node.type === 'text') {
    let html = escapeHtml(node.text ?? '');
    if (node.code) html = `<code>${html}</code>`;
    if (node.bold) html = `<strong>${html}</strong>`;
    if (node.italic) html = `<em>${html}</em>`;
    if (node.underline) html = `<u>${html}</u>`;
    if (node.strikethrough) html = `<s>${html}</s>`;
    return html;
  }
  if (node.type === 'link') return `<a href="${escapeHtml(safeUrl(node.url))}">${children(node)}</a>`;
  return children(node);
}

const children = (node: Node): string => (node.children ?? []).map(block).join('');

function block(node: Node): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${children(node)}</p>`;
    case 'heading': {
      const level = Math.min(Math.max(node.level ?? 2, 1), 6);
      return `<h${level}>${children(node)}</h${level}>`;
    }
    case 'list':
      return node.format === 'ordered' ? `<ol>${children(node)}</ol>` : `<ul>${children(node)}</ul>`;
    case 'list-item':
      return `<li>${children(node)}</li>`;
    case 'quote':
      return `<blockquote>${children(node)}</blockquote>`;
    case 'code':
      return `<pre><code>${(node.children ?? []).map((c) => escapeHtml(c.text ?? '')).join('')}</code></pre>`;
    case 'image':
      return node.image?.url
        ? `<img src="${escapeHtml(safeUrl(node.image.url))}" alt="${escapeHtml(node.image.alternativeText ?? '')}">`
        : '';
    default:
      return inline(node);
  }
}

export const blocksToHtml = (blocks: unknown): string =>
  Array.isArray(blocks) ? (blocks as Node[]).map(block).join('\n') : '';

export function blocksToText(blocks: unknown): string {
  const walk = (n: Node): string => (n.type === 'text' ? (n.text ?? '') : (n.children ?? []).map(walk).join(''));
  return Array.isArray(blocks) ? (blocks as Node[]).map(walk).join('\n') : '';
}
