import path from 'node:path';
import { closeDatabase, getDatabase } from '@/db/client';
import { type JobRunner, startJobs } from '@/lib/server/jobs/worker';
import type { AppEnv } from '@/lib/env';
import { CliError } from '../scripts/lib/cli';
import { distFolder, ensureBuild } from '../scripts/lib/start-build';
import { prepareDatabase } from './database';
import { createAppServer } from './http-server';
import { createLogger, routeConsoleToLog } from './log';
import { routePatterns } from './route-patterns';

/** How long a stopping server keeps answering the requests it already received. */
const DRAIN_MS = 10_000;

interface ServeOptions {
  env: AppEnv;
  dev: boolean;
  /** Lets go of the embedded database's folder; called once the database is closed. */
  release: () => void;
}

/**
 * `npm start` and `npm run dev`: listen at once (answering /api/health and /api/ready), then
 * migrate, seed the embedded database when empty, build when the code changed, prepare Next and
 * report ready. SIGTERM or SIGINT drains the requests in flight, closes the database and exits 0.
 */
export async function serve({ env, dev, release }: ServeOptions): Promise<void> {
  const logger = createLogger(env.logLevel);
  routeConsoleToLog(logger);
  const app = createAppServer(env, logger);
  const started = performance.now();
  let next: { close(): Promise<void> } | undefined;
  let jobs: JobRunner | undefined;
  let stopping = false;
  let startup: Promise<void> = Promise.resolve();

  const building = new AbortController();
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping: finishing the requests in flight');
    building.abort();
    const { unfinished } = await app.drain(DRAIN_MS, env.shutdownDelayMs);
    if (unfinished > 0) logger.warn({ unfinished }, `Closed ${unfinished} requests still running after ${DRAIN_MS / 1000} s`);
    // A migration or Next's preparation under way finishes first: the database closes after it.
    await startup.catch(() => undefined);
    await next?.close().catch((error: unknown) => logger.warn({ err: error }, 'Next did not close cleanly'));
    // The job queue finishes the jobs it holds (up to 10 s); one cut off runs again elsewhere or after a restart.
    await jobs?.stop().catch((error: unknown) => logger.warn({ err: error }, 'The job queue did not stop cleanly'));
    await closeDatabase();
    release();
    logger.info('Stopped');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  await listen(app.server, env.port);
  logger.info({ port: env.port, mode: dev ? 'development' : 'production' }, `Listening on http://localhost:${env.port}`);

  startup = (async () => {
    app.setPhase('migrating');
    await prepareDatabase(env, logger);
    if (stopping) return;
    jobs = await startJobs({ handle: await getDatabase(), env, secret: process.env.AUTH_SECRET ?? '', log: logger });
    logger.info({ email: env.smtpUrl ? 'smtp' : 'off' }, env.smtpUrl ? 'Job queue started; e-mail on' : 'Job queue started; e-mail off (no SMTP_URL): in-app notifications only');
    if (stopping) return;
    if (!dev) {
      app.setPhase('building');
      await ensureBuild((line) => logger.info(line), building.signal);
    }
    if (stopping) return;
    app.setPhase('preparing');
    const { default: createNext } = await import('next');
    const nextApp = createNext({ dev, dir: path.resolve('.'), port: env.port, hostname: 'localhost', httpServer: app.server });
    next = nextApp;
    await nextApp.prepare();
    if (stopping) return;
    app.serve(nextApp.getRequestHandler(), routePatterns(distFolder()));
    logger.info({ ms: Math.round(performance.now() - started) }, 'Ready');
  })();
  // A start cut short by a signal ends through `stop`, with exit code 0.
  await startup.catch((error: unknown) => {
    if (!stopping) throw error;
  });
}

function listen(server: import('node:http').Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new CliError(`Port ${port} is in use by another program: stop it, or set PORT to a free port.`) : error),
    );
    server.listen(port, () => resolve());
  });
}
