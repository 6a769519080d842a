import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { changeOwnPassword } from '../../lib/server/account';
import { contextFromHeaders } from '../../lib/server/context';
import { resolveViewer } from '../../lib/server/session';
import { signIn } from '../../lib/server/sign-in';
import { sessionCookieFor, TEST_AUTH_SECRET, useDatabase } from '../support/app';
import { fieldKeys } from '../support/messages';
import { refusal } from '../support/refusal';
import { openSeeded, testEngines } from '../support/seeded';

const DEMO_PASSWORD = 'demo-password-2026';

describe.each(testEngines())('changing one’s own password on $name', (engine) => {
  let handle: DatabaseHandle;
  const ctxFor = (cookie?: string) => contextFromHeaders(new Headers(cookie ? { cookie, 'x-agenda-client-address': '198.51.100.7' } : {}), handle.db);
  const signInWith = (email: string, password: string) => signIn(handle.db, { email, password, sourceAddress: '203.0.113.9', userAgent: 'vitest' });
  const userRow = async (email: string) =>
    (await selectRows<{ password_hash: string; session_version: number }>(handle.db, sql`select password_hash, session_version from users where email = ${email}`))[0]!;
  const auditCount = async (action: string) =>
    (await selectRows<{ n: number }>(handle.db, sql`select count(*)::int as n from audit_events where action = ${action}`))[0]!.n;

  beforeAll(async () => {
    handle = await openSeeded(engine);
    useDatabase(handle);
  });
  afterAll(() => handle?.close());

  it('refuses bad input with the field it concerns, and changes nothing', async () => {
    const ctx = await ctxFor(await sessionCookieFor(handle, 'reviewer@agenda.test'));
    const before = await userRow('reviewer@agenda.test');
    const cases: [Record<string, unknown>, string, string[]][] = [
      [{ currentPassword: '', newPassword: 'a-sound-new-passphrase', confirmPassword: 'a-sound-new-passphrase' }, 'currentPassword', ['account.errors.currentRequired']],
      [{ currentPassword: DEMO_PASSWORD, newPassword: 'short', confirmPassword: 'short' }, 'newPassword', ['passwordPolicy.tooShort']],
      [{ currentPassword: DEMO_PASSWORD, newPassword: 'reviewer@agenda.test', confirmPassword: 'reviewer@agenda.test' }, 'newPassword', ['passwordPolicy.matchesEmail']],
      [{ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }, 'newPassword', ['account.errors.sameAsCurrent']],
      [{ currentPassword: DEMO_PASSWORD, newPassword: 'a-sound-new-passphrase', confirmPassword: 'a-sound-new-passphrasf' }, 'confirmPassword', ['account.errors.confirmMismatch']],
      [{ currentPassword: 'not-the-password-at-all', newPassword: 'a-sound-new-passphrase', confirmPassword: 'a-sound-new-passphrase' }, 'currentPassword', ['account.errors.wrongCurrent']],
      [{ currentPassword: DEMO_PASSWORD, newPassword: 42, confirmPassword: 42 }, 'newPassword', ['account.errors.newRequired']],
    ];
    for (const [input, field, keys] of cases) {
      const error = await refusal(changeOwnPassword(ctx, input));
      expect(error.code, JSON.stringify(input)).toBe('invalid');
      expect(fieldKeys(error.fields)[field], JSON.stringify(input)).toEqual(keys);
    }
    expect(await userRow('reviewer@agenda.test')).toEqual(before);
    // The wrong current password is on record; the refused policy checks need not be.
    expect(await auditCount('user.password_change_refused')).toBe(1);
    expect((await signInWith('reviewer@agenda.test', DEMO_PASSWORD)).ok).toBe(true);
  });

  it('refuses anyone not signed in', async () => {
    const error = await refusal(changeOwnPassword(await ctxFor(), { currentPassword: DEMO_PASSWORD, newPassword: 'a-sound-new-passphrase', confirmPassword: 'a-sound-new-passphrase' }));
    expect(error.code).toBe('unauthenticated');
  });

  it('takes the new password, ends every session of the user (this one too) and records it', async () => {
    const email = 'staff@agenda.test';
    const here = await sessionCookieFor(handle, email);
    const elsewhere = await sessionCookieFor(handle, email);
    const other = await sessionCookieFor(handle, 'official@agenda.test');
    const before = await userRow(email);
    const result = await changeOwnPassword(await ctxFor(here), {
      currentPassword: DEMO_PASSWORD, newPassword: 'a-sound-new-passphrase', confirmPassword: 'a-sound-new-passphrase',
    });
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(2);
    const after = await userRow(email);
    expect(after.session_version).toBe(before.session_version + 1);
    expect(after.password_hash).not.toBe(before.password_hash);
    expect(await resolveViewer(handle.db, here, TEST_AUTH_SECRET)).toBeNull();
    expect(await resolveViewer(handle.db, elsewhere, TEST_AUTH_SECRET)).toBeNull();
    expect((await resolveViewer(handle.db, other, TEST_AUTH_SECRET))?.email).toBe('official@agenda.test');
    expect(await signInWith(email, DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect((await signInWith(email, 'a-sound-new-passphrase')).ok).toBe(true);
    const events = await selectRows<{ actor_label: string; after: unknown }>(
      handle.db,
      sql`select actor_label, after from audit_events where action = 'user.password_changed'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_label).toBe(email);
    expect(JSON.stringify(events[0]!.after)).not.toContain('passphrase');
  });
});
