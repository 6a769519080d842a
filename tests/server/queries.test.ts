import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { countAdminOverview } from '../../db/queries/admin-overview';
import { markThreadOpen, markThreadResolved } from '../../db/queries/comments';
import { updateCommitmentFields } from '../../db/queries/commitment-writes';
import { revokeUserSessions } from '../../db/queries/sessions';
import { getUserSummary } from '../../db/queries/users';
import { selectRows } from '../../db/rows';
import { endSession, resolveViewer } from '../../lib/server/session';
import { commitmentId } from '../support/api';
import { sessionCookieFor, TEST_AUTH_SECRET } from '../support/app';
import { openSeeded, testEngines } from '../support/seeded';

// The statements of db/queries that no test of an entry point pins down on its own.

describe.each(testEngines())('the queries on $name', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openSeeded(engine);
  });
  afterAll(() => handle.close());

  const one = async <T>(query: SQL) => (await selectRows<T>(handle.db, query))[0]!;
  const userId = async (email: string) => (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;

  it('updateCommitmentFields changes only the fields given, raises the version by one, and nothing at a stale version', async () => {
    const id = await commitmentId(handle, 'ISB-03');
    const columns = sql`select title, description, sector_id, lead_org_a_id, lead_org_b_id, due_date::text as due_date, version
                          from commitments where id = ${id}`;
    const before = await one<Record<string, unknown>>(columns);
    const sector = await one<{ id: string }>(sql`select id from sectors where slug = 'finance'`);
    const lead = await one<{ id: string }>(
      sql`select id from organisations where country = 'PK' and id <> ${before.lead_org_b_id} order by name limit 1`,
    );
    const changes = { title: 'A new title', sectorId: sector.id, leadOrgBId: lead.id, dueDate: null };

    expect(await updateCommitmentFields({ db: handle.db, id, version: before.version as number, changes })).toBe(true);
    const after = await one<Record<string, unknown>>(columns);
    expect(after).toEqual({
      ...before, title: 'A new title', sector_id: sector.id, lead_org_b_id: lead.id, due_date: null, version: (before.version as number) + 1,
    });

    expect(await updateCommitmentFields({ db: handle.db, id, version: before.version as number, changes: { title: 'Too late' } })).toBe(false);
    expect(await one<Record<string, unknown>>(columns)).toEqual(after);
  });

  it('resolving a resolved thread keeps its first resolution; reopening clears it', async () => {
    const comment = await one<{ id: string }>(sql`select id from comments where parent_id is null and resolved_at is null limit 1`);
    const [reviewer, admin] = [await userId('reviewer@agenda.test'), await userId('admin@agenda.test')];
    const first = await markThreadResolved({ db: handle.db, id: comment.id, resolvedById: reviewer });
    expect(first).toMatchObject({ id: comment.id, resolvedById: reviewer });
    expect(first.resolvedAt).toBeInstanceOf(Date);
    expect(await markThreadResolved({ db: handle.db, id: comment.id, resolvedById: admin })).toEqual(first);
    expect(await markThreadOpen({ db: handle.db, id: comment.id })).toEqual({ id: comment.id, resolvedAt: null, resolvedById: null });
  });

  it('signing out ends that session only, once, on the record; a second sign-out of it changes nothing', async () => {
    const [leaving, staying] = [await sessionCookieFor(handle, 'official@agenda.test'), await sessionCookieFor(handle, 'official@agenda.test')];
    const viewer = (await resolveViewer(handle.db, leaving, TEST_AUTH_SECRET))!;
    const signedOut = sql`select count(*)::int as n from audit_events where action = 'auth.signed_out' and entity_id = ${viewer.sessionId}`;
    await endSession(handle.db, viewer.sessionId);
    await endSession(handle.db, viewer.sessionId);
    expect(await resolveViewer(handle.db, leaving, TEST_AUTH_SECRET)).toBeNull();
    expect(await resolveViewer(handle.db, staying, TEST_AUTH_SECRET)).not.toBeNull();
    expect((await one<{ n: number }>(signedOut)).n).toBe(1);
  });

  it('counts a user’s open sessions and revokes only those, leaving expired and revoked ones as they were', async () => {
    const email = 'staff@agenda.test';
    const id = await userId(email);
    await revokeUserSessions({ db: handle.db, userId: id });
    for (let i = 0; i < 3; i += 1) await sessionCookieFor(handle, email);
    const [expired] = await selectRows<{ id: string }>(
      handle.db,
      sql`update user_sessions set created_at = now() - interval '8 days', expires_at = now() - interval '1 day'
           where id = (select id from user_sessions where user_id = ${id} and revoked_at is null limit 1) returning id`,
    );
    const summary = (await getUserSummary({ db: handle.db, id }))!;
    expect(summary.openSessions).toBe(2);
    // Signing in stamped the account.
    expect(summary.lastSignInAt).toBeInstanceOf(Date);
    expect(await revokeUserSessions({ db: handle.db, userId: id })).toBe(2);
    expect((await getUserSummary({ db: handle.db, id }))!.openSessions).toBe(0);
    expect(await one(sql`select revoked_at from user_sessions where id = ${expired!.id}`)).toEqual({ revoked_at: null });
  });

  it('moves a session’s last_seen_at forward when it is over a minute old, and leaves it alone within the minute', async () => {
    const cookie = await sessionCookieFor(handle, 'reviewer@agenda.test');
    const { sessionId } = (await resolveViewer(handle.db, cookie, TEST_AUTH_SECRET))!;
    const seen = sql`select (now() - last_seen_at) < interval '1 minute' as recent from user_sessions where id = ${sessionId}`;
    await handle.db.execute(sql`update user_sessions set last_seen_at = now() - interval '30 seconds' where id = ${sessionId}`);
    const within = await one<{ at: string }>(sql`select last_seen_at::text as at from user_sessions where id = ${sessionId}`);
    await resolveViewer(handle.db, cookie, TEST_AUTH_SECRET);
    expect(await one(sql`select last_seen_at::text as at from user_sessions where id = ${sessionId}`)).toEqual(within);
    await handle.db.execute(sql`update user_sessions set last_seen_at = now() - interval '5 minutes' where id = ${sessionId}`);
    await resolveViewer(handle.db, cookie, TEST_AUTH_SECRET);
    expect(await one(seen)).toEqual({ recent: true });
  });

  it('the administration overview counts users, administrators, organisations and recent failed sign-ins', async () => {
    const before = await countAdminOverview({ db: handle.db });
    await handle.db.execute(sql`update users set disabled_at = now() where email = 'reviewer@agenda.test'`);
    await handle.db.execute(sql`insert into sign_in_attempts (email, source_address, outcome, at) values
      ('someone@agenda.test', '10.9.9.9', 'failure', now() - interval '1 hour'),
      ('someone@agenda.test', '10.9.9.9', 'locked', now() - interval '2 hours'),
      ('someone@agenda.test', '10.9.9.9', 'failure', now() - interval '25 hours'),
      ('someone@agenda.test', '10.9.9.9', 'success', now())`);
    const expected = await one<Record<string, number>>(
      sql`select (select count(*)::int from users) as users, (select count(*)::int from organisations) as organisations,
                 (select count(*)::int from users where role = 'admin') as administrators`,
    );
    expect(await countAdminOverview({ db: handle.db })).toEqual({
      ...expected, disabledUsers: before.disabledUsers + 1, failedSignIns24h: before.failedSignIns24h + 2,
    });
    await handle.db.execute(sql`update users set disabled_at = null where email = 'reviewer@agenda.test'`);
  });
});
