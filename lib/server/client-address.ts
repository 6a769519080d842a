// The HTTP server in front of the app (server/) works out where each request comes from, from the
// connection and the proxies the operator trusts (TRUST_PROXY), and hands it over in this header,
// replacing any copy a client sent. Nothing here reads X-Forwarded-For: a client can write that.
export const CLIENT_ADDRESS_HEADER = 'x-agenda-client-address';

/** Where a request comes from, for audit events and sign-in limits. */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim().slice(0, 64) || 'unknown';
}

export function userAgentOf(headers: Headers): string | null {
  return headers.get('user-agent')?.slice(0, 512) ?? null;
}
