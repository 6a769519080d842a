import 'server-only';
import type { Database } from '@/db/connect';
import { insertSession } from '@/db/queries/sessions';
import { insertSignInAttempt, isSignInLocked, lockSignInAccount } from '@/db/queries/sign-in-attempts';
import { findUserByEmail, markSignedIn } from '@/db/queries/users';
import { hashPassword, verifyPassword } from '@/lib/passwords';
import { recordAudit } from './audit';

export const MAX_FAILURES = 10;
const FAILURE_WINDOW_MINUTES = 15;
const LOCKOUT_MINUTES = 15;
export const SESSION_LIFETIME_DAYS = 7;

/** Locked when some 15-minute window held 10 failures, for the account or for the client address. */
const LOCK_OUT = { maxFailures: MAX_FAILURES, windowMinutes: FAILURE_WINDOW_MINUTES, lockoutMinutes: LOCKOUT_MINUTES };

export interface SignInRequest {
  email: string;
  password: string;
  sourceAddress: string;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; sessionVersion: number; name: string; email: string; locale: string | null }
  | { ok: false; reason: 'invalid' | 'locked' };

// Verifying against a throwaway hash when the account does not exist keeps the answer time the same,
// so the response does not tell which emails have accounts.
let decoyHash: Promise<string> | undefined;

/**
 * Checks a password under the brute-force limits, records the attempt and, on success, opens a
 * session. Attempts on one account are serialised across processes by an advisory lock, so the
 * limit holds exactly however many app instances share the database.
 */
export async function signIn(db: Database, request: SignInRequest): Promise<SignInResult> {
  const email = request.email.trim().toLowerCase().slice(0, 254);
  const address = request.sourceAddress;
  decoyHash ??= hashPassword('decoy-password-that-matches-nothing');
  const decoy = await decoyHash;

  return db.transaction(async (tx) => {
    await lockSignInAccount({ db: tx, email });
    const audit = { sourceAddress: address, userAgent: request.userAgent, entityType: 'user' };
    const attempt = { db: tx, email, sourceAddress: address };

    if (await isSignInLocked({ ...attempt, rule: LOCK_OUT })) {
      await insertSignInAttempt({ ...attempt, outcome: 'locked' });
      await recordAudit(tx, { ...audit, actor: { id: null, label: email }, action: 'auth.sign_in_locked', after: { email } });
      return { ok: false, reason: 'locked' } as const;
    }

    const user = await findUserByEmail({ db: tx, email });
    const passwordMatches = await verifyPassword(user?.passwordHash ?? decoy, request.password);
    if (!user || !passwordMatches || user.disabledAt) {
      await insertSignInAttempt({ ...attempt, outcome: 'failure' });
      const why = !user ? 'unknown_account' : !passwordMatches ? 'wrong_password' : 'account_disabled';
      await recordAudit(tx, {
        ...audit, actor: { id: user?.id ?? null, label: email }, action: 'auth.sign_in_failed', entityId: user?.id, after: { email, why },
      });
      return { ok: false, reason: 'invalid' } as const;
    }

    await insertSignInAttempt({ ...attempt, outcome: 'success' });
    const sessionId = await insertSession({
      db: tx, userId: user.id, lifetimeDays: SESSION_LIFETIME_DAYS, sourceAddress: address, userAgent: request.userAgent,
    });
    await markSignedIn({ db: tx, id: user.id });
    await recordAudit(tx, {
      ...audit, actor: { id: user.id, label: user.email }, action: 'auth.sign_in_succeeded', entityId: user.id, after: { sessionId },
    });
    return {
      ok: true, userId: user.id, sessionId, sessionVersion: user.sessionVersion, name: user.name, email: user.email, locale: user.locale,
    } as const;
  });
}
