import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { wrapPostgres } from '../../db/connect';
import { seedDemoData } from '../../db/seed';
import { withDatabase } from '../support/global-setup';
import { rawRequest, request, signIn } from './support/http';
import { BUILD_TIMEOUT_MS, ensureServiceBuild, freshDataDir, type Service, startService, waitReady } from './support/service';

const journal = JSON.parse(fs.readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };

describe('start-up and readiness', () => {
  it('listens at once, answers /api/ready 503 until it can serve, 200 while it serves, and 503 again once told to stop', { timeout: BUILD_TIMEOUT_MS }, async () => {
    await ensureServiceBuild();
    const service = await startService({ env: { DATA_DIR: await freshDataDir(), SHUTDOWN_DELAY: '3' }, waitReady: false });
    try {
      const seen: { status: number; phase: string; health?: number }[] = [];
      const deadline = Date.now() + 5 * 60_000;
      while (Date.now() < deadline && seen.at(-1)?.status !== 200) {
        try {
          const ready = await request(service.port, 'GET', '/api/ready');
          const health = ready.status === 503 ? (await request(service.port, 'GET', '/api/health')).status : undefined;
          seen.push({ status: ready.status, phase: (JSON.parse(ready.body) as { status: string }).status, health });
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen[0]).toMatchObject({ status: 503 });
      expect(seen.filter((s) => s.status === 503).map((s) => s.phase)).toEqual(expect.arrayContaining(['preparing']));
      expect(seen.filter((s) => s.status === 503).every((s) => s.health === 503)).toBe(true);
      expect(seen.at(-1)).toEqual({ status: 200, phase: 'ready', health: undefined });
      const health = await request(service.port, 'GET', '/api/health');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });

      // With SHUTDOWN_DELAY, a stopping server says so and keeps serving for a load balancer to notice.
      service.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const draining = await request(service.port, 'GET', '/api/ready');
      expect({ status: draining.status, body: draining.body, connection: draining.headers.connection }).toEqual({ status: 503, body: '{"status":"draining"}', connection: 'close' });
      expect((await request(service.port, 'GET', '/sign-in')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3500));
      await expect(request(service.port, 'GET', '/api/ready')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(await service.exited).toBe(0);
    } finally {
      await service.stop();
    }
  });
});

describe('a clean stop on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, closes idle ones, closes the database and exits 0', { timeout: BUILD_TIMEOUT_MS }, async () => {
    await ensureServiceBuild();
    const dataDir = await freshDataDir();
    const service = await startService({ env: { DATA_DIR: dataDir } });
    const staff = await signIn(service.port, 'staff@agenda.test', 'demo-password-2026');
    const list = await request(service.port, 'GET', '/api/v1/commitments?pageSize=1', { headers: { cookie: staff.session! } });
    const commitmentId = (JSON.parse(list.body) as { items: { id: string }[] }).items[0]!.id;

    // An idle keep-alive connection, and a comment whose body is still arriving when SIGTERM comes.
    // (A connection that has never sent a request counts as busy until the headers timeout: Node's rule.)
    const idle = net.connect(service.port, '127.0.0.1');
    const idleClosed = new Promise<number>((resolve) => idle.on('close', () => resolve(Date.now())));
    await new Promise<void>((resolve) => {
      idle.once('data', () => resolve());
      idle.write('GET /api/ready HTTP/1.1\r\nHost: localhost\r\n\r\n');
    });
    const marker = `in-flight-${crypto.randomUUID()}`;
    const body = JSON.stringify({ body: `Posted while the server stops ${marker}` });
    const inFlight = rawRequest(
      service.port,
      `POST /api/v1/commitments/${commitmentId}/comments HTTP/1.1\r\nHost: localhost\r\nCookie: ${staff.session}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      { later: { afterMs: 3000, bytes: body.slice(10) } },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // A readiness check whose headers end only after the signal: it is answered while draining.
    const readiness = rawRequest(service.port, 'GET /api/ready HTTP/1.1\r\nHost: localhost\r\n', { later: { afterMs: 1000, bytes: '\r\n' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const signalled = Date.now();
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const refused = await new Promise<string>((resolve) => {
      const late = net.connect(service.port, '127.0.0.1');
      late.on('connect', () => resolve('accepted'));
      late.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    expect((await idleClosed) - signalled).toBeLessThan(1500);

    const answer = await inFlight;
    expect(answer.status, service.output().slice(-2000)).toBe(201);
    expect(answer.headers.connection).toBe('close');
    expect(await readiness).toMatchObject({ status: 503, body: '{"status":"draining"}' });
    expect(await service.exited).toBe(0);
    expect(service.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['Stopping: finishing the requests in flight', 'Stopped']));

    expect(fs.existsSync(path.join(dataDir, 'server.pid'))).toBe(false);
    const db = await PGlite.create(path.join(dataDir, 'pgdata'));
    try {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from comments where body like $1', [`%${marker}`]);
      expect(rows[0]!.n).toBe(1);
    } finally {
      await db.close();
    }
  });
});

// Several instances need a server they can all reach: PGlite lives inside one process.
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  describe('three instances started together on one empty PostgreSQL database', () => {
    it('migrate exactly once, all serve, and share sessions', { timeout: BUILD_TIMEOUT_MS }, async () => {
      await ensureServiceBuild();
      const name = `agenda_test_${crypto.randomBytes(6).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const env = { DATABASE_URL: withDatabase(serverUrl, name), AUTH_SECRET: crypto.randomBytes(33).toString('base64') };
      const services: Service[] = [];
      try {
        services.push(...(await Promise.all([1, 2, 3].map(() => startService({ env, waitReady: false })))));
        await Promise.all(services.map((service) => waitReady(service)));
        const applied = services.map((service) => service.lines().find((l) => typeof l.applied === 'number')?.applied);
        expect(applied.sort()).toEqual([0, 0, journal.entries.length]);

        const db = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
        const [row] = await db<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
        await db.end();
        expect(row!.n).toBe(journal.entries.length);
        for (const service of services) expect((await request(service.port, 'GET', '/api/health')).status).toBe(200);

        // A session opened on one instance holds on the others.
        const seeder = wrapPostgres(postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} }));
        await seedDemoData(seeder.db);
        await seeder.close();
        const staff = await signIn(services[0]!.port, 'staff@agenda.test', 'demo-password-2026');
        for (const service of services.slice(1)) {
          const list = await request(service.port, 'GET', '/api/v1/commitments?pageSize=1', { headers: { cookie: staff.session! } });
          expect(list.status).toBe(200);
        }
      } finally {
        const codes = await Promise.all(services.map((service) => service.stop()));
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
        expect(codes).toEqual(services.map(() => 0));
      }
    });
  });
}
