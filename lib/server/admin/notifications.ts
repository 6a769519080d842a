import 'server-only';
import { failedEmailCount, lastRuns, outboxDepth, queueFigures, recentFailures } from '@/db/queries/job-queue';
import { readEnv, redactUrl } from '@/lib/env';
import type { RequestContext } from '../context';
import { authorize } from '../guard';
import { EMAIL_QUEUE, SCHEDULED_QUEUES, SCHEDULES } from '../jobs/queues';

/** The administrators' view of notification delivery: e-mail on or off, queue depth, failures, the schedules' last runs. */
export async function getNotificationAdmin(ctx: RequestContext) {
  const { db } = authorize(ctx, 'admin.notifications');
  const env = readEnv();
  const names = [EMAIL_QUEUE, ...SCHEDULED_QUEUES];
  const [queues, failures, runs, outbox, failedEmails] = await Promise.all([
    queueFigures({ db, names }), recentFailures({ db }), lastRuns({ db, names: SCHEDULED_QUEUES }), outboxDepth({ db }), failedEmailCount({ db }),
  ]);
  let smtpHost: string | null = null;
  if (env.smtpUrl) {
    try {
      smtpHost = new URL(redactUrl(env.smtpUrl)).host;
    } catch {
      smtpHost = '?';
    }
  }
  return {
    email: env.smtpUrl ? { host: smtpHost, from: env.mailFrom ?? '' } : null,
    queues,
    failures,
    schedules: SCHEDULED_QUEUES.map((name) => ({ name, cron: SCHEDULES[name], last: runs.find((r) => r.name === name) ?? null })),
    outbox,
    failedEmails,
  };
}
