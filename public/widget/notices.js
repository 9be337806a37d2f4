/*
 * 通知公告挂件 · Embeddable notices widget.
 *
 *   <script src="https://YOUR-HOST/widget/notices.js" async
 *           data-source="https://YOUR-HOST" data-category="notice" data-grid="G01"
 *           data-branch="LH-C1" data-count="5" data-lang="zh" data-target="#notices"></script>
 *
 * Plain JavaScript, no framework, no global variables, no inline styles or scripts (works under
 * a strict Content-Security-Policy: allow this origin in script-src and connect-src). All text is
 * inserted with textContent, never as HTML. Style it with the host's own CSS through the
 * gg-notices__* classes.
 */
(function () {
  'use strict';

  var TEXT = {
    zh: { title: '通知公告', empty: '暂无通知', failed: '通知加载失败', more: '更多' },
    en: { title: 'Notices', empty: 'No notices yet', failed: 'Could not load notices', more: 'More' },
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeHref(url) {
    return /^https?:\/\//i.test(url || '') ? url : null;
  }

  function day(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function render(script) {
    if (script.getAttribute('data-gg-rendered')) return;
    script.setAttribute('data-gg-rendered', '1');
    var ds = script.dataset || {};
    var lang = ds.lang === 'en' ? 'en' : 'zh';
    var t = TEXT[lang];
    var source = (ds.source || new URL(script.src, document.baseURI).origin).replace(/\/$/, '');
    var count = Math.max(1, Math.min(50, parseInt(ds.count, 10) || 5));

    var box = el('section', 'gg-notices');
    box.setAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
    box.setAttribute('aria-live', 'polite');
    box.appendChild(el('h2', 'gg-notices__title', ds.title || t.title));
    var list = el('ul', 'gg-notices__list');
    box.appendChild(list);
    var target = ds.target ? document.querySelector(ds.target) : null;
    if (target) target.appendChild(box);
    else script.parentNode.insertBefore(box, script.nextSibling);

    var params = [];
    ['category', 'grid', 'branch'].forEach(function (key) {
      if (ds[key]) params.push(key + '=' + encodeURIComponent(ds[key]));
    });
    var url = source + '/api/notices/feed.json' + (params.length ? '?' + params.join('&') : '');

    fetch(url, { credentials: 'omit', headers: { Accept: 'application/feed+json, application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (feed) {
        var items = (feed && feed.items ? feed.items : []).slice(0, count);
        if (!items.length) {
          box.appendChild(el('p', 'gg-notices__empty', t.empty));
          return;
        }
        items.forEach(function (item) {
          var li = el('li', 'gg-notices__item');
          var href = safeHref(item.url);
          var title = el(href ? 'a' : 'span', 'gg-notices__link', item.title || '');
          if (href) {
            title.href = href;
            title.rel = 'noopener';
          }
          li.appendChild(title);
          if (item.tags && item.tags[0]) li.appendChild(el('span', 'gg-notices__category', item.tags[0]));
          var time = el('time', 'gg-notices__date', day(item.date_published));
          time.setAttribute('datetime', item.date_published || '');
          li.appendChild(time);
          list.appendChild(li);
        });
      })
      .catch(function () {
        box.appendChild(el('p', 'gg-notices__error', t.failed));
      });
  }

  var current = document.currentScript;
  if (current) render(current);
  else {
    var scripts = document.querySelectorAll('script[src*="widget/notices.js"]');
    for (var i = 0; i < scripts.length; i++) render(scripts[i]);
  }
})();
