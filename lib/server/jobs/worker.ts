import 'server-only';
import { fromPglite, PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '@/db/connect';
import type { AppEnv } from '@/lib/env';
import { deliverEmail, type EmailJob } from '../notifications/deliver';
import { type Mailer, smtpMailer } from '../notifications/mailer';
import { purgeOldNotifications, runDailyDigest, runReminders, runWeeklyDigest } from '../notifications/scheduled';
import { drainOutbox } from './outbox';
import { EMAIL_QUEUE, RETRY, SCHEDULED_QUEUES, SCHEDULES, type ScheduledQueue } from './queues';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobRunner {
  boss: PgBoss;
  /** Moves what the outbox holds into the queue now (the loop does it every `pollMs`). */
  drainNow(): Promise<number>;
  stop(): Promise<void>;
}

interface StartOptions {
  handle: DatabaseHandle;
  env: Pick<AppEnv, 'smtpUrl' | 'mailFrom' | 'publicUrl'>;
  secret: string;
  log: Log;
  /** Off in tests that run the schedules' work themselves. */
  schedule?: boolean;
  pollMs?: number;
  /** Another transport (tests); by default SMTP_URL's, or none (in-app only). */
  mailer?: Mailer | null;
}

const SCHEDULED_WORK: Record<ScheduledQueue, (handle: DatabaseHandle) => Promise<number>> = {
  reminders: (h) => runReminders(h.db),
  'daily-digest': (h) => runDailyDigest(h.db),
  'weekly-digest': (h) => runWeeklyDigest(h.db),
  'notification-purge': (h) => purgeOldNotifications(h.db),
};

/**
 * The job queue of this process: pg-boss on the app's database (on the embedded one through its
 * PGlite adapter, inside this one process), the outbox relay, the e-mail worker and the schedules.
 * pg-boss's cron sends each scheduled job once per period for all instances together, and a job is
 * fetched by one worker only (SKIP LOCKED), so several instances share the work without doing it twice.
 */
export async function startJobs({ handle, env, secret, log, schedule = true, pollMs = 1000, mailer }: StartOptions): Promise<JobRunner> {
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(handle.pglite!), backend: 'pglite', schedule, supervise: true })
      : new PgBoss({ connectionString: handle.url!, max: 3, schedule, application_name: 'agenda-jobs' });
  boss.on('error', (error) => log.error({ err: error }, 'Job queue error'));
  await boss.start();
  for (const name of [EMAIL_QUEUE, ...SCHEDULED_QUEUES]) await boss.createQueue(name, { ...RETRY, expireInSeconds: 300 });
  if (schedule) {
    for (const name of SCHEDULED_QUEUES) await boss.schedule(name, SCHEDULES[name], {}, { tz: 'UTC' });
    // An instance that was down at the reminders' hour catches up when it starts. Every instance asks;
    // pg-boss keeps one job per day (a singleton slot), and the reminders' own keys make a rerun a no-op.
    await boss.send('reminders', {}, { ...RETRY, singletonKey: 'catch-up', singletonSeconds: 86_400 });
  }

  const transport = mailer === undefined ? (env.smtpUrl && env.mailFrom ? smtpMailer(env.smtpUrl, env.mailFrom) : null) : mailer;
  await boss.work<EmailJob>(EMAIL_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    // Without SMTP the app is in-app only: the notifications stay, nothing is sent.
    if (!job || !transport) return;
    const result = await deliverEmail({ db: handle.db, mailer: transport, secret, publicUrl: env.publicUrl }, job.data, {
      final: job.retryCount >= RETRY.retryLimit,
    });
    return { result };
  });
  for (const name of SCHEDULED_QUEUES) {
    await boss.work(name, { pollingIntervalSeconds: 5, batchSize: 1 }, async () => {
      const count = await SCHEDULED_WORK[name](handle);
      log.info({ job: name, count }, `Scheduled job ${name} done`);
      return { count };
    });
  }

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const drainNow = () => drainOutbox(handle.db, boss);
  let busy = false;
  const loop = setInterval(() => {
    // One relay at a time: a slow one is not queued behind by the next ticks.
    if (stopped || busy) return;
    busy = true;
    running = drainNow()
      .catch((error: unknown) => log.warn({ err: error }, 'Moving jobs into the queue failed; retrying'))
      .finally(() => (busy = false));
  }, pollMs);

  return {
    boss,
    drainNow,
    async stop() {
      stopped = true;
      clearInterval(loop);
      await running;
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
      transport?.close();
    },
  };
}
