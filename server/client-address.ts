import net from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import type { TrustProxy } from '@/lib/env';
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/client-address';

interface ClientOrigin {
  /** The client's address: the peer, or the right-most X-Forwarded-For entry no trusted proxy vouches for. */
  address: string;
  /** Whether the connection comes from a proxy the operator trusts, whose forwarded headers count. */
  peerTrusted: boolean;
}

const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

/** `::ffff:10.0.0.1` is how an IPv4 peer appears on a dual-stack socket. */
function normalise(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

export function trustedAddresses(trust: TrustProxy): (address: string) => boolean {
  if (trust.kind !== 'ranges') return () => false;
  const list = new net.BlockList();
  for (const range of trust.ranges) list.addSubnet(range.address, range.prefix, range.family);
  return (address) => {
    const version = net.isIP(address);
    return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

function forwardedChain(headers: IncomingHttpHeaders): string[] {
  const raw = headers['x-forwarded-for'];
  const joined = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return joined.split(',').map(normalise).filter((entry) => entry !== '');
}

/** Works out the client from the connection and, only through trusted proxies, X-Forwarded-For. */
export function resolveClient(peer: string | undefined, headers: IncomingHttpHeaders, trust: TrustProxy, isTrusted = trustedAddresses(trust)): ClientOrigin {
  const peerAddress = normalise(peer ?? '') || 'unknown';
  if (trust.kind === 'none') return { address: peerAddress, peerTrusted: false };
  // The chain as the last proxy saw it, nearest hop last: [client?, proxy1, ..., peer].
  const chain = [...forwardedChain(headers), peerAddress];
  if (trust.kind === 'hops') {
    // With n trusted hops, the client is the entry n places to the left of the peer.
    return { address: chain[Math.max(0, chain.length - 1 - trust.hops)]!, peerTrusted: true };
  }
  if (!isTrusted(peerAddress)) return { address: peerAddress, peerTrusted: false };
  let address = peerAddress;
  for (let i = chain.length - 2; i >= 0; i--) {
    const entry = chain[i]!;
    // An entry that is no address at all was written by a client; stop at the last real one.
    if (net.isIP(entry) === 0) break;
    address = entry;
    if (!isTrusted(entry)) break;
  }
  return { address, peerTrusted: true };
}

/**
 * Rewrites the request's headers before the app sees them: the client address in the one header
 * the app reads (any copy the client sent is replaced), and the forwarded headers only when a
 * trusted proxy sent them, so neither the app nor Next nor next-auth can be told another host.
 */
export function applyClientHeaders(headers: IncomingHttpHeaders, client: ClientOrigin): void {
  if (!client.peerTrusted) for (const name of FORWARDED_HEADERS) delete headers[name];
  delete headers['x-real-ip'];
  headers[CLIENT_ADDRESS_HEADER] = client.address;
}
