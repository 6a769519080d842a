import 'server-only';
import { z } from 'zod';
import { getStoredPassword, setUserLocale } from '@/db/queries/users';
import { LOCALES, type Locale } from '@/i18n/config';
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

export const localeSchema = z.object({ locale: z.enum(LOCALES, { error: 'problem.unknownLocale' }) });

/** A signed-in user keeps the language they chose in their profile, so it follows them to any browser. */
export async function chooseOwnLocale(ctx: RequestContext, raw: unknown): Promise<{ locale: Locale }> {
  const signedIn = requireSignedIn(ctx);
  const { locale } = parseInput(localeSchema, raw);
  return signedIn.db.transaction(async (tx) => {
    const before = await setUserLocale({ db: tx, id: signedIn.viewer.id, locale });
    if (before !== locale) {
      await recordAudit(tx, {
        ...operatorOf(signedIn), action: 'user.locale_changed', entityType: 'user', entityId: signedIn.viewer.id, before: { locale: before }, after: { locale },
      });
    }
    return { locale };
  });
}
