import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { wrapPostgres } from '@/db/connect';
import { CliError, info, run } from './lib/cli';
import { ensureHaproxy, haproxyConfig, startHaproxy } from './cluster/haproxy';
import { type Instance, migrationsApplied, startInstance, stopInstance, waitReady } from './cluster/instances';
import { type PhaseResult, runPhase, type WriteRecord } from './cluster/load';
import { type Check, checkWrites, formatChecks, formatPhase } from './cluster/report';

// `npm run cluster`: three instances of the tracker on one fresh PostgreSQL database, started at
// the same moment, behind HAProxy; mixed load at 50 and 200 connections while one instance is
// stopped (SIGTERM) and started again, then once killed (SIGKILL); then every write is counted.
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--duration') + 1] ?? 60) || 60;
const serverUrl = process.env.CLUSTER_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = process.env.CLUSTER_DATABASE_PREFIX ?? 'agenda_cluster';
const basePort = Number(process.env.CLUSTER_PORT ?? 8080);
const outDir = path.resolve('artifacts', 'cluster');

/** Waits until the instances have worked off what the last phase left running (at most 2 minutes). */
async function settle(lb: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const started = Date.now();
    const answered = await fetch(`${lb}/sign-in`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.ok, () => false);
    if (answered && Date.now() - started < 1500) return;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

run(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    info(line);
  };
  const haproxyBinary = ensureHaproxy(say);
  // Something left on these ports (an earlier run's instance) would answer in place of the new ones.
  for (const port of [basePort, basePort + 1, basePort + 2, basePort + 3]) {
    const taken = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) }).then(() => true, () => false);
    if (taken) throw new CliError(`Port ${port} is in use: stop what runs there, or set CLUSTER_PORT (it uses that port and the next three).`);
  }
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url.toString(),
    AUTH_SECRET: crypto.randomBytes(33).toString('base64'),
    // HAProxy runs on this machine: the instances take the client address from it alone.
    TRUST_PROXY: '127.0.0.1',
    // Longer than HAProxy takes to see /api/ready fail twice (checks every 0.5 s once one fails).
    SHUTDOWN_DELAY: '3',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const instances: Instance[] = [1, 2, 3].map((i) => ({ name: `instance${i}`, port: basePort + i, logFile: path.join(outDir, `instance${i}.log`) }));
  let haproxy: ReturnType<typeof startHaproxy> | undefined;
  const handle = wrapPostgres(postgres(url.toString(), { max: 2, onnotice: () => {} }));
  const checks: Check[] = [];
  try {
    say(`Database ${name} on ${url.host}; machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    say('Starting three instances at the same moment on the empty database…');
    for (const instance of instances) startInstance(instance, env);
    const readyMs = await Promise.all(instances.map((instance) => waitReady(instance)));
    const applied = instances.map((instance) => migrationsApplied(instance) ?? -1);
    say(`All ready after ${(Math.max(...readyMs) / 1000).toFixed(1)} s; migrations applied per instance: ${applied.join(', ')}`);
    checks.push({ name: 'exactly one instance migrated', pass: applied.filter((n) => n > 0).length === 1 && applied.every((n) => n >= 0), detail: applied.join(', ') });

    haproxy = startHaproxy(haproxyBinary, outDir, haproxyConfig(basePort, instances.map((i) => i.port)));
    const lb = `http://127.0.0.1:${basePort}`;
    await waitReady({ name: 'haproxy', port: basePort, logFile: path.join(outDir, 'haproxy.log') }, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const seed = spawnSync('npm', ['run', '--silent', 'db:seed'], { env, encoding: 'utf8' });
    if (seed.status !== 0) throw new Error(`npm run db:seed failed:\n${seed.stderr}`);
    say(seed.stdout.trim());
    const { prepareFixture } = await import('./cluster/fixture');
    const fixture = await prepareFixture(handle, lb, { staffPerOrganisation: 2, reviewers: 8 });
    say(`Load accounts signed in through HAProxy: ${fixture.staffCookies.length} staff of the leading organisations, ${fixture.reviewerCookies.length} reviewers; ${fixture.commitmentIds.length} commitments, ${fixture.updatable.length} open to updates`);

    const writes = new Map<string, WriteRecord>();
    const restart = (instance: Instance, signal: NodeJS.Signals) => async (events: string[]) => {
      const stopped = await stopInstance(instance, signal);
      events.push(`${signal} to ${instance.name}: exited ${stopped.signal ?? `with code ${stopped.code}`} after ${(stopped.ms / 1000).toFixed(1)} s`);
      if (signal === 'SIGTERM') checks.push({ name: `${instance.name} stopped cleanly on SIGTERM`, pass: stopped.code === 0, detail: `exit code ${stopped.code}` });
      startInstance(instance, env);
      events.push(`${instance.name} ready again ${(await waitReady(instance)) / 1000} s after its restart`);
    };
    const phases: PhaseResult[] = [];
    const plan = [
      { name: 'Phase 1 (SIGTERM)', connections: 50, seconds, midway: restart(instances[1]!, 'SIGTERM') },
      { name: 'Phase 2 (SIGTERM)', connections: 200, seconds, midway: restart(instances[2]!, 'SIGTERM') },
      { name: 'Phase 3 (SIGKILL, reported separately)', connections: 50, seconds: Math.max(10, Math.round(seconds / 2)), midway: restart(instances[0]!, 'SIGKILL') },
    ];
    for (const step of plan) {
      say(`${step.name}: ${step.connections} connections for ${step.seconds} s…`);
      const phase = await runPhase(lb, fixture, writes, step);
      phases.push(phase);
      say(formatPhase(phase));
      say(`  load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      if (!step.name.includes('SIGKILL')) {
        checks.push({ name: `${step.name}: no 5xx`, pass: phase.classes['5xx'] === 0, detail: `${phase.classes['5xx']} 5xx, ${phase.errors} connection errors` });
      }
      await settle(lb);
    }
    checks.push(...(await checkWrites(handle, writes)));
    say(`\n${formatChecks(checks)}`);
  } finally {
    haproxy?.kill('SIGTERM');
    await Promise.all(instances.filter((i) => i.process?.exitCode === null).map((i) => stopInstance(i, 'SIGTERM')));
    await handle.close();
    if (!args.includes('--keep')) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.writeFileSync(path.join(outDir, 'report.txt'), `${lines.join('\n')}\n`);
  }
  if (checks.some((check) => !check.pass)) process.exitCode = 1;
});
