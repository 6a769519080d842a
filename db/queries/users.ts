import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Role } from '@/lib/domain/roles';
import type { Database } from '../connect';
import { organisations, users } from '../schema';

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  organisationCountry: organisations.country,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

/** Every account with its organisation, by email. */
export function listUserSummaries({ db }: { db: Database }) {
  return db.select(summaryColumns).from(users).leftJoin(organisations, eq(organisations.id, users.organisationId)).orderBy(asc(users.email));
}

/** One account with its organisation and how many of its sessions are open. */
export async function getUserSummary({ db, id }: { db: Database; id: string }) {
  const [user] = await db
    .select({
      ...summaryColumns,
      openSessions: sql<number>`(select count(*)::int from user_sessions s
        where s.user_id = ${users.id} and s.revoked_at is null and s.expires_at > now())`,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return user;
}

/** The account with this email, in any case: what signing in checks. */
export async function findUserByEmail({ db, email }: { db: Database; email: string }) {
  const [user] = await db
    .select({
      id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion, locale: users.locale,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return user;
}

/** The stored password hash of one account. */
export async function getStoredPassword({ db, id }: { db: Database; id: string }) {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return user;
}

export async function getUserEmail({ db, id }: { db: Database; id: string }) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return user;
}

/** The user's row, locked until the transaction ends so two administrators' changes do not interleave. */
export async function lockUser({ db, id }: { db: Database; id: string }) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organisationId: users.organisationId, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  return user;
}

interface NewAccount {
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  passwordHash: string;
}

export async function insertUser({ db, account }: { db: Database; account: NewAccount }) {
  const [row] = await db
    .insert(users)
    .values(account)
    .returning({ id: users.id, disabledAt: users.disabledAt, lastSignInAt: users.lastSignInAt, createdAt: users.createdAt });
  return row!;
}

// Raising session_version ends every session of the user at once: each request compares it with its cookie.
const raisedSessionVersion = sql`${users.sessionVersion} + 1`;

/** Name, role and organisation; `endSessions` raises the session version too. */
export async function updateUserAccess({
  db, id, name, role, organisationId, endSessions,
}: { db: Database; id: string; name: string; role: Role; organisationId: string | null; endSessions: boolean }): Promise<void> {
  await db
    .update(users)
    .set({ name, role, organisationId, updatedAt: sql`now()`, ...(endSessions ? { sessionVersion: raisedSessionVersion } : {}) })
    .where(eq(users.id, id));
}

/** Disables the account and ends its sessions; returns when it was disabled. */
export async function markUserDisabled({ db, id }: { db: Database; id: string }): Promise<Date | null> {
  const [row] = await db
    .update(users)
    .set({ disabledAt: sql`now()`, sessionVersion: raisedSessionVersion, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning({ disabledAt: users.disabledAt });
  return row?.disabledAt ?? null;
}

export async function markUserEnabled({ db, id }: { db: Database; id: string }): Promise<void> {
  await db.update(users).set({ disabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, id));
}

export async function raiseSessionVersion({ db, id }: { db: Database; id: string }): Promise<void> {
  await db.update(users).set({ sessionVersion: raisedSessionVersion }).where(eq(users.id, id));
}

/** Stores a new password hash and raises the session version, so every older session ends. */
export async function setPasswordHash({ db, id, passwordHash }: { db: Database; id: string; passwordHash: string }): Promise<void> {
  await db.update(users).set({ passwordHash, sessionVersion: raisedSessionVersion, updatedAt: sql`now()` }).where(eq(users.id, id));
}

export async function markSignedIn({ db, id }: { db: Database; id: string }): Promise<void> {
  await db.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, id));
}

/** Stores the language the user chose; returns the one it replaces. */
export async function setUserLocale({ db, id, locale }: { db: Database; id: string; locale: string }): Promise<string | null> {
  const [before] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, id)).for('update');
  await db.update(users).set({ locale, updatedAt: sql`now()` }).where(eq(users.id, id));
  return before?.locale ?? null;
}
