import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/connect';
import { users, userSessions } from '@/db/schema';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError, invalid } from '../errors';
import { authorize, type SignedInContext } from '../guard';
import { parseInput } from '../input';
import { hashPassword } from '../passwords';
import { generatePassword } from './generated-password';
import { operatorOf } from './operator';
import { updateUserSchema, userIdSchema } from './schemas';
import { findOrganisation } from './users';

// Every change here that should cut a user off raises users.session_version, which every request
// compares with its session cookie, and marks the open session rows revoked so lists show it.

export interface AccessChange {
  changed: boolean;
  sessionsEnded: number;
}

/** Name, role and organisation; a new role or organisation ends the user's sessions at once (`signedOut`). */
export async function updateUser(ctx: RequestContext, raw: unknown): Promise<AccessChange & { signedOut: boolean }> {
  const signedIn = authorize(ctx, 'admin.users');
  const input = parseInput(updateUserSchema, raw);
  return signedIn.db.transaction(async (tx) => {
    const before = await lockUser(tx, input.id);
    if (before.id === signedIn.viewer.id && before.role === 'admin' && input.role !== 'admin') {
      throw invalid({ role: [{ key: 'admin.errors.cannotDemoteSelf' }] });
    }
    if (input.organisationId && input.organisationId !== before.organisationId) await findOrganisation(tx, input.organisationId);
    const accessChanged = input.role !== before.role || input.organisationId !== before.organisationId;
    if (!accessChanged && input.name === before.name) return { changed: false, sessionsEnded: 0, signedOut: false };
    await tx
      .update(users)
      .set({
        name: input.name,
        role: input.role,
        organisationId: input.organisationId,
        updatedAt: sql`now()`,
        ...(accessChanged ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, before.id));
    const sessionsEnded = accessChanged ? await revokeSessions(tx, before.id) : 0;
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'user.updated', entityType: 'user', entityId: before.id,
      before: { name: before.name, role: before.role, organisationId: before.organisationId },
      after: { name: input.name, role: input.role, organisationId: input.organisationId, sessionsEnded },
    });
    return { changed: true, sessionsEnded, signedOut: accessChanged };
  });
}

/** Disabling refuses sign-in and ends every session; an administrator cannot lock themself out. */
export async function disableUser(ctx: RequestContext, raw: unknown): Promise<AccessChange> {
  const signedIn = authorize(ctx, 'admin.users');
  const { id } = parseInput(userIdSchema, raw);
  return withLockedUser(signedIn, id, async (tx, before) => {
    if (before.id === signedIn.viewer.id) {
      throw new AppError('conflict', { key: 'admin.errors.cannotDisableSelf' });
    }
    if (before.disabledAt) return { changed: false, sessionsEnded: 0 };
    const [row] = await tx
      .update(users)
      .set({ disabledAt: sql`now()`, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, before.id))
      .returning({ disabledAt: users.disabledAt });
    const sessionsEnded = await revokeSessions(tx, before.id);
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'user.disabled', entityType: 'user', entityId: before.id,
      before: { disabledAt: null }, after: { disabledAt: row!.disabledAt, sessionsEnded },
    });
    return { changed: true, sessionsEnded };
  });
}

export async function enableUser(ctx: RequestContext, raw: unknown): Promise<AccessChange> {
  const signedIn = authorize(ctx, 'admin.users');
  const { id } = parseInput(userIdSchema, raw);
  return withLockedUser(signedIn, id, async (tx, before) => {
    if (!before.disabledAt) return { changed: false, sessionsEnded: 0 };
    await tx.update(users).set({ disabledAt: null, updatedAt: sql`now()` }).where(eq(users.id, before.id));
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'user.enabled', entityType: 'user', entityId: before.id,
      before: { disabledAt: before.disabledAt }, after: { disabledAt: null },
    });
    return { changed: true, sessionsEnded: 0 };
  });
}

/** "Sign out everywhere": every browser the user is signed in on must sign in again. */
export async function signOutEverywhere(ctx: RequestContext, raw: unknown): Promise<AccessChange> {
  const signedIn = authorize(ctx, 'admin.users');
  const { id } = parseInput(userIdSchema, raw);
  return withLockedUser(signedIn, id, async (tx, before) => {
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, before.id));
    const sessionsEnded = await revokeSessions(tx, before.id);
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'user.signed_out_everywhere', entityType: 'user', entityId: before.id,
      after: { sessionsEnded },
    });
    return { changed: true, sessionsEnded };
  });
}

/** A new server-made password, returned once; the old one and every session stop working. */
export async function resetPassword(ctx: RequestContext, raw: unknown): Promise<AccessChange & { password: string }> {
  const signedIn = authorize(ctx, 'admin.users');
  const { id } = parseInput(userIdSchema, raw);
  // Made and hashed before the transaction so no row lock waits for argon2.
  const [target] = await signedIn.db.select({ email: users.email }).from(users).where(eq(users.id, id));
  if (!target) throw new AppError('not_found', { key: 'problem.noUser' });
  const password = generatePassword(target.email);
  const passwordHash = await hashPassword(password);
  const change = await withLockedUser(signedIn, id, async (tx, before) => {
    const sessionsEnded = await replacePassword(tx, before.id, passwordHash);
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'user.password_reset', entityType: 'user', entityId: before.id,
      after: { sessionsEnded },
    });
    return { changed: true, sessionsEnded };
  });
  return { ...change, password };
}

type UserRow = Awaited<ReturnType<typeof lockUser>>;

function withLockedUser<T>(signedIn: SignedInContext, id: string, change: (tx: Database, before: UserRow) => Promise<T>): Promise<T> {
  return signedIn.db.transaction(async (tx) => change(tx, await lockUser(tx, id)));
}

/** The user's row, locked until the transaction ends so two administrators' changes do not interleave. */
async function lockUser(tx: Database, id: string) {
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organisationId: users.organisationId, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id))
    .for('update');
  if (!user) throw new AppError('not_found', { key: 'problem.noUser' });
  return user;
}

/** Stores a new password hash and ends every session of the user; returns how many were open. */
export async function replacePassword(tx: Database, userId: string, passwordHash: string): Promise<number> {
  await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  return revokeSessions(tx, userId);
}

/** Marks the user's open sessions revoked (their cookies already fail on the raised session version). */
async function revokeSessions(tx: Database, userId: string): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), sql`${userSessions.expiresAt} > now()`))
    .returning({ id: userSessions.id });
  return ended.length;
}
