import 'server-only';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DeliveryMode, NotificationKind } from '@/lib/domain/notification-kinds';
import type { Person } from '@/lib/domain/notification-rules';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { commitmentWatches, jobOutbox, notificationPreferences, notifications } from '../schema';

/**
 * Everyone a change on a commitment may concern: staff of its lead organisations, its watchers, the
 * authors in the thread starting at `threadRootId`, and `extraUserIds` (an update's author).
 */
export async function findCandidates({ db, commitmentId, threadRootId = null, extraUserId = null }: {
  db: Database; commitmentId: string; threadRootId?: string | null; extraUserId?: string | null;
}): Promise<Person[]> {
  return selectRows<Person>(
    db,
    sql`with recursive thread as (
          select id, author_id from comments where id = ${threadRootId}
          union all
          select c.id, c.author_id from comments c join thread t on c.parent_id = t.id
        ),
        watchers as (select user_id from commitment_watches where commitment_id = ${commitmentId}),
        candidates as (
          select u.id from users u join commitments c on c.id = ${commitmentId}
           where u.role = 'staff' and u.organisation_id in (c.lead_org_a_id, c.lead_org_b_id)
          union select user_id from watchers
          union select author_id from thread
          union select id from users where id = ${extraUserId}
        )
        select u.id, u.role, u.organisation_id as "organisationId", u.disabled_at is not null as disabled,
          exists (select 1 from watchers w where w.user_id = u.id) as watching,
          exists (select 1 from thread t where t.author_id = u.id) as "inThread"
        from users u join candidates k on k.id = u.id
        order by u.id`,
  );
}

/** Every active user of a role (the weekly digest's officials). */
export async function findActiveUsersByRole({ db, role }: { db: Database; role: Person['role'] }): Promise<Person[]> {
  return selectRows<Person>(
    db,
    sql`select id, role, organisation_id as "organisationId", false as disabled, false as watching, false as "inThread"
        from users where role = ${role} and disabled_at is null order by id`,
  );
}

export async function listPreferences({ db, userIds }: { db: Database; userIds: string[] }) {
  if (!userIds.length) return [];
  return db
    .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind, mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, userIds));
}

export async function upsertPreferences({ db, userId, modes }: { db: Database; userId: string; modes: Partial<Record<NotificationKind, DeliveryMode>> }) {
  const rows = Object.entries(modes).map(([kind, mode]) => ({ userId, kind, mode: mode! }));
  if (!rows.length) return;
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { mode: sql`excluded.mode`, updatedAt: sql`now()` },
    });
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  delivery: DeliveryMode;
  commitmentId?: string | null;
  statusUpdateId?: string | null;
  commentId?: string | null;
  actorId?: string | null;
  dedupeKey?: string | null;
  data?: Record<string, unknown>;
}

/** Inserts notifications; one with a dedupe key already present (a reminder run twice) is skipped. Returns those inserted. */
export async function insertNotifications({ db, rows }: { db: Database; rows: NewNotification[] }) {
  if (!rows.length) return [];
  return db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, commitmentId: notifications.commitmentId, delivery: notifications.delivery });
}

export async function insertOutboxJobs({ db, jobs }: { db: Database; jobs: { queue: string; data: Record<string, unknown> }[] }) {
  if (jobs.length) await db.insert(jobOutbox).values(jobs);
}

export async function countUnread({ db, userId }: { db: Database; userId: string }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  commitmentId: string | null;
  commitmentReference: string | null;
  commitmentTitle: string | null;
  statusUpdateId: string | null;
  commentId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** One page of a person's notifications, newest first; `unreadOnly` for the unread ones. */
export async function listNotifications({ db, userId, unreadOnly, limit, offset }: {
  db: Database; userId: string; unreadOnly: boolean; limit: number; offset: number;
}) {
  return selectRows<NotificationRow>(
    db,
    sql`select n.id, n.kind, n.commitment_id as "commitmentId", c.reference as "commitmentReference", c.title as "commitmentTitle",
          n.status_update_id as "statusUpdateId", n.comment_id as "commentId", a.name as "actorName", n.data,
          n.created_at as "createdAt", n.read_at as "readAt"
        from notifications n
        left join commitments c on c.id = n.commitment_id
        left join users a on a.id = n.actor_id
        where n.user_id = ${userId} ${unreadOnly ? sql`and n.read_at is null` : sql``}
        order by n.created_at desc, n.id desc
        limit ${limit} offset ${offset}`,
  );
}

export async function countNotifications({ db, userId, unreadOnly }: { db: Database; userId: string; unreadOnly: boolean }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined));
  return row?.n ?? 0;
}

/** Marks some (ids) or all of a person's notifications read; returns how many changed. */
export async function markRead({ db, userId, ids }: { db: Database; userId: string; ids: string[] | 'all' }) {
  if (ids !== 'all' && !ids.length) return 0;
  const changed = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return changed.length;
}

export async function purgeNotificationsBefore({ db, before }: { db: Database; before: Date }) {
  const gone = await db.delete(notifications).where(lt(notifications.createdAt, before)).returning({ id: notifications.id });
  return gone.length;
}

export async function setWatch({ db, userId, commitmentId, watching }: { db: Database; userId: string; commitmentId: string; watching: boolean }) {
  if (watching) {
    await db.insert(commitmentWatches).values({ userId, commitmentId }).onConflictDoNothing();
  } else {
    await db.delete(commitmentWatches).where(and(eq(commitmentWatches.userId, userId), eq(commitmentWatches.commitmentId, commitmentId)));
  }
}

export async function isWatching({ db, userId, commitmentId }: { db: Database; userId: string; commitmentId: string }) {
  const [row] = await db
    .select({ userId: commitmentWatches.userId })
    .from(commitmentWatches)
    .where(and(eq(commitmentWatches.userId, userId), eq(commitmentWatches.commitmentId, commitmentId)));
  return row !== undefined;
}

