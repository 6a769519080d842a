import 'server-only';
import type { Database } from '@/db/connect';
import { findCandidates, insertNotifications, insertOutboxJobs, listPreferences, type NewNotification } from '@/db/queries/notifications';
import { DEFAULT_DELIVERY, type DeliveryMode, type NotificationKind } from '@/lib/domain/notification-kinds';
import { EMAIL_QUEUE } from '../jobs/queues';
import { type NotificationEvent, type Person, type Recipient, recipientsOf } from '@/lib/domain/notification-rules';


interface Subject {
  commitmentId: string | null;
  statusUpdateId?: string | null;
  commentId?: string | null;
  actorId?: string | null;
  data?: Record<string, unknown>;
  /** Reminders and digests: makes a second run of the same period a no-op. */
  dedupeKey?: (recipient: Recipient) => string;
}

/**
 * Tells the people an event concerns, inside the transaction of the change: the notifications and the
 * e-mail jobs for them commit with the change or not at all.
 */
export async function notifyPeople(tx: Database, event: NotificationEvent, people: Person[], subject: Subject) {
  const recipients = recipientsOf(event, people);
  if (!recipients.length) return [];
  const modes = await deliveryModes(tx, recipients);
  const rows: NewNotification[] = recipients.map((r) => ({
    userId: r.userId,
    kind: r.kind,
    delivery: modes(r.userId, r.kind),
    commitmentId: subject.commitmentId,
    statusUpdateId: subject.statusUpdateId ?? null,
    commentId: subject.commentId ?? null,
    actorId: subject.actorId ?? null,
    dedupeKey: subject.dedupeKey?.(r) ?? null,
    data: subject.data ?? {},
  }));
  const inserted = await insertNotifications({ db: tx, rows });
  await insertOutboxJobs({
    db: tx,
    jobs: inserted
      .filter((n) => n.delivery === 'now')
      .map((n) => ({ queue: EMAIL_QUEUE, data: { userId: n.userId, subjectKey: n.commitmentId ?? 'general' } })),
  });
  return inserted;
}

/** Notifies of a change on a commitment: finds the candidates, then applies the rules. */
export async function notifyOnCommitment(
  tx: Database,
  event: NotificationEvent,
  subject: Subject & { commitmentId: string; threadRootId?: string | null; extraUserId?: string | null },
) {
  const people = await findCandidates({ db: tx, commitmentId: subject.commitmentId, threadRootId: subject.threadRootId, extraUserId: subject.extraUserId });
  return notifyPeople(tx, event, people, subject);
}

async function deliveryModes(tx: Database, recipients: Recipient[]) {
  const prefs = await listPreferences({ db: tx, userIds: [...new Set(recipients.map((r) => r.userId))] });
  const chosen = new Map(prefs.map((p) => [`${p.userId}:${p.kind}`, p.mode as DeliveryMode]));
  return (userId: string, kind: NotificationKind) => chosen.get(`${userId}:${kind}`) ?? DEFAULT_DELIVERY[kind];
}
