import 'server-only';
import { z } from 'zod';
import { getStoredPassword } from '@/db/queries/users';
import type { FieldMessages } from '@/lib/domain/messages';
import { checkPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '@/lib/domain/password-policy';
import { hashPassword, verifyPassword } from '@/lib/passwords';
import { replacePassword } from './admin/user-access';
import { operatorOf } from './admin/operator';
import { recordAudit } from './audit';
import type { RequestContext } from './context';
import { AppError, invalid } from './errors';
import { requireSignedIn } from './guard';
import { parseInput } from './input';

// Field errors are catalogue keys (messages/en/common.json, "account"), shown in the reader's language.
const key = (name: string) => `account.errors.${name}`;

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: key('currentRequired') }).min(1, { error: key('currentRequired') }).max(1024, { error: key('wrongCurrent') }),
  newPassword: z.string({ error: key('newRequired') }).min(1, { error: key('newRequired') }).max(MAX_PASSWORD_LENGTH, { error: 'passwordPolicy.tooLong' }),
  confirmPassword: z.string({ error: key('confirmMismatch') }),
});

/**
 * A signed-in user replaces their own password. They must give the current one (a borrowed session
 * is not enough to take over the account); the new one must pass the password policy. Every session
 * ends, this one included, so the user signs in again with the new password everywhere.
 */
export async function changeOwnPassword(ctx: RequestContext, raw: unknown): Promise<{ sessionsEnded: number }> {
  const signedIn = requireSignedIn(ctx);
  const input = parseInput(changePasswordSchema, raw);
  const { viewer, db } = signedIn;
  const fields: FieldMessages = {};
  const policy = checkPassword(input.newPassword, { email: viewer.email });
  if (!policy.ok) fields.newPassword = policy.codes.map(passwordProblem);
  else if (input.newPassword === input.currentPassword) fields.newPassword = [{ key: key('sameAsCurrent') }];
  if (input.confirmPassword !== input.newPassword) fields.confirmPassword = [{ key: key('confirmMismatch') }];
  if (Object.keys(fields).length > 0) throw invalid(fields);

  const user = await getStoredPassword({ db, id: viewer.id });
  if (!user) throw new AppError('unauthenticated', { key: 'problem.signIn' });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.transaction((tx) =>
      recordAudit(tx, { ...operatorOf(signedIn), action: 'user.password_change_refused', entityType: 'user', entityId: viewer.id }),
    );
    throw invalid({ currentPassword: [{ key: key('wrongCurrent') }] });
  }
  // Hashed before the transaction: no row lock waits for argon2.
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const sessionsEnded = await replacePassword(tx, viewer.id, passwordHash);
    await recordAudit(tx, {
      ...operatorOf(signedIn), action: 'user.password_changed', entityType: 'user', entityId: viewer.id, after: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
