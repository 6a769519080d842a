import 'server-only';
import type { Database } from '@/db/connect';
import {
  claimForEmail, getAddressee, listPendingEmail, lockDeliveryWindow, markEmailed, releaseClaim, setDeliveryWindow, skipPendingEmail,
} from '@/db/queries/email-delivery';
import { insertOutboxJobs } from '@/db/queries/notifications';
import { DEFAULT_LOCALE, isLocale } from '@/i18n/config';
import { COALESCE_MINUTES, type NotificationKind } from '@/lib/domain/notification-kinds';
import { EMAIL_QUEUE } from '../jobs/queues';
import { renderMail } from './mail-template';
import type { Mailer } from './mailer';
import { unsubscribeToken } from './unsubscribe-token';

export interface DeliveryDeps {
  db: Database;
  mailer: Mailer;
  secret: string;
  publicUrl: string;
}

export interface EmailJob {
  userId: string;
  subjectKey: string;
  /** `daily`: the person's digest; else the notifications chosen "at once". */
  mode?: 'now' | 'daily';
}

/** How long a claim stands before a job that finds it again takes it for cut off. */
const LEASE_SECONDS = 300;

export type DeliveryResult = 'sent' | 'nothing' | 'deferred' | 'skipped';

/**
 * E-mails one person what waits for them about one commitment (or their digest). At most one e-mail
 * per person and commitment in ten minutes: within the window the job leaves a later job (through the
 * outbox) and stops; everything that arrives meanwhile goes out together then. The notifications are
 * claimed in a short transaction, sent outside it (a slow mail server never holds the database), then
 * marked sent; a failed send gives them back for the retry, and the last attempt records the error.
 */
export async function deliverEmail(deps: DeliveryDeps, job: EmailJob, attempt: { final: boolean }): Promise<DeliveryResult> {
  const mode = job.mode ?? 'now';
  const subjectKey = mode === 'daily' ? 'digest' : job.subjectKey;
  const claimed = await deps.db.transaction(async (tx) => {
    const addressee = await getAddressee({ db: tx, userId: job.userId });
    if (!addressee) return 'nothing' as const;
    if (addressee.disabled) {
      await skipPendingEmail({ db: tx, userId: job.userId, reason: 'account disabled' });
      return 'skipped' as const;
    }
    const window = await lockDeliveryWindow({ db: tx, userId: job.userId, subjectKey });
    const items = await listPendingEmail({ db: tx, userId: job.userId, subjectKey: job.subjectKey, mode, leaseSeconds: LEASE_SECONDS });
    if (!items.length) return 'nothing' as const;
    if (mode === 'now' && window.lastSentAt) {
      const opens = new Date(new Date(window.lastSentAt).getTime() + COALESCE_MINUTES * 60_000);
      if (opens > new Date(window.now)) {
        if (!window.deferredUntil || new Date(window.deferredUntil) < opens) {
          await setDeliveryWindow({ db: tx, userId: job.userId, subjectKey, deferredUntil: opens });
          await insertOutboxJobs({ db: tx, jobs: [{ queue: EMAIL_QUEUE, data: { userId: job.userId, subjectKey, notBefore: opens.toISOString() } }] });
        }
        return 'deferred' as const;
      }
    }
    await claimForEmail({ db: tx, ids: items.map((n) => n.id) });
    await setDeliveryWindow({ db: tx, userId: job.userId, subjectKey, lastSentAt: new Date(window.now), deferredUntil: null });
    return { addressee, items, previous: window.lastSentAt };
  });
  if (typeof claimed === 'string') return claimed;

  const ids = claimed.items.map((n) => n.id);
  const link = (kind: NotificationKind) =>
    `${deps.publicUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken({ userId: job.userId, kind, secret: deps.secret }))}`;
  const mail = renderMail(claimed.items, { publicUrl: deps.publicUrl, unsubscribe: link }, { digest: mode === 'daily', locale: isLocale(claimed.addressee.locale) ? claimed.addressee.locale : DEFAULT_LOCALE });
  const kind = claimed.items[0]!.kind;
  try {
    await deps.mailer.send({ ...mail, to: claimed.addressee.email, kind, unsubscribeUrl: link(kind).replace('/unsubscribe?', '/api/unsubscribe?') });
  } catch (error) {
    await deps.db.transaction(async (tx) => {
      await releaseClaim({ db: tx, ids, error: attempt.final ? String((error as Error).message ?? error).slice(0, 500) : null });
      await setDeliveryWindow({ db: tx, userId: job.userId, subjectKey, lastSentAt: claimed.previous, deferredUntil: null });
    });
    throw error;
  }
  await markEmailed({ db: deps.db, ids });
  return 'sent';
}
