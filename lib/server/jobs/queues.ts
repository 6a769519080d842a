// The queues and schedules of the job queue (pg-boss), by name; pure data shared by the worker and
// the admin page.

export const EMAIL_QUEUE = 'notification-email';

/** Scheduled jobs: pg-boss's cron sends one job per period for the whole cluster (UTC). */
export const SCHEDULES = {
  reminders: '0 6 * * *',
  'daily-digest': '0 7 * * *',
  'weekly-digest': '0 7 * * 1',
  'notification-purge': '30 3 * * *',
} as const;
export type ScheduledQueue = keyof typeof SCHEDULES;
export const SCHEDULED_QUEUES = Object.keys(SCHEDULES) as ScheduledQueue[];

/** Retries with exponential backoff: 30 s, 1 min, 2 min, ... up to 30 min; then the job is failed and shown. */
export const RETRY = { retryLimit: 6, retryDelay: 30, retryBackoff: true, retryDelayMax: 1800 } as const;
