import { describe, expect, it } from 'vitest';
import { authRedirect, safeCallbackPath } from '../../lib/safe-redirect';

// Every header value must be printable ASCII without line breaks: what Node accepts in Location.
const headerSafe = /^[\x21-\x7e]*$/;

describe('safeCallbackPath', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(safeCallbackPath('/commitments?sector=energy&stage=stalled')).toBe('/commitments?sector=energy&stage=stalled');
    expect(safeCallbackPath('/commitments/abc#comments')).toBe('/commitments/abc#comments');
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash', '/\\evil.example'],
    ['a tab the parser drops', '/\t/evil.example'],
    ['two tabs', '/\t\t/evil.example'],
    ['a line feed', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a full-width dot host', '//\u3002evil.example'],
    ['the sign-in page', '/sign-in?callbackUrl=/'],
    ['the auth endpoints', '/api/auth/signout'],
    ['no string', ['/commitments']],
    ['a path too long to be one', `/${'a'.repeat(2001)}`],
  ])('turns %s into "/"', (_, value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it('answers only what a Location header can carry, whatever it is given', () => {
    for (const value of ['/\n/x', '/\r/x', '/\u3002x', '/a b', '/caf\u00e9?q=\u00e9#\u00e9', '/x\u0000y', '/x\u2028y']) {
      const path = safeCallbackPath(value);
      expect(path).toMatch(headerSafe);
      expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
    }
    expect(safeCallbackPath('/\u3002x')).toBe('/%E3%80%82x');
  });
});

describe('authRedirect (next-auth’s redirect rule)', () => {
  const baseUrl = 'http://localhost:3000';
  it('follows paths and URLs of this origin', () => {
    expect(authRedirect({ url: '/sign-in?signedOut=1', baseUrl })).toBe('http://localhost:3000/sign-in?signedOut=1');
    expect(authRedirect({ url: 'http://localhost:3000/commitments', baseUrl })).toBe('http://localhost:3000/commitments');
  });

  it.each(['https://evil.example/', '//evil.example', '/\t/evil.example', 'http://localhost:3000//evil.example', '/\n/x'])('sends %j home', (url) => {
    const target = new URL(authRedirect({ url, baseUrl }));
    expect(target.origin).toBe(baseUrl);
    expect(target.pathname).toBe('/');
  });
});
