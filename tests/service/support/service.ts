import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { wrapPglite } from '../../../db/connect';
import { seedDemoData } from '../../../db/seed';
import { ensureBuild } from '../../../scripts/lib/start-build';
import { START_ARGS } from '../../../scripts/lib/start-command';

/** Long enough for a first production build on a busy two-core machine. */
export const BUILD_TIMEOUT_MS = 15 * 60_000;

/**
 * The production build these tests serve. Every file asks; the first builds under the same lock
 * `npm start` takes, the others (and later `npm start` runs and browser tests) reuse it.
 */
export async function ensureServiceBuild(): Promise<void> {
  await ensureBuild((line) => process.stdout.write(`${line}\n`));
}

let seeded: Promise<string> | undefined;

/** A data folder with the migrated schema and the demo data, made once per test process. */
function seededDataDir(): Promise<string> {
  seeded ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-service-seed-'));
    fs.mkdirSync(path.join(dir, 'pgdata'));
    const client = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), loadDataDir: new Blob([fs.readFileSync(inject('pgliteSnapshot'))]) });
    const handle = wrapPglite(client);
    await seedDemoData(handle.db);
    await handle.close();
    return dir;
  })();
  return seeded;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface Service {
  port: number;
  origin: string;
  child: ChildProcess;
  /** Everything the process wrote, standard output and error. */
  output(): string;
  /** Its JSON log lines. */
  lines(): LogLine[];
  /** The log line of one request, by its x-request-id (written as its answer goes out). */
  lineFor(requestId: unknown): Promise<LogLine | undefined>;
  /** Sends a signal and waits for the exit code; SIGKILL follows after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
  exited: Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Wait until /api/ready answers 200 (default); false returns as soon as the process runs. */
  waitReady?: boolean;
}

/** `npm start` as an operator runs it, on a port of its own. */
export async function startService(options: StartOptions = {}): Promise<Service> {
  const port = await freePort();
  const child = spawn(process.execPath, START_ARGS, {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: '', TRUST_PROXY: '', AUTH_URL: '', PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: Service = {
    port,
    origin: `http://localhost:${port}`,
    child,
    output: () => output,
    lines: () => output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine),
    lineFor: async (requestId) => {
      for (let i = 0; i < 40; i++) {
        const line = service.lines().find((l) => l.reqId === requestId && l.msg === 'request');
        if (line) return line;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return undefined;
    },
    exited,
    stop: async (signal = 'SIGTERM', graceMs = 20_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  if (options.waitReady !== false) await waitReady(service);
  return service;
}

export async function waitReady(service: Service, timeoutMs = 5 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`The server exited with ${service.child.exitCode}:\n${service.output().slice(-3000)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/api/ready`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within ${timeoutMs / 1000} s:\n${service.output().slice(-3000)}`);
}

/** A copy of the seeded data folder for one server. */
export async function freshDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-service-'));
  fs.cpSync(await seededDataDir(), dir, { recursive: true });
  return dir;
}
