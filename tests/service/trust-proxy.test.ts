import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseTrustProxy } from '../../lib/env';
import { MAX_FAILURES } from '../../lib/server/sign-in';
import { resolveClient } from '../../server/client-address';
import { signIn } from './support/http';
import { BUILD_TIMEOUT_MS, ensureServiceBuild, freshDataDir, startService } from './support/service';
import { START_ARGS } from '../../scripts/lib/start-command';

const xff = (value: string) => ({ 'x-forwarded-for': value });

describe('TRUST_PROXY', () => {
  it('reads a hop count or a list of addresses and ranges, and refuses anything else with a clear message', () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1')).toEqual({
      kind: 'ranges',
      ranges: [
        { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { address: '127.0.0.1', prefix: 32, family: 'ipv4' },
        { address: '::1', prefix: 128, family: 'ipv6' },
      ],
    });
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0/8', 'proxy.internal', '1.2.3.4/8/9']) {
      expect(() => parseTrustProxy(bad)).toThrow(ConfigError);
    }
  });

  it('stops npm start with one line when it cannot be read', () => {
    const run = spawnSync(process.execPath, START_ARGS, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', TRUST_PROXY: 'the load balancer', DATA_DIR: '/nonexistent/agenda', PORT: '39998' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line.trim())).toEqual([expect.stringMatching(/^Error: TRUST_PROXY must be the number of proxies/)]);
  });

  it('takes the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClient('::ffff:198.51.100.4', xff('6.6.6.6'), parseTrustProxy(undefined))).toEqual({ address: '198.51.100.4', peerTrusted: false });
  });

  it('counts hops from the peer with a hop count', () => {
    expect(resolveClient('10.0.0.2', xff('6.6.6.6, 203.0.113.5'), parseTrustProxy('1')).address).toBe('203.0.113.5');
    expect(resolveClient('10.0.0.2', xff('6.6.6.6, 203.0.113.5, 10.0.0.9'), parseTrustProxy('2')).address).toBe('203.0.113.5');
    expect(resolveClient('10.0.0.2', {}, parseTrustProxy('1')).address).toBe('10.0.0.2');
  });

  it('takes the right-most address no trusted proxy accounts for with a list', () => {
    const trust = parseTrustProxy('10.0.0.0/8');
    expect(resolveClient('10.0.0.2', xff('6.6.6.6, 203.0.113.5, 10.1.1.1'), trust)).toEqual({ address: '203.0.113.5', peerTrusted: true });
    // A peer outside the list is the client, and its forwarded headers do not count.
    expect(resolveClient('198.51.100.4', xff('6.6.6.6'), trust)).toEqual({ address: '198.51.100.4', peerTrusted: false });
    expect(resolveClient('10.0.0.2', xff('not-an-address, 10.1.1.1'), trust).address).toBe('10.1.1.1');
  });
});

// The lock-out by address, over HTTP against the real server, with a client that forges
// X-Forwarded-For on every attempt. `forged(i)` is what arrives at the server on attempt i.
const modes = [
  { name: 'no trusted proxy', trust: '', forged: (i: number) => `198.18.${i}.1`, client: '127.0.0.1' },
  { name: 'a hop count', trust: '1', forged: (i: number) => `198.18.${i}.1, 203.0.113.5`, client: '203.0.113.5' },
  { name: 'a trusted range', trust: '127.0.0.0/8', forged: (i: number) => `198.18.${i}.1, 203.0.113.5`, client: '203.0.113.5' },
];

describe.each(modes)('the sign-in lock-out by address with $name', ({ trust, forged, client }) => {
  it('cannot be evaded by forging X-Forwarded-For, and records the real address', { timeout: BUILD_TIMEOUT_MS }, async () => {
    await ensureServiceBuild();
    const dataDir = await freshDataDir();
    const service = await startService({ env: { DATA_DIR: dataDir, TRUST_PROXY: trust } });
    try {
      for (let i = 0; i < MAX_FAILURES; i++) {
        const attempt = await signIn(service.port, `nobody-${crypto.randomUUID()}@agenda.test`, 'not-the-password', xff(forged(i)));
        expect(attempt.session).toBeUndefined();
      }
      const right = await signIn(service.port, 'reviewer@agenda.test', 'demo-password-2026', xff(forged(99)));
      expect(right.session).toBeUndefined();
      if (trust) {
        // Another client behind the same proxy is not locked out.
        const other = await signIn(service.port, 'reviewer@agenda.test', 'demo-password-2026', xff('198.18.0.1, 203.0.113.6'));
        expect(other.session).toBeTruthy();
      }
    } finally {
      expect(await service.stop()).toBe(0);
    }
    const db = await PGlite.create(path.join(dataDir, 'pgdata'));
    try {
      const { rows } = await db.query<{ source_address: string; outcome: string }>('select source_address, outcome from sign_in_attempts where source_address = $1', [client]);
      expect(rows.filter((r) => r.outcome === 'failure')).toHaveLength(MAX_FAILURES);
      expect(rows.filter((r) => r.outcome === 'locked')).toHaveLength(1);
      const forgedRows = await db.query('select 1 from audit_events where source_address like $1', ['198.18.%']);
      expect(forgedRows.rows).toHaveLength(0);
    } finally {
      await db.close();
    }
  });
});
