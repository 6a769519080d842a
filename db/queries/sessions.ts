import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '@/lib/domain/roles';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { users, userSessions } from '../schema';

interface SessionViewerRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisationCountry: string | null;
  locale: string | null;
  /** Whether last_seen_at is older than `touchAfterSeconds`. */
  staleTouch: boolean;
}

/**
 * The user behind an open session: the session is not revoked, not expired, not idle for
 * `idleHours`, and carries the user's current session version; the user is not disabled.
 */
export async function findSessionViewer({
  db, sessionId, userId, sessionVersion, idleHours, touchAfterSeconds,
}: {
  db: Database; sessionId: string; userId: string; sessionVersion: number; idleHours: number; touchAfterSeconds: number;
}): Promise<SessionViewerRow | undefined> {
  const [row] = await selectRows<SessionViewerRow>(
    db,
    sql`select u.id, u.email, u.name, u.role, u.organisation_id as "organisationId", o.name as "organisationName",
               o.country as "organisationCountry", u.locale,
               s.last_seen_at < now() - make_interval(secs => ${touchAfterSeconds}) as "staleTouch"
          from user_sessions s
          join users u on u.id = s.user_id
          left join organisations o on o.id = u.organisation_id
         where s.id = ${sessionId} and u.id = ${userId}
           and s.revoked_at is null and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(hours => ${idleHours})
           and u.disabled_at is null and u.session_version = ${sessionVersion}`,
  );
  return row;
}

export async function touchSession({ db, sessionId }: { db: Database; sessionId: string }): Promise<void> {
  await db.update(userSessions).set({ lastSeenAt: sql`now()` }).where(eq(userSessions.id, sessionId));
}

/** A new session of `lifetimeDays` for the user; returns its id. */
export async function insertSession({
  db, userId, lifetimeDays, sourceAddress, userAgent,
}: { db: Database; userId: string; lifetimeDays: number; sourceAddress: string; userAgent: string | null }): Promise<string> {
  const [session] = await db
    .insert(userSessions)
    .values({ userId, expiresAt: sql`now() + make_interval(days => ${lifetimeDays})`, sourceAddress, userAgent })
    .returning({ id: userSessions.id });
  return session!.id;
}

/** Ends one open session; returns whose it was, or undefined when it was already ended or never existed. */
export async function revokeSession({ db, sessionId }: { db: Database; sessionId: string }) {
  const [ended] = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .from(users)
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt), eq(users.id, userSessions.userId)))
    .returning({ userId: userSessions.userId, email: users.email });
  return ended;
}

/** Marks every open session of the user revoked; returns how many were open. */
export async function revokeUserSessions({ db, userId }: { db: Database; userId: string }): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), sql`${userSessions.expiresAt} > now()`))
    .returning({ id: userSessions.id });
  return ended.length;
}
