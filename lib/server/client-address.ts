// Where a request comes from, for audit events and sign-in limits. Behind a proxy the first
// X-Forwarded-For entry is the client; `next start` sets it for direct connections too.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const real = headers.get('x-real-ip')?.trim();
  const address = forwarded || real || 'unknown';
  return address.slice(0, 64);
}

export function userAgentOf(headers: Headers): string | null {
  return headers.get('user-agent')?.slice(0, 512) ?? null;
}
