import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isBuildCurrent, sourceHash, stampBuild } from '../scripts/lib/build';

const BENCH_DIST_DIR = '.next-bench';

/** Builds into .next-bench unless a build of the current sources is already there. */
export function ensureBuild(root: string, log: (line: string) => void): { built: boolean; seconds: number } {
  const distDir = path.join(root, BENCH_DIST_DIR);
  const hash = sourceHash(root);
  if (isBuildCurrent(distDir, hash)) return { built: false, seconds: 0 };
  log(`Building the app into ${BENCH_DIST_DIR} (no build of the current sources there)…`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed; see the output above.');
  stampBuild(distDir, hash);
  return { built: true, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  process: ChildProcess;
  port: number;
  origin: string;
  authSecret: string;
  /** Peak resident memory seen so far (sum over the server's process tree), in bytes. */
  peakRss(): number;
  stop(): Promise<void>;
}

function descendants(pid: number): number[] {
  const all: number[] = [pid];
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    for (const child of children) all.push(...descendants(child));
  } catch {
    // The process is gone, or /proc does not list children: count what we have.
  }
  return all;
}

/** VmHWM (the kernel's own peak RSS) of one process, in bytes; 0 when unreadable. */
function peakOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts `next start` on the bench build against `databaseUrl`, and waits until it answers. */
export async function startServer(root: string, databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const authSecret = crypto.randomBytes(36).toString('base64url');
  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: 'true',
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
    },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  let peak = 0;
  const poll = setInterval(() => {
    if (child.pid) peak = Math.max(peak, descendants(child.pid).reduce((sum, pid) => sum + peakOf(pid), 0));
  }, 50);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    process: child,
    port,
    origin,
    authSecret,
    peakRss: () => {
      if (child.pid) peak = Math.max(peak, descendants(child.pid).reduce((sum, pid) => sum + peakOf(pid), 0));
      return peak;
    },
    stop: async () => {
      clearInterval(poll);
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
