import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/connect';
import { selectRows } from '@/db/rows';
import { signInAttempts, userSessions } from '@/db/schema';
import { recordAudit } from './audit';
import { hashPassword, verifyPassword } from './passwords';

export const MAX_FAILURES = 10;
const FAILURE_WINDOW_MINUTES = 15;
const LOCKOUT_MINUTES = 15;
export const SESSION_LIFETIME_DAYS = 7;

export interface SignInRequest {
  email: string;
  password: string;
  sourceAddress: string;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; sessionVersion: number; name: string; email: string }
  | { ok: false; reason: 'invalid' | 'locked' };

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  disabled_at: Date | null;
  session_version: number;
}

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
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
    const audit = { sourceAddress: address, userAgent: request.userAgent, entityType: 'user' };

    if (await isLocked(tx, email, address)) {
      await tx.insert(signInAttempts).values({ email, sourceAddress: address, outcome: 'locked' });
      await recordAudit(tx, { ...audit, actor: { id: null, label: email }, action: 'auth.sign_in_locked', after: { email } });
      return { ok: false, reason: 'locked' } as const;
    }

    const [user] = await selectRows<UserRow>(
      tx,
      sql`select id, email, name, password_hash, disabled_at, session_version from users where lower(email) = ${email}`,
    );
    const passwordMatches = await verifyPassword(user?.password_hash ?? decoy, request.password);
    if (!user || !passwordMatches || user.disabled_at) {
      await tx.insert(signInAttempts).values({ email, sourceAddress: address, outcome: 'failure' });
      const why = !user ? 'unknown_account' : !passwordMatches ? 'wrong_password' : 'account_disabled';
      await recordAudit(tx, {
        ...audit, actor: { id: user?.id ?? null, label: email }, action: 'auth.sign_in_failed', entityId: user?.id, after: { email, why },
      });
      return { ok: false, reason: 'invalid' } as const;
    }

    await tx.insert(signInAttempts).values({ email, sourceAddress: address, outcome: 'success' });
    const [session] = await tx
      .insert(userSessions)
      .values({
        userId: user.id,
        expiresAt: sql`now() + make_interval(days => ${SESSION_LIFETIME_DAYS})`,
        sourceAddress: address,
        userAgent: request.userAgent,
      })
      .returning({ id: userSessions.id });
    await tx.execute(sql`update users set last_sign_in_at = now() where id = ${user.id}`);
    await recordAudit(tx, {
      ...audit, actor: { id: user.id, label: user.email }, action: 'auth.sign_in_succeeded', entityId: user.id,
      after: { sessionId: session!.id },
    });
    return { ok: true, userId: user.id, sessionId: session!.id, sessionVersion: user.session_version, name: user.name, email: user.email } as const;
  });
}

/**
 * Locked when, within the last lock-out period, some 15-minute window held 10 failures: for the
 * account (failures since its last success) or for the client address.
 */
// Constants of this module, written into the SQL: a window frame offset cannot be a bound parameter everywhere.
const WINDOW = sql.raw(`interval '${FAILURE_WINDOW_MINUTES} minutes'`);

async function isLocked(tx: Database, email: string, address: string): Promise<boolean> {
  const [row] = await selectRows<{ locked: boolean }>(
    tx,
    sql`
    with account as (
      select at from sign_in_attempts
       where email = ${email} and outcome = 'failure'
         and at > now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES + LOCKOUT_MINUTES})
         and at > coalesce((select max(at) from sign_in_attempts where email = ${email} and outcome = 'success'), '-infinity')
    ), address as (
      select at from sign_in_attempts
       where source_address = ${address} and outcome = 'failure'
         and at > now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES + LOCKOUT_MINUTES})
    ), windows as (
      select at, count(*) over (order by at range between ${WINDOW} preceding and current row) as n from account
      union all
      select at, count(*) over (order by at range between ${WINDOW} preceding and current row) as n from address
    )
    select coalesce(max(at) filter (where n >= ${MAX_FAILURES}) + make_interval(mins => ${LOCKOUT_MINUTES}) > now(), false) as locked
      from windows`,
  );
  return Boolean(row?.locked);
}
