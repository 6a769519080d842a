import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

// The app as a user gets it: `npm start` (migrate, seed the demo data, build when stale, serve) on
// a fresh embedded database of its own. E2E_BASE_URL points the journeys at a server already running.
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('baseURL', process.env.E2E_BASE_URL);
    return;
  }
  const port = Number(process.env.E2E_PORT ?? 3210);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-e2e-'));
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  const server: ChildProcess = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=react-server', 'scripts/start.ts'],
    { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' }, stdio: ['ignore', log, log] },
  );
  const baseURL = `http://localhost:${port}`;
  try {
    await waitForHealth(baseURL, server, 15 * 60_000);
  } catch (error) {
    process.stderr.write(fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8').slice(-4000));
    server.kill('SIGINT');
    throw error;
  }
  project.provide('baseURL', baseURL);

  return async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => {
      server.once('exit', resolve);
      setTimeout(resolve, 10_000);
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForHealth(baseURL: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app stopped during start (exit code ${server.exitCode}).`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer ${baseURL}/api/health within ${timeoutMs / 1000} s.`);
}
