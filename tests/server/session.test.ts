import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { selectRows } from '../../db/rows';
import { resolveViewer } from '../../lib/server/session';
import { signIn } from '../../lib/server/sign-in';
import { APP_ORIGIN, sessionCookieFor, TEST_AUTH_SECRET, useDatabase } from '../support/app';
import { openSeeded, testEngines } from '../support/seeded';

const attempt = (email: string, password: string, sourceAddress = '10.0.0.1') =>
  ({ email, password, sourceAddress, userAgent: 'vitest' });

describe.each(testEngines())('sessions and sign-in on $name', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openSeeded(engine);
  });
  afterAll(() => handle.close());

  const viewerOf = (cookie: string) => resolveViewer(handle.db, cookie, TEST_AUTH_SECRET);

  it('signs in with the right password, case-insensitively, and knows the viewer on the next request', async () => {
    const cookie = await sessionCookieFor(handle, 'Staff@Agenda.TEST');
    const viewer = await viewerOf(cookie);
    expect(viewer).toMatchObject({ email: 'staff@agenda.test', role: 'staff' });
    expect(viewer!.organisationName).toBe('Ministry of Trade and Integration of the Republic of Kazakhstan');
  });

  it('refuses a wrong password, an unknown account and a cookie made with another secret', async () => {
    expect(await signIn(handle.db, attempt('reviewer@agenda.test', 'not-the-password'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(handle.db, attempt('nobody@agenda.test', 'demo-password-2026'))).toEqual({ ok: false, reason: 'invalid' });
    const cookie = await sessionCookieFor(handle, 'reviewer@agenda.test');
    expect(await resolveViewer(handle.db, cookie, 'another-secret-that-is-long-enough-0123456789')).toBeNull();
    expect(await viewerOf('authjs.session-token=garbage')).toBeNull();
  });

  it('refuses a disabled user’s existing session on its next request', async () => {
    const cookie = await sessionCookieFor(handle, 'official@agenda.test');
    expect(await viewerOf(cookie)).not.toBeNull();
    await handle.db.execute(sql`update users set disabled_at = now() where email = 'official@agenda.test'`);
    expect(await viewerOf(cookie)).toBeNull();
    expect((await signIn(handle.db, attempt('official@agenda.test', 'demo-password-2026'))).ok).toBe(false);
    await handle.db.execute(sql`update users set disabled_at = null where email = 'official@agenda.test'`);
  });

  it('shows next-auth’s session endpoint no session for a disabled user’s or an ended session’s cookie, and clears it', async () => {
    useDatabase(handle);
    // next-auth reads AUTH_SECRET when its configuration loads, so after useDatabase has set it.
    const authRoute = await import('../../app/api/auth/[...nextauth]/route');
    const session = async (cookie: string) => {
      const response = await authRoute.GET(new NextRequest(`${APP_ORIGIN}/api/auth/session`, { headers: { cookie } }));
      return { body: await response.json(), cleared: response.headers.getSetCookie().some((c) => /session-token=;/.test(c)) };
    };
    const cookie = await sessionCookieFor(handle, 'official@agenda.test');
    expect((await session(cookie)).body).toMatchObject({ user: { email: 'official@agenda.test', name: expect.any(String) } });
    await handle.db.execute(sql`update users set disabled_at = now() where email = 'official@agenda.test'`);
    try {
      expect(await session(cookie)).toEqual({ body: null, cleared: true });
    } finally {
      await handle.db.execute(sql`update users set disabled_at = null where email = 'official@agenda.test'`);
    }
    const ended = await sessionCookieFor(handle, 'reviewer@agenda.test');
    const viewer = await viewerOf(ended);
    await handle.db.execute(sql`update user_sessions set revoked_at = now() where id = ${viewer!.sessionId}`);
    expect((await session(ended)).body).toBeNull();
  });

  it('ends every session at once when the session version is raised (role change, sign out everywhere)', async () => {
    const first = await sessionCookieFor(handle, 'admin@agenda.test');
    const second = await sessionCookieFor(handle, 'admin@agenda.test');
    await handle.db.execute(sql`update users set session_version = session_version + 1 where email = 'admin@agenda.test'`);
    expect(await viewerOf(first)).toBeNull();
    expect(await viewerOf(second)).toBeNull();
    expect(await viewerOf(await sessionCookieFor(handle, 'admin@agenda.test'))).not.toBeNull();
  });

  it('ends a session idle for 8 hours, and one past its 7-day lifetime', async () => {
    const idle = await sessionCookieFor(handle, 'reviewer@agenda.test');
    const old = await sessionCookieFor(handle, 'reviewer@agenda.test');
    const [idleRow, oldRow] = await Promise.all([viewerOf(idle), viewerOf(old)]);
    await handle.db.execute(sql`update user_sessions set last_seen_at = now() - interval '8 hours 1 minute' where id = ${idleRow!.sessionId}`);
    await handle.db.execute(sql`update user_sessions set created_at = now() - interval '8 days', expires_at = now() - interval '1 day' where id = ${oldRow!.sessionId}`);
    expect(await viewerOf(idle)).toBeNull();
    expect(await viewerOf(old)).toBeNull();
  });

  it('locks an account after 10 failures in 15 minutes, with the same answer as a wrong password, then lets it in again', async () => {
    const email = 'staff@agenda.test';
    for (let i = 0; i < 10; i += 1) {
      expect(await signIn(handle.db, attempt(email, `wrong-${i}`, `10.1.0.${i}`))).toEqual({ ok: false, reason: 'invalid' });
    }
    const locked = await signIn(handle.db, attempt(email, 'demo-password-2026', '10.1.1.1'));
    expect(locked).toEqual({ ok: false, reason: 'locked' });
    // 15 minutes later (the attempts moved back in time), the right password works again.
    await handle.db.execute(sql`update sign_in_attempts set at = at - interval '16 minutes' where email = ${email}`);
    expect((await signIn(handle.db, attempt(email, 'demo-password-2026', '10.1.1.1'))).ok).toBe(true);
  });

  it('locks a client address after 10 failures across accounts', async () => {
    for (let i = 0; i < 10; i += 1) {
      await signIn(handle.db, attempt(`guess-${i}@agenda.test`, 'wrong-password', '192.0.2.77'));
    }
    expect(await signIn(handle.db, attempt('reviewer@agenda.test', 'demo-password-2026', '192.0.2.77'))).toEqual({ ok: false, reason: 'locked' });
    expect((await signIn(handle.db, attempt('reviewer@agenda.test', 'demo-password-2026', '192.0.2.78'))).ok).toBe(true);
  });

  it('writes an audit event for every success, failure and lock-out, without the password', async () => {
    const rows = await selectRows<{ action: string; n: number }>(
      handle.db,
      sql`select action, count(*)::int as n from audit_events where action like 'auth.%' group by action order by action`,
    );
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(byAction['auth.sign_in_succeeded']).toBeGreaterThan(5);
    expect(byAction['auth.sign_in_failed']).toBeGreaterThanOrEqual(22);
    expect(byAction['auth.sign_in_locked']).toBe(2);
    const leaks = await selectRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_events where coalesce(before::text, '') || coalesce(after::text, '') like '%demo-password%'`,
    );
    expect(leaks[0]!.n).toBe(0);
  });
});
