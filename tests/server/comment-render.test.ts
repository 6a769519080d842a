import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody } from '../../components/commitment/comment-body';

// A comment is text: whatever markup a writer types must reach the page as visible characters,
// never as elements. (A .ts file with createElement: vitest's include covers *.test.ts only.)
const render = (body: string) => renderToStaticMarkup(createElement(CommentBody, { body }));

describe('CommentBody', () => {
  it('shows a script tag as text and runs nothing', () => {
    const html = render('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
  });

  it('shows an image with an onerror handler as text, not as an element', () => {
    const html = render('<img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\sonerror=/i); // no tag carries the handler
  });

  it('keeps line breaks as characters for white-space: pre-wrap to show, adding no markup', () => {
    const html = render('First line\nSecond line');
    expect(html).toBe('<div class="plain-text">First line\nSecond line</div>');
  });

  it('escapes quotes and ampersands so a body cannot break out of an attribute either', () => {
    const html = render('" onmouseover="alert(1)" & <a href="javascript:alert(1)">x</a>');
    expect(html).not.toMatch(/<a[\s>]/i);
    expect(html).toContain('&amp;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;');
  });
});
