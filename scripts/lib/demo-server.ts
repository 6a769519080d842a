import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { START_ARGS } from './start-command';

export interface DemoServer {
  baseURL: string;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The app as a new user gets it: `npm start` (migrate, seed the demo data, build when stale, serve)
 * on a fresh embedded database of its own, for browser tests and page-speed runs.
 */
export async function startDemoServer(options: { port: number; timeoutMs?: number }): Promise<DemoServer> {
  const baseURL = `http://localhost:${options.port}`;
  // A server left on the port would answer in place of this one, with data of its own.
  if (await answers(baseURL)) throw new Error(`Port ${options.port} is already in use: stop what runs there or choose another port.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-demo-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const server: ChildProcess = spawn(
    process.execPath,
    START_ARGS,
    // Its own process group, so that stopping it stops the Next server it starts as well.
    { env: { ...process.env, DATA_DIR: dataDir, PORT: String(options.port), DATABASE_URL: '' }, stdio: ['ignore', log, log], detached: true },
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  const stop = async () => {
    if (server.exitCode === null) {
      signalGroup('SIGINT');
      const exited = await new Promise<boolean>((resolve) => {
        server.once('exit', () => resolve(true));
        setTimeout(() => resolve(false), 10_000);
      });
      if (!exited) signalGroup('SIGKILL');
    }
    signalGroup('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, server, options.timeoutMs ?? 15 * 60_000);
  } catch (error) {
    process.stderr.write(fs.readFileSync(logFile, 'utf8').slice(-4000));
    await stop();
    throw error;
  }
  return { baseURL, dataDir, pid: server.pid!, stop };
}

async function answers(baseURL: string): Promise<boolean> {
  try {
    await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(baseURL: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app stopped during start (exit code ${server.exitCode}).`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer ${baseURL}/api/health within ${timeoutMs / 1000} s.`);
}
