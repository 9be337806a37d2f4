import { sanitizeBody, textAsHtml } from '../../src/api/notice/lib/safe-html';

describe('notice body sanitiser (allow-list)', () => {
  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)">ok</p>', '<p>ok</p>'],
    ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt&#58;alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<a href="//evil.example/x">x</a>', '<a>x</a>'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<img />'],
    ['<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<svg><script>alert(1)</script></svg>', ''],
    ['<style>body{display:none}</style><p style="color:red">ok</p>', '<p>ok</p>'],
    ['<form action="https://evil.example"><input name=a></form>', ''],
    ['<p>a ]]> b</p>', '<p>a ]]&gt; b</p>'],
    ['<a href="https://weishi.example/x" target="_blank">x</a>', '<a href="https://weishi.example/x">x</a>'],
    ['<a href="mailto:office@weishi.example">mail</a>', '<a href="mailto:office@weishi.example">mail</a>'],
    ['<h2>标题</h2><ul><li><strong>一</strong></li></ul>', '<h2>标题</h2><ul><li><strong>一</strong></li></ul>'],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeBody(input)).toBe(expected);
  });

  it('never leaves a CDATA terminator, whatever the input', () => {
    for (const s of [']]>', '<p title="]]>">x</p>', '<a href="https://x.example/]]>">x</a>', '<![CDATA[ ]]> ]]>'])
      expect(sanitizeBody(s)).not.toContain(']]>');
  });

  it('text meant for an HTML field is escaped, markup shows as characters', () => {
    expect(textAsHtml('<b onmouseover="x">]]></b> & \'')).toBe(
      '&lt;b onmouseover=&quot;x&quot;&gt;]]&gt;&lt;/b&gt; &amp; &#39;',
    );
  });
});
