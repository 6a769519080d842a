import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '../connect';
import { selectRows } from '../rows';
import { signInAttempts } from '../schema';

type SignInOutcome = 'success' | 'failure' | 'locked';

/**
 * Serialises sign-in attempts on one account across processes until the transaction ends, so that
 * a limit counted from sign_in_attempts holds however many app instances share the database.
 */
export async function lockSignInAccount({ db, email }: { db: Database; email: string }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
}

export async function insertSignInAttempt({
  db, email, sourceAddress, outcome,
}: { db: Database; email: string; sourceAddress: string; outcome: SignInOutcome }): Promise<void> {
  await db.insert(signInAttempts).values({ email, sourceAddress, outcome });
}

interface LockOutRule {
  /** Failures within one window that lock. */
  maxFailures: number;
  windowMinutes: number;
  /** How long a lock lasts after the failure that reached the limit. */
  lockoutMinutes: number;
}

/**
 * Locked when, within the last lock-out period, some window held `maxFailures` failures: for the
 * account (failures since its last success) or for the client address.
 */
export async function isSignInLocked({
  db, email, sourceAddress, rule,
}: { db: Database; email: string; sourceAddress: string; rule: LockOutRule }): Promise<boolean> {
  const { maxFailures, windowMinutes, lockoutMinutes } = rule;
  if (!Number.isInteger(windowMinutes) || windowMinutes < 1) throw new RangeError('The lock-out window must be a whole number of minutes');
  // Written into the SQL (from a checked integer): a window frame offset cannot be a bound parameter everywhere.
  const window = sql.raw(`interval '${windowMinutes} minutes'`);
  const [row] = await selectRows<{ locked: boolean }>(
    db,
    sql`
    with account as (
      select at from sign_in_attempts
       where email = ${email} and outcome = 'failure'
         and at > now() - make_interval(mins => ${windowMinutes + lockoutMinutes})
         and at > coalesce((select max(at) from sign_in_attempts where email = ${email} and outcome = 'success'), '-infinity')
    ), address as (
      select at from sign_in_attempts
       where source_address = ${sourceAddress} and outcome = 'failure'
         and at > now() - make_interval(mins => ${windowMinutes + lockoutMinutes})
    ), windows as (
      select at, count(*) over (order by at range between ${window} preceding and current row) as n from account
      union all
      select at, count(*) over (order by at range between ${window} preceding and current row) as n from address
    )
    select coalesce(max(at) filter (where n >= ${maxFailures}) + make_interval(mins => ${lockoutMinutes}) > now(), false) as locked
      from windows`,
  );
  return Boolean(row?.locked);
}
