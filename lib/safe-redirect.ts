// Any origin will do: it only tells a path apart from a URL that leaves the site. `.invalid` can
// never be a real host.
const PROBE_ORIGIN = 'http://redirect.invalid';
const MAX_PATH = 2000;

/**
 * `value` as a path on this site (path, query and fragment), read the way a browser reads a
 * Location header: the URL parser drops tabs and line breaks, turns `\` into `/` and percent-encodes
 * what a header may not carry, so `/\t/evil.example` is `//evil.example`, another site. Undefined
 * for anything that is not a path of this origin.
 */
function sameOriginPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.length <= MAX_PATH ? path : undefined;
}

/** A path on this site to return to after sign-in; anything else (another origin, `//host`) becomes "/". */
export function safeCallbackPath(value: unknown): string {
  const path = sameOriginPath(value);
  if (!path || path.startsWith('/sign-in') || path.startsWith('/api/auth')) return '/';
  return path;
}

/**
 * next-auth's redirect rule, under the same reading: a URL of this origin, or a path, goes there;
 * anything else goes home.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return base.origin;
  }
  if (target.origin !== base.origin) return base.origin;
  return `${base.origin}${sameOriginPath(`${target.pathname}${target.search}${target.hash}`) ?? '/'}`;
}

/** The page a form was posted from (its Referer), as a path on this site to go back to; "/" when unknown. */
export function pathOfReferer(referer: string | null): string {
  if (!referer) return '/';
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return '/';
  }
  return sameOriginPath(`${url.pathname}${url.search}`) ?? '/';
}
