import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { START_ARGS } from '../lib/start-command';

export interface Instance {
  name: string;
  port: number;
  logFile: string;
  process?: ChildProcess;
  exited?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts one `npm start` (the same script, without npm in between, so signals reach it). */
export function startInstance(instance: Instance, env: NodeJS.ProcessEnv): void {
  const log = fs.openSync(instance.logFile, 'a');
  const child = spawn(process.execPath, START_ARGS, {
    cwd: path.resolve('.'),
    env: { ...env, PORT: String(instance.port) },
    stdio: ['ignore', log, log],
  });
  instance.process = child;
  instance.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

export async function waitReady(instance: Instance, timeoutMs = 15 * 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (instance.process?.exitCode !== null && instance.process?.exitCode !== undefined) {
      throw new Error(`${instance.name} exited with ${instance.process.exitCode} during start; see ${instance.logFile}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/api/ready`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${instance.name} was not ready within ${timeoutMs / 1000} s; see ${instance.logFile}`);
}

export async function stopInstance(instance: Instance, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  instance.process?.kill(signal);
  const result = await instance.exited!;
  return { ...result, ms: Date.now() - started };
}

/** How many migrations each instance applied at its first start, from its log. */
export function migrationsApplied(instance: Instance): number | undefined {
  for (const line of fs.readFileSync(instance.logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { applied?: number };
    if (typeof entry.applied === 'number') return entry.applied;
  }
  return undefined;
}
