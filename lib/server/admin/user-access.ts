import 'server-only';
import type { Database } from '@/db/connect';
import { revokeUserSessions } from '@/db/queries/sessions';
import {
  getUserEmail, lockUser as lockUserRow, markUserDisabled, markUserEnabled, raiseSessionVersion, setPasswordHash, updateUserAccess,
} from '@/db/queries/users';
import { hashPassword } from '@/lib/passwords';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError, invalid } from '../errors';
import { authorize, type SignedInContext } from '../guard';
import { parseInput } from '../input';
import { generatePassword } from './generated-password';
import { operatorOf } from './operator';
import { updateUserSchema, idSchema } from './schemas';
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
    await updateUserAccess({
      db: tx, id: before.id, name: input.name, role: input.role, organisationId: input.organisationId, endSessions: accessChanged,
    });
    const sessionsEnded = accessChanged ? await revokeUserSessions({ db: tx, userId: before.id }) : 0;
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
  const { id } = parseInput(idSchema, raw);
  return withLockedUser(signedIn, id, async (tx, before) => {
    if (before.id === signedIn.viewer.id) {
      throw new AppError('conflict', { key: 'admin.errors.cannotDisableSelf' });
    }
    if (before.disabledAt) return { changed: false, sessionsEnded: 0 };
    const disabledAt = await markUserDisabled({ db: tx, id: before.id });
    const sessionsEnded = await revokeUserSessions({ db: tx, userId: before.id });
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'user.disabled', entityType: 'user', entityId: before.id,
      before: { disabledAt: null }, after: { disabledAt, sessionsEnded },
    });
    return { changed: true, sessionsEnded };
  });
}

export async function enableUser(ctx: RequestContext, raw: unknown): Promise<AccessChange> {
  const signedIn = authorize(ctx, 'admin.users');
  const { id } = parseInput(idSchema, raw);
  return withLockedUser(signedIn, id, async (tx, before) => {
    if (!before.disabledAt) return { changed: false, sessionsEnded: 0 };
    await markUserEnabled({ db: tx, id: before.id });
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
  const { id } = parseInput(idSchema, raw);
  return withLockedUser(signedIn, id, async (tx, before) => {
    await raiseSessionVersion({ db: tx, id: before.id });
    const sessionsEnded = await revokeUserSessions({ db: tx, userId: before.id });
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
  const { id } = parseInput(idSchema, raw);
  // Made and hashed before the transaction so no row lock waits for argon2.
  const target = await getUserEmail({ db: signedIn.db, id });
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
  const user = await lockUserRow({ db: tx, id });
  if (!user) throw new AppError('not_found', { key: 'problem.noUser' });
  return user;
}

/** Stores a new password hash and ends every session of the user; returns how many were open. */
export async function replacePassword(tx: Database, userId: string, passwordHash: string): Promise<number> {
  await setPasswordHash({ db: tx, id: userId, passwordHash });
  // The open session rows are marked too (their cookies already fail on the raised session version).
  return revokeUserSessions({ db: tx, userId });
}
