import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../messages';
import { proxy } from '../../proxy';

const ORIGIN = 'http://localhost:3000';
const SESSION = 'authjs.session-token=some-session';

// The proxy itself, as Next runs it in front of every request: headers, and the comfort redirects.
const call = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`${ORIGIN}${path}`, { headers }));

describe('the proxy’s security headers', () => {
  it('sends a Content-Security-Policy that forbids framing and allows scripts only with a fresh nonce', () => {
    const first = call('/', { cookie: SESSION });
    const second = call('/', { cookie: SESSION });
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("default-src 'self'");
    const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
    // Next reads the nonce from the request headers the proxy forwards, to stamp its own scripts.
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(second.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
  });

  it.each([
    ['a page', '/', { cookie: SESSION }],
    ['the sign-in page', '/sign-in', {}],
    ['a refused page', '/admin/users', {}],
    ['a refused API call', '/api/v1/commitments', {}],
  ])('stamps nosniff, a referrer policy and no framing on %s', (_name, path, headers) => {
    const response = call(path, headers);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS only when the request came over HTTPS', () => {
    expect(call('/', { cookie: SESSION }).headers.get('strict-transport-security')).toBeNull();
    const https = call('/', { cookie: SESSION, 'x-forwarded-proto': 'https' });
    expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains/);
  });
});

describe('the proxy’s redirects for visitors without a session', () => {
  it('sends a page request to sign-in, with the page (and its query) to come back to', () => {
    const response = call('/admin/users?role=staff');
    expect(response.status).toBe(307);
    const target = new URL(response.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(`${ORIGIN}/sign-in`);
    expect(target.searchParams.get('callbackUrl')).toBe('/admin/users?role=staff');
    expect(new URL(call('/').headers.get('location')!).search).toBe('');
  });

  it('answers an API request with 401 JSON instead of a redirect', async () => {
    const response = call('/api/v1/commitments');
    expect(response.status).toBe(401);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in to continue.' } });
  });

  it('says so in the reader’s language: the cookie, else Accept-Language', async () => {
    expect((await call('/api/v1/commitments', { 'accept-language': 'ru-RU,ru;q=0.9' }).json()).error.message).toBe(CATALOGUES.ru.problem.signIn);
    expect((await call('/api/v1/commitments', { 'accept-language': 'ru', cookie: 'NEXT_LOCALE=ur' }).json()).error.message).toBe(CATALOGUES.ur.problem.signIn);
    expect(CATALOGUES.ru.problem.signIn).not.toBe(CATALOGUES.en.problem.signIn);
  });

  it('lets through the sign-in page, the auth endpoints and the health check, and anyone with a session cookie', () => {
    for (const path of ['/sign-in', '/api/auth/session', '/api/health']) {
      const response = call(path);
      expect(response.headers.get('x-middleware-next')).toBe('1');
      expect(response.headers.get('location')).toBeNull();
    }
    expect(call('/admin', { cookie: SESSION }).headers.get('x-middleware-next')).toBe('1');
  });
});
