import { type NextRequest, NextResponse } from 'next/server';
import { LOCALE_COOKIE, resolveLocale } from '@/i18n/config';
import { messageText } from '@/lib/server/catalogue';

// Comfort only: sends visitors without a session cookie to sign-in and stamps security headers.
// Every page, action and route handler checks the session itself; removing this file opens nothing.
// The unsubscribe link in an e-mail works without signing in: its signature is the credential. The
// API's description and its reference page describe no data, and integrators read them first.
const PUBLIC_PATHS = ['/sign-in', '/api/auth/', '/api/health', '/unsubscribe', '/api/unsubscribe', '/api/v1/openapi.json', '/api/docs'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const https = request.headers.get('x-forwarded-proto') === 'https' || request.nextUrl.protocol === 'https:';
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;

  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(p));
  // An API token is checked by the route handler, like a cookie.
  const hasBearer = pathname.startsWith('/api/v1/') && /^bearer\s/i.test(request.headers.get('authorization') ?? '');
  const hasSession = hasBearer || SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (!isPublic && !hasSession) {
    if (pathname.startsWith('/api/')) {
      const locale = resolveLocale({ cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get('accept-language') });
      response = NextResponse.json({ error: { code: 'unauthenticated', message: messageText({ key: 'problem.signIn' }, locale) } }, { status: 401 });
    } else {
      const target = new URL('/sign-in', request.url);
      if (pathname !== '/') target.searchParams.set('callbackUrl', `${pathname}${search}`);
      response = NextResponse.redirect(target);
    }
  } else {
    const requestHeaders = new Headers(request.headers);
    // Next reads the nonce from this request header and puts it on its own scripts.
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (https) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and the charts set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
