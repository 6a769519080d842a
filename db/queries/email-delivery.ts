import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import type { NotificationRow } from './notifications';

export interface Addressee {
  id: string;
  email: string;
  disabled: boolean;
  /** The language the person chose, if any: their e-mail is written in it. */
  locale: string | null;
}

export async function getAddressee({ db, userId }: { db: Database; userId: string }) {
  const [row] = await selectRows<Addressee>(db, sql`select id, email, disabled_at is not null as disabled, locale from users where id = ${userId}`);
  return row;
}

/** The coalescing row of a person and subject, locked for this transaction (made when missing). */
export async function lockDeliveryWindow({ db, userId, subjectKey }: { db: Database; userId: string; subjectKey: string }) {
  await db.execute(sql`insert into email_deliveries (user_id, subject_key) values (${userId}, ${subjectKey}) on conflict do nothing`);
  const [row] = await selectRows<{ lastSentAt: Date | null; deferredUntil: Date | null; now: Date }>(
    db,
    sql`select last_sent_at as "lastSentAt", deferred_until as "deferredUntil", now() as now
          from email_deliveries where user_id = ${userId} and subject_key = ${subjectKey} for update`,
  );
  return row!;
}

export async function setDeliveryWindow({ db, userId, subjectKey, lastSentAt, deferredUntil }: {
  db: Database; userId: string; subjectKey: string; lastSentAt?: Date | null; deferredUntil: Date | null;
}) {
  // ISO text, not Date: drizzle's postgres.js driver sends timestamps as they are given.
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  await db.execute(sql`update email_deliveries set deferred_until = ${iso(deferredUntil)}::timestamptz
    ${lastSentAt !== undefined ? sql`, last_sent_at = ${iso(lastSentAt)}::timestamptz` : sql``}
    where user_id = ${userId} and subject_key = ${subjectKey}`);
}

const rowColumns = sql`n.id, n.kind, n.commitment_id as "commitmentId", c.reference as "commitmentReference", c.title as "commitmentTitle",
  n.status_update_id as "statusUpdateId", n.comment_id as "commentId", a.name as "actorName", n.data,
  n.created_at as "createdAt", n.read_at as "readAt"`;

/**
 * The notifications waiting to be e-mailed to a person: at once about one commitment (`subjectKey`
 * its id, or `general`), or (`daily`) every one chosen for the digest. A claim older than
 * `leaseSeconds` was cut off (the process died while sending) and counts as waiting again.
 */
export async function listPendingEmail({ db, userId, subjectKey, mode, leaseSeconds }: {
  db: Database; userId: string; subjectKey: string; mode: 'now' | 'daily'; leaseSeconds: number;
}) {
  const about = mode === 'daily' ? sql`` : subjectKey === 'general' ? sql`and n.commitment_id is null` : sql`and n.commitment_id = ${subjectKey}`;
  return selectRows<NotificationRow>(
    db,
    sql`select ${rowColumns} from notifications n
          left join commitments c on c.id = n.commitment_id
          left join users a on a.id = n.actor_id
         where n.user_id = ${userId} and n.delivery = ${mode} and n.emailed_at is null and n.email_error is null
           and (n.email_claimed_at is null or n.email_claimed_at < now() - make_interval(secs => ${leaseSeconds}))
           ${about}
         order by n.created_at desc, n.id desc
         limit 200
         for update of n`,
  );
}

export async function claimForEmail({ db, ids }: { db: Database; ids: string[] }) {
  await db.execute(sql`update notifications set email_claimed_at = now() where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}

export async function markEmailed({ db, ids }: { db: Database; ids: string[] }) {
  await db.execute(sql`update notifications set emailed_at = now() where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}

/** Gives claimed notifications back after a failed send, or records the final failure. */
export async function releaseClaim({ db, ids, error }: { db: Database; ids: string[]; error: string | null }) {
  await db.execute(sql`update notifications set email_claimed_at = null, email_error = ${error}
    where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and emailed_at is null`);
}

/** Marks everything waiting for a person as not to be sent (a disabled account). */
export async function skipPendingEmail({ db, userId, reason }: { db: Database; userId: string; reason: string }) {
  await db.execute(sql`update notifications set email_error = ${reason}
    where user_id = ${userId} and emailed_at is null and email_error is null and delivery <> 'off'`);
}

/** People with notifications waiting for their daily digest. */
export async function listDigestRecipients({ db }: { db: Database }) {
  const rows = await selectRows<{ userId: string }>(
    db,
    sql`select distinct user_id as "userId" from notifications where delivery = 'daily' and emailed_at is null and email_error is null`,
  );
  return rows.map((r) => r.userId);
}
