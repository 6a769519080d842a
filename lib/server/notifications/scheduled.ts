import 'server-only';
import type { Database } from '@/db/connect';
import { listDigestRecipients } from '@/db/queries/email-delivery';
import { findActiveUsersByRole, insertOutboxJobs, purgeNotificationsBefore } from '@/db/queries/notifications';
import { listActiveStaff, listDueReminders, weeklyFigures } from '@/db/queries/reminders';
import { NOTIFICATION_RETENTION_DAYS } from '@/lib/domain/notification-kinds';
import { EMAIL_QUEUE } from '../jobs/queues';
import { notifyPeople } from './produce';

/** The daily reminders: due in 14 days, overdue, no update for 50 days. Returns how many people were told. */
export async function runReminders(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const [due, staff] = await Promise.all([listDueReminders({ db: tx }), listActiveStaff({ db: tx })]);
    let told = 0;
    for (const r of due) {
      const inserted = await notifyPeople(tx, { type: 'reminder', kind: r.kind, leads: r }, staff, {
        commitmentId: r.commitmentId,
        data: { due: r.due },
        dedupeKey: () => `${r.kind}:${r.commitmentId}:${r.period}`,
      });
      told += inserted.length;
    }
    return told;
  });
}

/** The officials' weekly digest of what moved, what is stuck and what awaits decisions; once per ISO week. */
export async function runWeeklyDigest(db: Database, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const [officials, figures] = await Promise.all([findActiveUsersByRole({ db: tx, role: 'official' }), weeklyFigures({ db: tx })]);
    const week = isoWeek(now);
    const inserted = await notifyPeople(tx, { type: 'weekly_digest' }, officials, {
      commitmentId: null,
      data: { ...figures },
      dedupeKey: () => `weekly_digest:${week}`,
    });
    return inserted.length;
  });
}

/** Queues each person's daily digest of the notifications they chose to receive daily. */
export async function runDailyDigest(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const people = await listDigestRecipients({ db: tx });
    await insertOutboxJobs({ db: tx, jobs: people.map((userId) => ({ queue: EMAIL_QUEUE, data: { userId, subjectKey: 'digest', mode: 'daily' } })) });
    return people.length;
  });
}

/** Notifications are kept 180 days. */
export async function purgeOldNotifications(db: Database, now = new Date()): Promise<number> {
  return purgeNotificationsBefore({ db, before: new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * 86_400_000) });
}

function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
